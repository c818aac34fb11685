// The tags of an OCI layout written by skopeo: the ref.name annotations of its index.json,
// sorted and paged like a registry's list, each resolving to its entry; moving a tag (skopeo
// copying another image to the same name) moves what it resolves to.

import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { StrataError } from '../../../shared/errors'
import {
  layoutOfRepositoryRef,
  listLayoutTags,
  readLayoutTags,
  resolveLayoutTag,
} from '../../../electron/stores/oci-layout/ociLayoutTags'
import { writeSkopeoTaggedLayout } from '../../harness/skopeoTaggedLayout'
import { runTool } from '../../harness/tools'

let workDir: string
let layout: string
let source: string

before(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'strata-layout-tags-'))
  source = join(workDir, 'source')
  layout = join(workDir, 'layout')
  await writeSkopeoTaggedLayout(source, layout)
})

after(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true })
})

test('a layout written by skopeo lists its ref.name tags, sorted, in pages', async () => {
  assert.deepEqual(await listLayoutTags(layout), { items: ['latest', 'v1', 'v2'] })
  const first = await listLayoutTags(layout, { pageSize: 2 })
  assert.deepEqual(first, { items: ['latest', 'v1'], next: 'v1' })
  assert.deepEqual(await listLayoutTags(layout, { pageSize: 2, cursor: first.next }), {
    items: ['v2'],
  })
})

test('each tag resolves to its entry; a moved tag resolves to the new image', async () => {
  const v1 = await resolveLayoutTag(layout, 'v1')
  const v2 = await resolveLayoutTag(layout, 'v2')
  assert.notEqual(v1.digest, v2.digest)
  assert.equal((await resolveLayoutTag(layout, 'latest')).digest, v1.digest)
  await runTool('skopeo', ['copy', '-q', `oci:${source}:two`, `oci:${layout}:latest`])
  assert.equal((await resolveLayoutTag(layout, 'latest')).digest, v2.digest)
  assert.deepEqual([...(await readLayoutTags(layout)).keys()], ['latest', 'v1', 'v2'])
  await assert.rejects(
    resolveLayoutTag(layout, 'v3'),
    (error: unknown) =>
      error instanceof StrataError && error.code === 'NOT_FOUND' && error.message.includes('"v3"'),
  )
})

test('a directory that is not a layout is refused; only "oci:/path" names a layout', async () => {
  await assert.rejects(listLayoutTags(workDir), StrataError)
  assert.equal(layoutOfRepositoryRef(`oci:${layout}`), layout)
  assert.equal(layoutOfRepositoryRef(`oci:${layout}:v1`), undefined)
  assert.equal(layoutOfRepositoryRef('docker://127.0.0.1:5000/a/b'), undefined)
  assert.equal(layoutOfRepositoryRef('127.0.0.1:5000/a/b'), undefined)
})

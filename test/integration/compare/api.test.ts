// compare:images through the handler table against the real registry, with the file-level
// diff of the merged filesystems: two images on one shared base layer whose top layers add,
// remove (by whiteout, by opaque directory, by leaving out), and change files (content of the
// same size, size, mode, symlink target, through a hardlink); the diff must match exactly.

import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FileChange } from '../../../shared/api/compare'
import type { Services } from '../../../electron/api/services'
import { createHandlers } from '../../../electron/api/handlers'
import type { HandlerTable } from '../../../electron/api/handlerTable'
import { composeServices } from '../../../electron/app/composeServices'
import { diffFilesystems } from '../../../electron/compare/fileDiff'
import { englishCompareWarning } from '../../../shared/compareWarningText'
import { callHandler, callHandlerError } from '../../harness/handlerCalls'
import { OciLayoutBuilder } from '../../harness/ociBuilder'
import type { TarEntrySpec } from '../../harness/ociBuilder'
import { pushTestImage } from '../../harness/imagePushing'
import type { PushedTestImage } from '../../harness/imagePushing'
import { startRegistry } from '../../harness/registryServer'
import type { RunningRegistry } from '../../harness/registryServer'

const BASE: TarEntrySpec[] = [
  { type: 'dir', path: 'etc' },
  { type: 'file', path: 'etc/os-release', content: 'ID=strata\n' },
  { type: 'file', path: 'etc/motd', content: 'hi\n' },
  { type: 'file', path: 'etc/hosts', content: '127.0.0.1 localhost\n' },
  { type: 'dir', path: 'bin' },
  { type: 'file', path: 'bin/tool', content: 'tool-1\n', mode: 0o755 },
  { type: 'symlink', path: 'bin/sh', target: 'busybox' },
  { type: 'dir', path: 'opt' },
  { type: 'dir', path: 'opt/old' },
  { type: 'file', path: 'opt/old/readme', content: 'old\n' },
]

const LEFT_TOP: TarEntrySpec[] = [
  { type: 'dir', path: 'app' },
  { type: 'file', path: 'app/config', content: 'mode=dev\n' },
  { type: 'hardlink', path: 'app/link', target: 'app/config' },
  { type: 'file', path: 'app/same', content: 'same\n' },
  { type: 'file', path: 'app/only-left', content: 'left\n' },
]

const RIGHT_TOP: TarEntrySpec[] = [
  { type: 'whiteout', path: 'etc/motd' },
  { type: 'opaque', path: 'opt/old' },
  { type: 'file', path: 'opt/old/fresh', content: 'fresh\n' },
  { type: 'dir', path: 'app' },
  { type: 'file', path: 'app/config', content: 'mode=prd\n' },
  { type: 'hardlink', path: 'app/link', target: 'app/config' },
  { type: 'file', path: 'app/same', content: 'same\n' },
  { type: 'file', path: 'app/new', content: 'new file\n' },
  { type: 'file', path: 'bin/tool', content: 'tool-1\n', mode: 0o700 },
  { type: 'symlink', path: 'bin/sh', target: 'dash' },
  { type: 'file', path: 'etc/hosts', content: '127.0.0.1 localhost strata\n' },
]

const EXPECTED: FileChange[] = [
  { path: '/app/config', status: 'changed', kind: 'file', leftSize: 9, rightSize: 9, sizeDelta: 0 },
  { path: '/app/link', status: 'changed', kind: 'file', leftSize: 9, rightSize: 9, sizeDelta: 0 },
  { path: '/app/new', status: 'added', kind: 'file', rightSize: 9, sizeDelta: 9 },
  { path: '/app/only-left', status: 'removed', kind: 'file', leftSize: 5, sizeDelta: -5 },
  { path: '/bin/sh', status: 'changed', kind: 'symlink', leftSize: 0, rightSize: 0, sizeDelta: 0 },
  { path: '/bin/tool', status: 'changed', kind: 'file', leftSize: 7, rightSize: 7, sizeDelta: 0 },
  {
    path: '/etc/hosts',
    status: 'changed',
    kind: 'file',
    leftSize: 20,
    rightSize: 27,
    sizeDelta: 7,
  },
  { path: '/etc/motd', status: 'removed', kind: 'file', leftSize: 3, sizeDelta: -3 },
  { path: '/opt/old/fresh', status: 'added', kind: 'file', rightSize: 6, sizeDelta: 6 },
  { path: '/opt/old/readme', status: 'removed', kind: 'file', leftSize: 4, sizeDelta: -4 },
]

describe('compare api against the registry', () => {
  let registry: RunningRegistry
  let dataDir: string
  let services: Services
  let table: HandlerTable
  let left: PushedTestImage
  let right: PushedTestImage
  const ref = (tag: string): string => `docker://${registry.host}/demo/compare:${tag}`

  before(async () => {
    registry = await startRegistry()
    dataDir = await mkdtemp(join(tmpdir(), 'strata-compare-api-'))
    services = await composeServices({ mode: 'web', dataDir, env: {}, onWarning: () => undefined })
    table = createHandlers(services)
    const builder = new OciLayoutBuilder('/nonexistent')
    left = await pushTestImage(
      registry.host,
      'demo/compare',
      ['left'],
      { layers: [BASE, LEFT_TOP], env: ['MODE=dev'] },
      builder,
    )
    right = await pushTestImage(
      registry.host,
      'demo/compare',
      ['right'],
      { layers: [BASE, RIGHT_TOP], env: ['MODE=prd'] },
      builder,
    )
  })
  after(async () => {
    await services?.close()
    await registry?.stop()
    await rm(dataDir, { recursive: true, force: true })
  })

  it('diffs configs and layers, and leaves files out unless asked', async () => {
    const comparison = await callHandler(table, 'compare:images', {
      left: ref('left'),
      right: ref('right'),
    })
    assert.equal(comparison.identical, false)
    assert.equal(comparison.left.manifestDigest, left.digest)
    assert.equal(comparison.right.manifestDigest, right.digest)
    assert.deepEqual(comparison.config.env.changed, [{ key: 'MODE', left: 'dev', right: 'prd' }])
    assert.deepEqual(
      comparison.layers.sharedPrefix.map((p) => p.left.digest),
      [left.layers[0]?.digest],
    )
    assert.deepEqual(
      comparison.layers.onlyRight.map((l) => l.digest),
      [right.layers[1]?.digest],
    )
    assert.equal(comparison.files, undefined)
  })

  it('diffs the merged filesystems exactly', async () => {
    const comparison = await callHandler(table, 'compare:images', {
      left: ref('left'),
      right: ref('right'),
      files: true,
      platform: 'linux/amd64',
    })
    assert.deepEqual(comparison.files, EXPECTED)
    assert.deepEqual(comparison.warnings, [])
    // The other way round: added and removed swap, deltas change sign.
    const reverse = await callHandler(table, 'compare:images', {
      left: ref('right'),
      right: ref('left'),
      files: true,
    })
    assert.deepEqual(
      reverse.files,
      EXPECTED.map((change): FileChange => {
        const status =
          change.status === 'added' ? 'removed' : change.status === 'removed' ? 'added' : 'changed'
        return {
          path: change.path,
          status,
          kind: change.kind,
          ...(change.rightSize !== undefined ? { leftSize: change.rightSize } : {}),
          ...(change.leftSize !== undefined ? { rightSize: change.leftSize } : {}),
          sizeDelta: change.sizeDelta === 0 ? 0 : -change.sizeDelta,
        }
      }),
    )
    const same = await callHandler(table, 'compare:images', {
      left: ref('left'),
      right: `docker://${registry.host}/demo/compare@${left.digest}`,
      files: true,
    })
    assert.equal(same.identical, true)
    assert.deepEqual(same.files, [])
  })

  it('compares across sources, and refuses a bad platform', async () => {
    const { sampleRef } = await callHandler(table, 'app:info', {})
    const comparison = await callHandler(table, 'compare:images', {
      left: sampleRef,
      right: ref('left'),
      files: true,
    })
    const paths = new Set((comparison.files ?? []).map((f) => f.path))
    for (const change of comparison.files ?? []) assert.match(change.path, /^\//)
    assert.ok(paths.has('/app/config'))
    assert.deepEqual([...paths], [...paths].sort(), 'changes are sorted by path')
    assert.equal(
      await callHandlerError(table, 'compare:images', {
        left: ref('left'),
        right: ref('right'),
        platform: 'amd64',
      }),
      'BAD_INPUT',
    )
  })

  it('caps a long diff with a warning', async () => {
    const source = await services.openSource(ref('left'), new AbortController().signal)
    const other = await services.openSource(ref('right'), new AbortController().signal)
    const side = async (s: typeof source) => {
      const opened = await services.files.open(s)
      return {
        layers: opened.layers,
        descriptors: opened.descriptors,
        openBlob: (d: Parameters<typeof s.openBlob>[0], signal?: AbortSignal) =>
          s.openBlob(d, { signal }),
      }
    }
    const diff = await diffFilesystems(await side(source), await side(other), { maxChanges: 3 })
    assert.equal(diff.total, EXPECTED.length)
    assert.deepEqual(diff.changes, EXPECTED.slice(0, 3))
    assert.deepEqual(diff.warnings, [{ kind: 'filesCapped', total: EXPECTED.length, listed: 3 }])
    assert.deepEqual(diff.warnings.map(englishCompareWarning), [
      `The filesystems differ in ${EXPECTED.length} paths; the first 3 (by path) are listed.`,
    ])
  })
})

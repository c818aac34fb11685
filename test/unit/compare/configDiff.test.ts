import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { ImageConfig } from '../../../shared/oci/types'
import { alignHistory, diffConfigs, envMap } from '../../../electron/compare/configDiff'
import { alignLayers } from '../../../electron/compare/layerAlignment'
import type { AlignedLayer } from '../../../shared/api/compare'

const base: ImageConfig = {
  architecture: 'amd64',
  os: 'linux',
  config: {
    Env: ['PATH=/bin', 'MODE=a', 'ONLY_LEFT=1', 'EQ=x=y'],
    Cmd: ['/run'],
    WorkingDir: '/app',
    Labels: { team: 'core', keep: 'yes' },
    ExposedPorts: { '80/tcp': {}, '443/tcp': {} },
  },
  rootfs: { type: 'layers', diff_ids: [] },
  history: [
    { created_by: '/bin/sh -c #(nop) ADD file:abc in /' },
    { created_by: '/bin/sh -c #(nop) ENV MODE=a', empty_layer: true },
    { created_by: '/bin/sh -c apk add curl' },
  ],
}

describe('config diff', () => {
  it('splits env on the first "=" and reports added, removed, changed', () => {
    assert.deepEqual(
      [...envMap(['A=1', 'B=x=y', 'BARE'])],
      [
        ['A', '1'],
        ['B', 'x=y'],
        ['BARE', ''],
      ],
    )
    const right: ImageConfig = {
      ...base,
      architecture: 'arm64',
      config: {
        Env: ['PATH=/bin', 'MODE=b', 'EQ=x=y', 'NEW=2'],
        Cmd: ['/run', '--fast'],
        Entrypoint: ['/init'],
        User: '1000',
        WorkingDir: '/app',
        Labels: { keep: 'yes', version: '2' },
        ExposedPorts: { '443/tcp': {}, '8080/tcp': {} },
        Volumes: { '/data': {} },
      },
    }
    const diff = diffConfigs(base, right)
    assert.deepEqual(diff.env, {
      added: [{ key: 'NEW', value: '2' }],
      removed: [{ key: 'ONLY_LEFT', value: '1' }],
      changed: [{ key: 'MODE', left: 'a', right: 'b' }],
      unchanged: 2,
    })
    assert.deepEqual(diff.labels.added, [{ key: 'version', value: '2' }])
    assert.deepEqual(diff.labels.removed, [{ key: 'team', value: 'core' }])
    assert.deepEqual(diff.cmd, { left: ['/run'], right: ['/run', '--fast'] })
    assert.deepEqual(diff.entrypoint, { right: ['/init'] })
    assert.deepEqual(diff.user, { right: '1000' })
    assert.equal(diff.workdir, undefined)
    assert.deepEqual(diff.platform, { left: 'linux/amd64', right: 'linux/arm64' })
    assert.deepEqual(diff.exposedPorts, {
      added: ['8080/tcp'],
      removed: ['80/tcp'],
      unchanged: ['443/tcp'],
    })
    assert.deepEqual(diff.volumes, { added: ['/data'], removed: [], unchanged: [] })
  })

  it('aligns history so an inserted step is one added row', () => {
    const history = base.history ?? []
    const right = [history[0]!, { created_by: '/bin/sh -c adduser app' }, ...history.slice(1)]
    const rows = alignHistory(history, right)
    assert.deepEqual(
      rows.map((r) => [r.status, r.step, r.leftIndex, r.rightIndex]),
      [
        ['same', 'ADD file:abc in /', 0, 0],
        ['only-right', 'RUN adduser app', undefined, 1],
        ['same', 'ENV MODE=a', 1, 2],
        ['same', 'RUN apk add curl', 2, 3],
      ],
    )
    const changedLast = alignHistory(history, [...history.slice(0, 2), { created_by: 'COPY x /' }])
    assert.deepEqual(
      changedLast.map((r) => r.status),
      ['same', 'same', 'only-left', 'only-right'],
    )
  })
})

describe('layer alignment', () => {
  const layer = (c: string, size: number, diff?: string): AlignedLayer => ({
    digest: `sha256:${c.repeat(64)}`,
    size,
    mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
    position: 0,
    ...(diff !== undefined ? { diffId: `sha256:${diff.repeat(64)}` } : {}),
  })

  it('finds the shared prefix by digest or diff ID, then what each side has alone', () => {
    const left = [layer('1', 100, 'a'), layer('2', 20, 'b'), layer('3', 3, 'c'), layer('9', 9)]
    const right = [layer('1', 100, 'a'), layer('5', 25, 'b'), layer('4', 4, 'd'), layer('9', 9)]
    const alignment = alignLayers(left, right)
    assert.deepEqual(
      alignment.sharedPrefix.map((p) => p.match),
      ['digest', 'diffId'],
    )
    assert.deepEqual(alignment.onlyLeft, [left[2]])
    assert.deepEqual(alignment.onlyRight, [right[2]])
    assert.deepEqual(alignment.movedLeft, [left[3]])
    assert.deepEqual(alignment.movedRight, [right[3]])
    assert.equal(alignment.sharedBytes, 100)
    assert.equal(alignment.onlyLeftBytes, 3)
    assert.equal(alignment.onlyRightBytes, 4)
  })
})

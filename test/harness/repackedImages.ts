// One small directory packed into an image more than once, as a rebuild would: GNU tar with every
// mtime set to a given time, compressed with gzip or the zstd CLI, pushed under a config whose
// creation and history times are that time. For semantic compare (same meaning, other bytes).

import { createHash } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gnuTar, gzip, run, tempDir, zstd } from './layerTars'
import { RegistryPusher } from './ociPusher'

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'

export const sha256Of = (bytes: Uint8Array): string =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`

/** The app's files, written fresh, every mtime set to `stamp` ("2024-01-01 00:00:00"). */
export async function packedTree(stamp: string, motd = 'hello\n'): Promise<Buffer> {
  const root = tempDir('repacked')
  run('mkdir', ['-p', join(root, 'etc'), join(root, 'app/bin')])
  await writeFile(join(root, 'etc/os-release'), 'ID=strata\nVERSION_ID=1\n')
  await writeFile(join(root, 'etc/motd'), motd)
  await writeFile(join(root, 'app/bin/run'), '#!/bin/sh\necho run\n', { mode: 0o755 })
  run('ln', ['-s', 'run', join(root, 'app/bin/start')])
  run('find', [root, '-exec', 'touch', '-h', '-d', stamp, '{}', '+'])
  return gnuTar(root, 'posix')
}

/** Pushes a one-layer image of `tar` as `<host>/<repository>:v1`; returns that reference. */
export async function pushRepacked(
  host: string,
  repository: string,
  tar: Buffer,
  compression: 'gzip' | 'zstd',
  created: string,
): Promise<string> {
  const pusher = new RegistryPusher({ host })
  const layer = compression === 'gzip' ? gzip(tar) : zstd(tar)
  const config = Buffer.from(
    JSON.stringify({
      created,
      architecture: 'amd64',
      os: 'linux',
      config: { Env: ['PATH=/usr/bin:/bin'], Cmd: ['/app/bin/run'] },
      rootfs: { type: 'layers', diff_ids: [sha256Of(tar)] },
      history: [{ created, created_by: 'COPY . /' }],
    }),
  )
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: sha256Of(config),
        size: config.length,
      },
      layers: [
        {
          mediaType: `application/vnd.oci.image.layer.v1.tar+${compression}`,
          digest: sha256Of(layer),
          size: layer.length,
        },
      ],
    }),
  )
  await pusher.pushBlob(repository, sha256Of(config), config)
  await pusher.pushBlob(repository, sha256Of(layer), layer)
  await pusher.pushManifest(repository, 'v1', manifest, OCI_MANIFEST)
  return `${host}/${repository}:v1`
}

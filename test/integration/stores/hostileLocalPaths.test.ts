// Hostile local paths (issue "Hardening", local items): layouts, dirs, archives, stores and
// config files whose files are links to /dev/zero or /etc/passwd, FIFOs, or symlinked
// directories. Every one must be refused at once with an error naming the file and the kind
// of problem, without reading the bytes, without blocking a libuv pool thread, and without
// echoing file contents or a credential helper's output.

import assert from 'node:assert/strict'
import { execFile, execFileSync } from 'node:child_process'
import { constants } from 'node:fs'
import { chmod, cp, mkdir, mkdtemp, open, rename, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { after, before, describe, test } from 'node:test'
import { StrataError } from '../../../shared/errors'
import { FileCredentialProvider } from '../../../electron/registry/credentialFiles'
import {
  openDockerArchive,
  openOciArchive,
} from '../../../electron/stores/archive/archiveFileSources'
import { openLocalSource } from '../../../electron/stores/openLocalSource'
import { openOciLayout } from '../../../electron/stores/oci-layout/ociLayoutSource'
import { probePath } from '../../../electron/stores/discovery/probePath'
import { defaultStorageSettings } from '../../../electron/stores/containers-storage/storageConf'
import { SAMPLE_DIR } from '../../harness/makeSample'
import type { LocalPathOpenResult } from '../../harness/localPathOpenChild'

const run = promisify(execFile)
const CHILD = resolve(import.meta.dirname, '..', '..', 'harness', 'localPathOpenChild.ts')
/** The sample's root for "demo": its image index blob. */
const DEMO_INDEX = 'a0e4745c8d48152fc0b967e77a947c2ec1c0560fbc20ac955a41a2e8805e0966'
const FAST_MS = 2000

let scratch: string
const fifos: string[] = []

before(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'strata-hostile-paths-'))
})
after(async () => {
  // Should a FIFO open ever block, a writer releases it so this process can still exit.
  for (const fifo of fifos) {
    const handle = await open(fifo, constants.O_RDWR | constants.O_NONBLOCK).catch(() => undefined)
    await handle?.close()
  }
  await rm(scratch, { recursive: true, force: true })
})

async function copySample(name: string): Promise<string> {
  const dir = join(scratch, name)
  await cp(SAMPLE_DIR, dir, { recursive: true })
  return dir
}

/** Replaces `path` with a FIFO. */
async function makeFifo(path: string): Promise<void> {
  await rm(path, { force: true })
  execFileSync('mkfifo', [path])
  fifos.push(path)
}

/** Replaces `path` with a symbolic link to `target`. */
async function replaceWithLink(path: string, target: string): Promise<void> {
  await rm(path, { force: true })
  await symlink(target, path)
}

/**
 * `action` must fail within FAST_MS with a StrataError of `code` whose message matches. A
 * hang fails the test instead of hanging it.
 */
async function refusedFast(
  action: () => Promise<unknown>,
  code: string,
  message: RegExp,
): Promise<StrataError> {
  const started = Date.now()
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${FAST_MS} ms`)), FAST_MS)
  })
  try {
    await Promise.race([action(), deadline])
  } catch (error) {
    assert.ok(error instanceof StrataError, `expected a StrataError, got ${String(error)}`)
    assert.equal(error.code, code, error.message)
    assert.match(error.message, message)
    assert.ok(Date.now() - started < FAST_MS)
    return error
  } finally {
    clearTimeout(timer)
  }
  assert.fail(`expected ${code}, but it succeeded`)
}

/** The sample opens and its root index reads: the app still answers. */
async function sampleStillOpens(): Promise<void> {
  const started = Date.now()
  const source = await openOciLayout(SAMPLE_DIR, 'demo')
  const index = await source.fetchManifest(await source.resolve())
  assert.equal(index.parsed.kind, 'index')
  assert.ok(Date.now() - started < FAST_MS, `the sample took ${Date.now() - started} ms`)
}

async function openInChild(ref: string): Promise<LocalPathOpenResult> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', CHILD, ref], {
    timeout: 60_000,
    maxBuffer: 1024 * 1024,
  })
  const parsed: unknown = JSON.parse(stdout)
  assert.ok(typeof parsed === 'object' && parsed !== null && 'maxRssMiB' in parsed)
  return parsed as LocalPathOpenResult
}

describe('unbounded reads: files linked to /dev/zero', () => {
  test('oci-layout or index.json linked to /dev/zero is refused at once, in little memory', async () => {
    const baseline = await openInChild(`oci:${SAMPLE_DIR}:demo`)
    assert.equal(baseline.code, 'ok', baseline.message)
    for (const file of ['oci-layout', 'index.json']) {
      const layout = await copySample(`zero-${file}`)
      await replaceWithLink(join(layout, file), '/dev/zero')
      const result = await openInChild(`oci:${layout}:demo`)
      assert.equal(result.code, 'BAD_INPUT', result.message)
      assert.match(result.message, new RegExp(`${file} is a symbolic link`))
      assert.ok(result.elapsedMs < FAST_MS, `${file}: ${result.elapsedMs} ms`)
      // Reading /dev/zero took RSS past 7.6 GB; refusing it costs nothing beyond the baseline.
      assert.ok(
        result.maxRssMiB < baseline.maxRssMiB + 64,
        `${file}: peak RSS ${result.maxRssMiB} MiB, baseline ${baseline.maxRssMiB} MiB`,
      )
    }
  })

  test('an archive path that is, or links to, a device is refused without reading it', async () => {
    const linked = join(scratch, 'zero.tar')
    await symlink('/dev/zero', linked)
    for (const path of ['/dev/zero', linked]) {
      await refusedFast(
        () => probePath(path),
        'BAD_INPUT',
        /is a character device, not a regular file/,
      )
      await refusedFast(
        () => openOciArchive(path, undefined),
        'BAD_INPUT',
        /is a character device, not a regular file; expected an OCI archive/,
      )
      await refusedFast(
        () => openDockerArchive(path, undefined),
        'BAD_INPUT',
        /is a character device, not a regular file/,
      )
    }
  })
})

describe('hangs: FIFOs in place of files', () => {
  test('a FIFO as oci-layout, index.json or a blob fails fast, every time, and the app still answers', async () => {
    const marker = await copySample('fifo-marker')
    await makeFifo(join(marker, 'oci-layout'))
    const index = await copySample('fifo-index')
    await makeFifo(join(index, 'index.json'))
    const blob = await copySample('fifo-blob')
    await makeFifo(join(blob, 'blobs', 'sha256', DEMO_INDEX))
    const attempts = [
      () =>
        refusedFast(
          () => openOciLayout(marker, 'demo'),
          'BAD_INPUT',
          /fifo-marker\/oci-layout is a FIFO \(named pipe\), not a regular file/,
        ),
      () =>
        refusedFast(
          () => openOciLayout(index, 'demo'),
          'BAD_INPUT',
          /fifo-index\/index\.json is a FIFO \(named pipe\), not a regular file/,
        ),
      () =>
        refusedFast(
          async () => {
            const source = await openOciLayout(blob, 'demo')
            return source.fetchManifest(await source.resolve())
          },
          'BAD_INPUT',
          new RegExp(`blobs/sha256/${DEMO_INDEX} is a FIFO \\(named pipe\\), not a regular file`),
        ),
    ]
    // Three rounds one after another, then all of them at once: 18 refusals, far more than
    // the 4 pool threads a blocking open would take for good.
    for (let round = 0; round < 3; round++) for (const attempt of attempts) await attempt()
    await Promise.all([...attempts, ...attempts, ...attempts].map((attempt) => attempt()))
    await sampleStillOpens()
  })

  test('FIFOs as an archive, a dir: manifest, a store list or a config file fail fast too', async () => {
    const archive = join(scratch, 'fifo.tar')
    await makeFifo(archive)
    const dir = join(scratch, 'fifo-dir')
    await mkdir(dir)
    await writeFile(join(dir, 'version'), 'Directory Transport Version: 1.1\n')
    await makeFifo(join(dir, 'manifest.json'))
    const graphRoot = join(scratch, 'fifo-graph')
    await mkdir(join(graphRoot, 'vfs-images'), { recursive: true })
    await mkdir(join(graphRoot, 'vfs-layers'), { recursive: true })
    await makeFifo(join(graphRoot, 'vfs-images', 'images.json'))
    const dockerConfig = join(scratch, 'fifo-docker')
    await mkdir(dockerConfig)
    await makeFifo(join(dockerConfig, 'config.json'))
    const storageConf = join(scratch, 'fifo-storage.conf')
    await makeFifo(storageConf)

    for (let round = 0; round < 2; round++) {
      await refusedFast(() => probePath(archive), 'BAD_INPUT', /fifo\.tar is a FIFO/)
      await refusedFast(() => openOciArchive(archive, undefined), 'BAD_INPUT', /is a FIFO/)
      await refusedFast(
        () => openLocalSource({ transport: 'dir', path: dir }),
        'BAD_INPUT',
        /fifo-dir\/manifest\.json is a FIFO \(named pipe\), not a regular file/,
      )
      await refusedFast(
        () =>
          openLocalSource({
            transport: 'containers-storage',
            store: { graphRoot, driver: 'vfs' },
            image: 'example.com/app:1',
          }),
        'BAD_INPUT',
        /vfs-images\/images\.json is a FIFO \(named pipe\), not a regular file/,
      )
      // A credential file that is a FIFO is skipped with a warning, not waited on.
      const warnings: string[] = []
      const provider = new FileCredentialProvider({
        env: { DOCKER_CONFIG: dockerConfig },
        homeDir: join(scratch, 'no-home'),
        onWarning: (warning) => warnings.push(warning),
      })
      const started = Date.now()
      assert.equal(await provider.get('registry.example.com'), undefined)
      assert.ok(Date.now() - started < FAST_MS)
      assert.match(warnings.join('\n'), /config\.json is skipped: .*is a FIFO/)
      // A storage.conf that is a FIFO counts as no config at all.
      const settings = await defaultStorageSettings({
        env: { CONTAINERS_STORAGE_CONF: storageConf, HOME: join(scratch, 'no-home') },
        uid: 1000,
      })
      assert.deepEqual(settings.configFiles, [])
    }
    await sampleStillOpens()
  })
})

describe('symbolic links inside a store', () => {
  test('a symlinked blobs/sha256 directory is refused, not followed', async () => {
    const layout = await copySample('linked-blobs')
    const elsewhere = join(scratch, 'elsewhere-sha256')
    await rename(join(layout, 'blobs', 'sha256'), elsewhere)
    await symlink(elsewhere, join(layout, 'blobs', 'sha256'))
    const source = await openOciLayout(layout, 'demo')
    const root = await source.resolve()
    await refusedFast(
      () => source.fetchManifest(root),
      'BAD_INPUT',
      /linked-blobs\/blobs\/sha256 is a symbolic link; Strata does not follow symbolic links/,
    )
    await refusedFast(() => source.openBlob(root), 'BAD_INPUT', /blobs\/sha256 is a symbolic link/)
    await refusedFast(
      () => source.openBlobRange(root, { start: 0, end: 1 }),
      'BAD_INPUT',
      /blobs\/sha256 is a symbolic link/,
    )
    // The same for a symlinked blobs/ directory.
    const layout2 = await copySample('linked-blobs-parent')
    await rename(join(layout2, 'blobs'), join(scratch, 'elsewhere-blobs'))
    await symlink(join(scratch, 'elsewhere-blobs'), join(layout2, 'blobs'))
    const source2 = await openOciLayout(layout2, 'demo')
    await refusedFast(
      async () => source2.fetchManifest(await source2.resolve()),
      'BAD_INPUT',
      /linked-blobs-parent\/blobs is a symbolic link/,
    )
  })

  test('the layout directory itself may be reached through a symbolic link', async () => {
    const link = join(scratch, 'sample-link')
    await symlink(SAMPLE_DIR, link)
    const source = await openOciLayout(link, 'demo')
    const index = await source.fetchManifest(await source.resolve())
    assert.equal(index.parsed.kind, 'index')
  })
})

describe('echoes: messages never quote file contents or helper output', () => {
  const PASSWD_LINE = 'root:x:0:0:root:/root:/bin/bash\n'

  function assertNoEcho(error: StrataError): void {
    const text = JSON.stringify(error.toApiError())
    assert.doesNotMatch(text, /root:/, text)
    assert.doesNotMatch(text, /bin\/bash/, text)
  }

  test('index.json linked to /etc/passwd, or holding its text, is refused without quoting it', async () => {
    const linked = await copySample('passwd-link')
    await replaceWithLink(join(linked, 'index.json'), '/etc/passwd')
    assertNoEcho(
      await refusedFast(
        () => openOciLayout(linked, 'demo'),
        'BAD_INPUT',
        /index\.json is a symbolic link/,
      ),
    )
    const copied = await copySample('passwd-copy')
    await writeFile(join(copied, 'index.json'), PASSWD_LINE)
    assertNoEcho(
      await refusedFast(
        () => openOciLayout(copied, 'demo'),
        'MALFORMED',
        /index\.json.*not valid JSON/,
      ),
    )
    const marker = await copySample('passwd-marker')
    await writeFile(join(marker, 'oci-layout'), PASSWD_LINE)
    assertNoEcho(
      await refusedFast(() => openOciLayout(marker), 'MALFORMED', /oci-layout is not valid/),
    )
    await writeFile(join(marker, 'oci-layout'), JSON.stringify({ imageLayoutVersion: PASSWD_LINE }))
    assertNoEcho(
      await refusedFast(() => openOciLayout(marker), 'BAD_INPUT', /not a version number/),
    )
  })

  test('a dir: whose manifest.json or version file holds other text is refused without quoting it', async () => {
    const dir = join(scratch, 'passwd-dir')
    await mkdir(dir)
    await writeFile(join(dir, 'version'), PASSWD_LINE)
    await writeFile(join(dir, 'manifest.json'), PASSWD_LINE)
    assertNoEcho(
      await refusedFast(
        () => openLocalSource({ transport: 'dir', path: dir }),
        'BAD_INPUT',
        /version is not a skopeo version line/,
      ),
    )
    await writeFile(join(dir, 'version'), 'Directory Transport Version: 1.1\n')
    assertNoEcho(
      await refusedFast(
        () => openLocalSource({ transport: 'dir', path: dir }),
        'MALFORMED',
        /manifest\.json.*not valid JSON/,
      ),
    )
  })

  test('a failing credential helper is named, but its stderr is not shown', async () => {
    const bin = join(scratch, 'helper-bin')
    await mkdir(bin)
    const helper = join(bin, 'docker-credential-leaky')
    await writeFile(
      helper,
      '#!/bin/sh\nread -r server\necho "login failed: token ghp_FAKESECRET0123456789 rejected for $server" >&2\nexit 3\n',
    )
    await chmod(helper, 0o755)
    const config = join(scratch, 'helper-config')
    await mkdir(config)
    await writeFile(
      join(config, 'config.json'),
      JSON.stringify({ credHelpers: { 'leaky.example.com': 'leaky' } }),
    )
    const provider = new FileCredentialProvider({
      env: { DOCKER_CONFIG: config, PATH: `${bin}:/usr/bin:/bin` },
      homeDir: join(scratch, 'no-home'),
    })
    const error = await refusedFast(
      () => provider.get('leaky.example.com'),
      'UNAVAILABLE',
      /credential helper docker-credential-leaky .*exited with status 3/,
    )
    const text = JSON.stringify(error.toApiError())
    assert.doesNotMatch(text, /FAKESECRET/, text)
    assert.doesNotMatch(text, /login failed/, text)
  })
})

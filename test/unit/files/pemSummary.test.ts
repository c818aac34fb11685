// Certificates decoded against openssl on this machine's own trust store: every certificate in
// /etc/ssl/certs/ca-certificates.crt, summarised from the whole bundle at once, agrees with
// `openssl x509` run on that certificate alone (subject, issuer, serial, validity, SHA-256
// fingerprint, CA flag, subject alternative names). Private keys made by openssl are flagged
// and never echoed; broken blocks are named with a reason; a DER certificate decodes too.

import assert from 'node:assert/strict'
import { execFile, execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { promisify } from 'node:util'
import { inspectFile } from '../../../electron/files/inspect/inspectFile'
import { summarizePem } from '../../../electron/files/inspect/pemSummary'
import { tempDir } from '../../harness/layerTars'
import { englishInspectProblem } from '../../../shared/inspectProblemText'

const BUNDLE = '/etc/ssl/certs/ca-certificates.crt'

function openssl(args: readonly string[], input?: string | Buffer): string {
  return execFileSync('openssl', args, {
    encoding: 'utf8',
    env: { ...process.env, LC_ALL: 'C' },
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(input !== undefined ? { input } : {}),
  })
}

const execFileAsync = promisify(execFile)

/** `openssl x509` on one PEM certificate, asynchronously (the bundle's runs go a few at a time). */
async function opensslX509(args: readonly string[], pem: string): Promise<string> {
  const child = execFileAsync('openssl', ['x509', ...args], {
    encoding: 'utf8',
    env: { ...process.env, LC_ALL: 'C' },
  })
  child.child.stdin?.end(pem)
  return (await child).stdout
}

async function inBatches<T, R>(
  items: readonly T[],
  size: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = []
  for (let i = 0; i < items.length; i += size) {
    out.push(...(await Promise.all(items.slice(i, i + size).map(work))))
  }
  return out
}

const memory =
  (bytes: Uint8Array) =>
  (offset: number, length: number): Promise<Uint8Array> =>
    Promise.resolve(bytes.subarray(offset, offset + length))

/** openssl's "sep_multiline" block after `label=` as node's newline-joined form. */
function multiline(out: string, label: string): string {
  const block = new RegExp(`^${label}=\\n((?:    .*\\n)+)`, 'm').exec(out)?.[1] ?? ''
  return block
    .trimEnd()
    .split('\n')
    .map((line) => line.slice(4))
    .join('\n')
}

/**
 * A directory name is printed "/O=a/street=b" by openssl and "street=b,O=a" (RFC 2253 order) by
 * node: compared as the set of its attributes.
 */
function comparableAltName(entry: string): string {
  const dirName = /^DirName:(.*)$/.exec(entry)?.[1]
  if (dirName === undefined) return entry
  const parts = dirName.startsWith('/')
    ? dirName.slice(1).split('/')
    : dirName.split(/,(?=[A-Za-z.]+=)/)
  return `DirName:${parts.sort().join('|')}`
}

test('every certificate of the system CA bundle agrees with openssl x509', async (t) => {
  const text = readFileSync(BUNDLE, 'utf8')
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? []
  assert.ok(blocks.length >= 100, `expected a full bundle, found ${blocks.length} certificates`)
  const bytes = Buffer.from(text)
  const inspection = await inspectFile(memory(bytes), bytes.length)
  assert.equal(inspection.kind, 'certificates')
  if (inspection.kind !== 'certificates') return
  const { certificates, privateKeys, problems, truncated } = inspection.pem
  assert.equal(certificates.length, blocks.length)
  assert.deepEqual(privateKeys, [])
  assert.deepEqual(problems, [])
  assert.equal(truncated, false)
  const outputs = await inBatches(blocks, 4, (block) =>
    opensslX509(
      [
        '-noout',
        '-subject',
        '-issuer',
        '-serial',
        '-startdate',
        '-enddate',
        '-fingerprint',
        '-sha256',
        '-ext',
        'subjectAltName,basicConstraints',
        '-nameopt',
        'esc_2253,esc_ctrl,utf8,sep_multiline',
      ],
      block,
    ),
  )
  let withAltNames = 0
  for (const [i, out] of outputs.entries()) {
    const ours = certificates[i]
    assert.ok(ours)
    const where = `certificate ${i + 1} (${ours.subject.split('\n').pop() ?? ''})`
    assert.equal(ours.subject, multiline(out, 'subject'), `${where}: subject`)
    assert.equal(ours.issuer, multiline(out, 'issuer'), `${where}: issuer`)
    assert.equal(ours.serialNumber, /^serial=(.*)$/m.exec(out)?.[1], `${where}: serial`)
    const date = (label: string): string =>
      new Date(new RegExp(`^${label}=(.*)$`, 'm').exec(out)?.[1] ?? '').toISOString()
    assert.equal(ours.validFrom, date('notBefore'), `${where}: not before`)
    assert.equal(ours.validTo, date('notAfter'), `${where}: not after`)
    assert.equal(
      ours.fingerprintSha256,
      /^sha256 Fingerprint=(.*)$/im.exec(out)?.[1],
      `${where}: fingerprint`,
    )
    assert.equal(ours.isCa, /CA:TRUE/.test(out), `${where}: CA flag`)
    const sans = /X509v3 Subject Alternative Name:.*\n\s+(.*)/.exec(out)?.[1]
    assert.deepEqual(
      ours.subjectAltNames.map(comparableAltName),
      (sans !== undefined ? sans.split(', ') : []).map(comparableAltName),
      where,
    )
    if (ours.subjectAltNames.length > 0) withAltNames++
    assert.equal(ours.selfSigned, ours.subject === ours.issuer, `${where}: self-signed`)
  }
  t.diagnostic(`${blocks.length} certificates compared, ${withAltNames} with alternative names`)
})

test('a leaf with alternative names, its private key flagged and never shown, a DER copy', async () => {
  const dir = tempDir('pem')
  const key = join(dir, 'key.pem')
  const cert = join(dir, 'cert.pem')
  openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', key])
  openssl([
    'req',
    '-x509',
    '-new',
    '-key',
    key,
    '-out',
    cert,
    '-days',
    '30',
    '-subj',
    '/O=Strata Test/CN=leaf.example',
    '-addext',
    'subjectAltName=DNS:leaf.example,DNS:*.leaf.example,IP:10.0.0.1',
  ])
  const keyText = readFileSync(key, 'utf8')
  const bundle = Buffer.from(`${readFileSync(cert, 'utf8')}${keyText}`)
  const inspection = await inspectFile(memory(bundle), bundle.length)
  assert.equal(inspection.kind, 'certificates')
  if (inspection.kind !== 'certificates') return
  assert.deepEqual(inspection.pem.privateKeys, [{ label: 'PRIVATE KEY' }])
  const leaf = inspection.pem.certificates[0]
  assert.ok(leaf)
  assert.equal(leaf.subject, 'O=Strata Test\nCN=leaf.example')
  assert.deepEqual(leaf.subjectAltNames, [
    'DNS:leaf.example',
    'DNS:*.leaf.example',
    'IP Address:10.0.0.1',
  ])
  assert.equal(leaf.selfSigned, true)
  const keyBody = keyText.split('\n')[1] ?? ''
  assert.ok(keyBody.length > 20)
  assert.ok(!JSON.stringify(inspection).includes(keyBody.slice(0, 20)), 'no key bytes returned')

  // A key alone is still "certificates" with the key flagged; the DER form of the cert decodes.
  const keyOnly = Buffer.from(keyText)
  const keyInspection = await inspectFile(memory(keyOnly), keyOnly.length)
  assert.deepEqual(keyInspection, {
    kind: 'certificates',
    pem: {
      certificates: [],
      privateKeys: [{ label: 'PRIVATE KEY' }],
      problems: [],
      truncated: false,
    },
  })
  const derPath = join(dir, 'cert.der')
  openssl(['x509', '-in', cert, '-outform', 'DER', '-out', derPath])
  const der = readFileSync(derPath)
  const derInspection = await inspectFile(memory(der), der.length)
  assert.equal(derInspection.kind, 'certificates')
  if (derInspection.kind === 'certificates') {
    assert.equal(derInspection.pem.certificates[0]?.fingerprintSha256, leaf.fingerprintSha256)
  }
  writeFileSync(join(dir, 'unused'), '')
})

test('broken certificate blocks are named with a reason, never quoted', async () => {
  const garbage =
    '-----BEGIN CERTIFICATE-----\nTUlJQmFkQ2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n'
  const bytes = Buffer.from(garbage)
  const inspection = await inspectFile(memory(bytes), bytes.length)
  assert.equal(inspection.kind, 'malformed')
  if (inspection.kind === 'malformed') {
    assert.equal(inspection.format, 'pem')
    const [problem] = inspection.problems
    assert.equal(inspection.problems.length, 1)
    assert.ok(problem?.kind === 'pemBlockUndecodable')
    assert.equal(problem.block, 1)
    assert.equal(problem.label, 'CERTIFICATE')
    const english = englishInspectProblem(problem)
    assert.match(english, /^block 1 \(CERTIFICATE\) does not decode/)
    assert.ok(!JSON.stringify(inspection).includes('TUlJ'), 'the block is never quoted')
  }
  // One good certificate beside a broken one: the good one shown, the broken one named.
  const good = readFileSync(BUNDLE, 'utf8').match(
    /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/,
  )?.[0]
  const mixed = summarizePem(`${good ?? ''}\n${garbage}`)
  assert.equal(mixed.certificates.length, 1)
  assert.equal(mixed.problems.length, 1)
  // Plain text and random binary are nothing to inspect.
  const plain = Buffer.from('just text\n')
  assert.deepEqual(await inspectFile(memory(plain), plain.length), { kind: 'none' })
})

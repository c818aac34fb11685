// SPDX 2.3 and CycloneDX 1.4–1.6 SBOMs written by the harness from the specs, listing this
// machine's real dpkg packages: every package becomes a row (name, version, license, purl);
// SBOMs inside in-toto predicates too; unreadable SBOMs and documents over the cap are shown
// raw with the reason.

import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { decodePart } from '../../../electron/attestations/decodePart'
import { decodeFileBytes } from '../../../electron/attestations/decodeFile'
import { MAX_DECODE_BYTES } from '../../../electron/attestations/limits'
import { inTotoStatement } from '../../harness/signatures'
import { cycloneDxDocument, debianPurl, dpkgPackages, spdxDocument } from '../../harness/sboms'

const packages = dpkgPackages()
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)

describe('SBOM tables (written by the harness from the specs, dpkg data)', () => {
  it('lists every dpkg package of an SPDX 2.3 document', () => {
    assert.ok(packages.length > 50, 'this machine has packages')
    const part = decodePart(bytes(spdxDocument(packages)), {})
    assert.equal(part.kind, 'sbom')
    if (part.kind !== 'sbom') return
    assert.equal(part.sbom.format, 'spdx')
    assert.equal(part.sbom.specVersion, 'SPDX-2.3')
    assert.equal(part.sbom.total, packages.length)
    const dpkg = packages.find((p) => p.name === 'dpkg')
    const row = part.sbom.packages.find((p) => p.name === 'dpkg')
    assert.ok(dpkg && row)
    assert.equal(row.version, dpkg.version)
    assert.equal(row.purl, debianPurl(dpkg))
    assert.equal(row.license, dpkg.license)
  })

  for (const version of ['1.4', '1.5', '1.6'] as const) {
    it(`lists every package of a CycloneDX ${version} BOM, nested components too`, () => {
      const document = JSON.parse(cycloneDxDocument(packages.slice(0, 40), version)) as {
        components: unknown[]
      }
      document.components.push({
        type: 'application',
        name: 'outer',
        version: '1',
        components: [
          {
            type: 'library',
            group: 'org.example',
            name: 'inner',
            version: '2',
            licenses: [{ expression: 'MIT OR Apache-2.0' }],
          },
        ],
      })
      const part = decodePart(bytes(JSON.stringify(document)), {})
      assert.equal(part.kind, 'sbom')
      if (part.kind !== 'sbom') return
      assert.equal(part.sbom.specVersion, version)
      assert.equal(part.sbom.total, 42)
      assert.deepEqual(part.sbom.packages.at(-1), {
        name: 'org.example/inner',
        version: '2',
        license: 'MIT OR Apache-2.0',
      })
    })
  }

  it('reads an SPDX predicate inside an in-toto statement', () => {
    const statement = inTotoStatement(
      [{ name: 'x', digest: `sha256:${'0'.repeat(64)}` }],
      'https://spdx.dev/Document',
      JSON.parse(spdxDocument(packages.slice(0, 5))),
    )
    const part = decodePart(bytes(JSON.stringify(statement)), {})
    assert.equal(part.kind === 'in-toto' && part.sbom?.packages.length, 5)
  })

  it('decodes each line of an .intoto.jsonl file, a bad line raw', () => {
    const statement = inTotoStatement(
      [{ name: 'x', digest: `sha256:${'0'.repeat(64)}` }],
      'https://spdx.dev/Document',
      JSON.parse(spdxDocument(packages.slice(0, 3))),
    )
    const text = `${JSON.stringify(statement)}\n{oops\n`
    const { items } = decodeFileBytes('usr/share/sbom/app.intoto.jsonl', bytes(text), {})
    assert.deepEqual(
      items.map((i) => [i.label, i.part.kind]),
      [
        [{ kind: 'line', file: 'app.intoto.jsonl', line: 1 }, 'in-toto'],
        [{ kind: 'line', file: 'app.intoto.jsonl', line: 2 }, 'raw'],
      ],
    )
  })

  it('shows SBOMs it cannot read raw with the reason', () => {
    const spdx3 = decodePart(bytes('{"spdxVersion": "SPDX-3.0", "packages": []}'), {})
    assert.deepEqual(spdx3.kind === 'raw' && spdx3.reason, {
      kind: 'sbomUnreadable',
      problem: { kind: 'spdxVersion', version: 'SPDX-3.0' },
    })
    const xml = decodePart(bytes('<bom xmlns="http://cyclonedx.org/schema/bom/1.5"/>'), {})
    assert.deepEqual(xml.kind === 'raw' && xml.reason, {
      kind: 'notJson',
      bytes: 'document',
    })
    const other = decodePart(bytes('{"hello": "world"}'), {})
    assert.deepEqual(other.kind === 'raw' && other.reason, { kind: 'unknownDocument' })
    const huge = decodePart(new Uint8Array(MAX_DECODE_BYTES + 1), {})
    assert.deepEqual(huge.kind === 'raw' && huge.reason, {
      kind: 'overCap',
      size: MAX_DECODE_BYTES + 1,
      cap: MAX_DECODE_BYTES,
    })
    assert.deepEqual(huge.kind === 'raw' && huge.preview, {
      kind: 'binary',
      size: MAX_DECODE_BYTES + 1,
    })
  })
})

// SPDX 2.x JSON and CycloneDX 1.4–1.6 JSON SBOMs → one package table (name, version, license,
// purl). Documents are already parsed as unknown; every field is read by kind, so a package
// with odd fields is listed with what it has rather than failing the table.

import type { SbomPackage, SbomProblem, SbomTable } from '../../shared/api/attestations'
import { isRecord, list, rec, str } from './jsonFields'
import { MAX_SBOM_PACKAGES } from './limits'

/** Which SBOM format a parsed document is, if any. */
export function sbomFormat(document: unknown): 'spdx' | 'cyclonedx' | undefined {
  if (!isRecord(document)) return undefined
  if (typeof document['spdxVersion'] === 'string') return 'spdx'
  if (document['bomFormat'] === 'CycloneDX') return 'cyclonedx'
  return undefined
}

/** The table, or the problem that makes the document not an SBOM Strata reads. */
export function readSbom(document: unknown): SbomTable | { readonly problem: SbomProblem } {
  switch (sbomFormat(document)) {
    case 'spdx':
      return readSpdx(document)
    case 'cyclonedx':
      return readCycloneDx(document)
    default:
      return { problem: { kind: 'notSbom' } }
  }
}

function readSpdx(document: unknown): SbomTable | { readonly problem: SbomProblem } {
  const version = str(document, 'spdxVersion') ?? ''
  if (!/^SPDX-2\.\d+$/.test(version)) {
    return { problem: { kind: 'spdxVersion', version: version.slice(0, 20) } }
  }
  const listed = list(document, 'packages')
  const packages: SbomPackage[] = []
  for (const item of listed) {
    if (packages.length >= MAX_SBOM_PACKAGES) break
    const name = str(item, 'name')
    if (name === undefined) continue
    const version = str(item, 'versionInfo')
    const license = spdxLicense(item)
    const purl = list(item, 'externalRefs')
      .filter((ref) => str(ref, 'referenceType') === 'purl')
      .map((ref) => str(ref, 'referenceLocator'))
      .find((locator) => locator !== undefined)
    packages.push(row(name, version, license, purl))
  }
  const name = str(document, 'name')
  return {
    format: 'spdx',
    specVersion: version,
    ...(name !== undefined ? { documentName: name } : {}),
    packages,
    total: listed.length,
  }
}

/** licenseConcluded unless it says nothing (NOASSERTION/NONE), else licenseDeclared. */
function spdxLicense(item: unknown): string | undefined {
  for (const field of ['licenseConcluded', 'licenseDeclared']) {
    const value = str(item, field)
    if (value !== undefined && value !== 'NOASSERTION' && value !== 'NONE' && value !== '') {
      return value
    }
  }
  return undefined
}

function readCycloneDx(document: unknown): SbomTable | { readonly problem: SbomProblem } {
  const version = str(document, 'specVersion') ?? ''
  if (!/^1\.[0-9]+$/.test(version)) {
    return { problem: { kind: 'cyclonedxVersion', version: version.slice(0, 20) } }
  }
  const packages: SbomPackage[] = []
  let total = 0
  // Components nest (a component's own components); walked without recursion.
  const pending: unknown[] = [...list(document, 'components')].reverse()
  while (pending.length > 0) {
    const item = pending.pop()
    if (!isRecord(item)) continue
    total++
    const name = str(item, 'name')
    if (name !== undefined && packages.length < MAX_SBOM_PACKAGES) {
      const group = str(item, 'group')
      packages.push(
        row(
          group ? `${group}/${name}` : name,
          str(item, 'version'),
          cdxLicense(item),
          str(item, 'purl'),
        ),
      )
    }
    const children = list(item, 'components')
    for (let i = children.length - 1; i >= 0; i--) pending.push(children[i])
  }
  const name = str(rec(rec(document, 'metadata'), 'component'), 'name')
  return {
    format: 'cyclonedx',
    specVersion: version,
    ...(name !== undefined ? { documentName: name } : {}),
    packages,
    total,
  }
}

/** licenses: [{license: {id | name}} | {expression}] joined with " AND ". */
function cdxLicense(item: unknown): string | undefined {
  const names = list(item, 'licenses')
    .map(
      (entry) =>
        str(entry, 'expression') ??
        str(rec(entry, 'license'), 'id') ??
        str(rec(entry, 'license'), 'name'),
    )
    .filter((n): n is string => n !== undefined && n !== '')
  return names.length > 0 ? names.join(' AND ') : undefined
}

function row(
  name: string,
  version: string | undefined,
  license: string | undefined,
  purl: string | undefined,
): SbomPackage {
  return {
    name,
    ...(version !== undefined && version !== '' ? { version } : {}),
    ...(license !== undefined ? { license } : {}),
    ...(purl !== undefined && purl !== '' ? { purl } : {}),
  }
}

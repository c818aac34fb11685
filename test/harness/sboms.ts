// SBOMs written by the harness from their specs (SPDX 2.3 JSON, CycloneDX 1.4–1.6 JSON), with
// real content where possible: the package list of this machine's dpkg database, licenses from
// the first License: field of each package's Debian copyright file.

import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

export interface MachinePackage {
  readonly name: string
  readonly version: string
  readonly architecture: string
  readonly license?: string
}

/** This machine's installed Debian packages (dpkg-query -W), sorted by name. */
export function dpkgPackages(limit = Number.MAX_SAFE_INTEGER): MachinePackage[] {
  const out = execFileSync(
    'dpkg-query',
    ['-W', '-f=${Package}\\t${Version}\\t${Architecture}\\n'],
    {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    },
  )
  return out
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(0, limit)
    .map((line) => {
      const [name = '', version = '', architecture = ''] = line.split('\t')
      const license = copyrightLicense(name)
      return { name, version, architecture, ...(license !== undefined ? { license } : {}) }
    })
    .sort((a, b) => a.name.localeCompare(b.name))
}

function copyrightLicense(name: string): string | undefined {
  try {
    const text = readFileSync(`/usr/share/doc/${name.split(':')[0]}/copyright`, 'utf8')
    const match = /^License:\s*(\S[^\n]*)$/m.exec(text)
    return match?.[1]?.trim()
  } catch {
    return undefined
  }
}

export function debianPurl(p: MachinePackage): string {
  return `pkg:deb/debian/${encodeURIComponent(p.name)}@${encodeURIComponent(p.version)}?arch=${p.architecture}`
}

/** An SPDX 2.3 JSON document listing the packages. */
export function spdxDocument(packages: readonly MachinePackage[], name = 'strata-harness'): string {
  return JSON.stringify({
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name,
    documentNamespace: `https://example.invalid/spdx/${name}`,
    creationInfo: { created: '2026-01-01T00:00:00Z', creators: ['Tool: strata-test-harness'] },
    packages: packages.map((p, i) => ({
      name: p.name,
      SPDXID: `SPDXRef-Package-${i}`,
      versionInfo: p.version,
      downloadLocation: 'NOASSERTION',
      licenseConcluded: 'NOASSERTION',
      licenseDeclared: p.license ?? 'NOASSERTION',
      externalRefs: [
        {
          referenceCategory: 'PACKAGE-MANAGER',
          referenceType: 'purl',
          referenceLocator: debianPurl(p),
        },
      ],
    })),
  })
}

/** A CycloneDX JSON BOM (specVersion 1.4, 1.5 or 1.6) listing the packages. */
export function cycloneDxDocument(
  packages: readonly MachinePackage[],
  specVersion: '1.4' | '1.5' | '1.6' = '1.5',
  name = 'strata-harness',
): string {
  return JSON.stringify({
    bomFormat: 'CycloneDX',
    specVersion,
    version: 1,
    metadata: { component: { type: 'container', name } },
    components: packages.map((p) => ({
      type: 'library',
      name: p.name,
      version: p.version,
      purl: debianPurl(p),
      ...(p.license !== undefined ? { licenses: [{ license: { name: p.license } }] } : {}),
    })),
  })
}

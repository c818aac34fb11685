// The samples bundled under assets/samples/ (built by test/harness/samples/, checked by skopeo and
// umoci in the tests), each named once here so the lessons, the sidebar and the builder agree.
// A sample's reference is made from the samples folder the main side reports (app:info) and
// the relative location below.
import { formatSourceRef, type SourceRef } from './sourceRef'

export const SAMPLE_NAMES = [
  /** An index: linux/amd64 and linux/arm64/v8 images plus buildx-style attestation manifests. */
  'multi-platform',
  /** One image in OCI media types (tag "oci") and the same in Docker v2 media types ("docker"). */
  'media-types',
  /** An image built in steps: history with empty layers (ENV, CMD, …) between real ones. */
  'build-steps',
  /** Three layers: files added, /etc/motd deleted by a whiteout, an opaque directory. */
  'whiteouts',
  /** Several tags on one digest, a tag that moved (with a bundled tag history). */
  'tags',
  /** Two images ("web", "worker") that share their base layers. */
  'sharing',
  /** An image with an SBOM and a signature artifact pointing at it (subject → referrers). */
  'artifacts',
  /** The same image as an oci-archive. */
  'oci-archive',
  /** The same image as a docker-archive. */
  'docker-archive',
  /** The same image as a dir: copy. */
  'dir',
  /** A containers-storage tree laid out as Podman's overlay driver, with an image and a container. */
  'containers-storage',
] as const
export type SampleName = (typeof SAMPLE_NAMES)[number]

/** Where each sample lives under the samples folder and which image in it a lesson opens. */
export function sampleSource(samplesRoot: string, name: SampleName, tag?: string): SourceRef {
  const at = (relative: string): string => `${samplesRoot}/${relative}`
  switch (name) {
    case 'oci-archive':
      return { transport: 'oci-archive', path: at('archives/image.oci.tar'), reference: tag }
    case 'docker-archive':
      return { transport: 'docker-archive', path: at('archives/image.docker.tar') }
    case 'dir':
      return { transport: 'dir', path: at('archives/dir') }
    case 'containers-storage':
      return {
        transport: 'containers-storage',
        store: {
          driver: 'overlay',
          graphRoot: at('containers-storage/storage'),
          runRoot: at('containers-storage/run'),
        },
        image: tag ?? 'localhost/strata/sample:1.0',
      }
    default:
      return { transport: 'oci', path: at(name), reference: tag ?? DEFAULT_TAGS[name] }
  }
}

const DEFAULT_TAGS: Record<SampleName, string> = {
  'multi-platform': 'demo',
  'media-types': 'oci',
  'build-steps': '1.0',
  whiteouts: 'latest',
  tags: 'latest',
  sharing: 'web',
  artifacts: 'app',
  'oci-archive': 'demo',
  'docker-archive': 'demo',
  dir: 'demo',
  'containers-storage': 'localhost/strata/sample:1.0',
}

/** The file in an OCI layout that carries its bundled tag history (the tags sample has one). */
export const TAG_HISTORY_FILE = 'strata-tag-history.json'

/**
 * A bundled tag history: when each tag of the layout was seen at which digest. The History view
 * merges it into the layout's timeline, so a moved tag shows offline. Untrusted on read
 * (electron/history/bundledTagHistory.ts validates it).
 */
export interface SampleTagHistory {
  readonly format: 'strata-tag-history'
  readonly version: 1
  readonly observations: readonly {
    readonly tag: string
    readonly digest: string
    /** ISO 8601 instant, UTC. */
    readonly seenAt: string
  }[]
}

/** The reference string a view opens for a sample. */
export function sampleRef(samplesRoot: string, name: SampleName, tag?: string): string {
  return formatSourceRef(sampleSource(samplesRoot, name, tag))
}

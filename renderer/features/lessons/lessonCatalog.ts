// The lessons: one per concept, in the order a course takes them. Each step names the bundled
// sample it needs, the real view it opens on that sample (a Route the frame renders beside the
// lesson panel) and what in that view it talks about (a CSS selector on stable data attributes).
// Step texts live in the "lessons" catalogues under `<lesson id>.steps.<n>`.
import { formatSourceRef } from '../../../shared/sourceRef'
import { sampleRef, sampleSource, type SampleName } from '../../../shared/samples'
import type { Route } from '../../routing/route'

export const LESSON_IDS = [
  'image',
  'layers',
  'config',
  'transports',
  'registry',
  'digest-vs-tag',
  'latest',
  'many-tags',
  'media-types',
  'index-platforms',
  'dockerfile-layers',
  'overlay',
  'whiteouts',
  'container-layer',
  'sharing',
  'artifacts',
] as const
export type LessonId = (typeof LESSON_IDS)[number]

export type ExerciseId =
  'deleted-by-layer' | 'same-image-as-latest' | 'moved-tag' | 'shared-layers' | 'platform-count'

export interface LessonStep {
  /** The bundled sample the step opens; checked before its view is shown. */
  readonly sample: SampleName
  /** The real view the step drives, given the samples folder app:info reports. */
  readonly target: (samplesRoot: string) => Route
  /** What the step talks about, outlined in the view. */
  readonly highlight: string
  readonly exercise?: ExerciseId
}

export interface Lesson {
  readonly id: LessonId
  readonly steps: readonly LessonStep[]
}

// Selectors on the data attributes the views carry for tests and lessons.
const node = (attribute: string): string => `[data-testid="graph-node"][${attribute}]`
const ROOT_NODE = node('data-role="root"')
const CONFIG_NODE = node('data-kind="config"')
const LAYER_NODES = node('data-kind="layer"')
const layerItem = (position: number): string =>
  `[data-testid="layer-item"][data-position="${position}"]`
// File rows name their path without the leading slash ("etc/motd").
const fileRow = (path: string): string =>
  `[data-testid="file-row"][data-path="${path.replace(/^\//, '')}"]`
const tagRow = (tag: string): string => `[data-testid="tag-item"][data-tag="${tag}"]`

/** The graph of a sample's default image (or of one tag of it). */
const graphOf =
  (sample: SampleName, tag?: string) =>
  (root: string): Route => ({ view: 'graph', ref: sampleRef(root, sample, tag) })

/** An OCI layout sample as a repository (no tag): what the tags and history views list. */
export function sampleRepository(root: string, sample: SampleName): string {
  const source = sampleSource(root, sample)
  return source.transport === 'oci' ? formatSourceRef({ transport: 'oci', path: source.path }) : ''
}

const filesOf =
  (sample: SampleName, where: { readonly layer?: string; readonly path?: string } = {}) =>
  (root: string): Route => ({ view: 'files', ref: sampleRef(root, sample), ...where })

const tagsOf =
  (sample: SampleName) =>
  (root: string): Route => ({ view: 'tags', ref: sampleRepository(root, sample) })

const historyOf =
  (sample: SampleName, tag?: string) =>
  (root: string): Route => ({
    view: 'history',
    ref: sampleRepository(root, sample),
    ...(tag !== undefined && { tag }),
  })

const storageOf =
  (sample: SampleName) =>
  (root: string): Route => ({ view: 'storage', ref: sampleRef(root, sample) })

// The containers-storage sample's one container (overlay-containers/containers.json) sits on
// its two-layer image, so its writable layer is the third.
const SAMPLE_CONTAINER = 'sample-container'
const CONTAINER_LAYER = 3

/** The files of the sample's container: its image's layers with the writable one on top. */
const containerFiles =
  (where: { readonly layer?: string } = {}) =>
  (root: string): Route => {
    const image = sampleSource(root, 'containers-storage')
    const ref = formatSourceRef({
      transport: 'container',
      store: 'containers-storage',
      ...(image.transport === 'containers-storage' && image.store && { storage: image.store }),
      container: SAMPLE_CONTAINER,
    })
    return { view: 'files', ref, ...where }
  }

const sharingOf =
  (sample: SampleName, first: string, second: string) =>
  (root: string): Route => ({
    view: 'sharing',
    ref: sampleRef(root, sample, first),
    with: [sampleRef(root, sample, second)],
  })

export const LESSONS: readonly Lesson[] = [
  {
    id: 'image',
    steps: [
      { sample: 'build-steps', target: graphOf('build-steps'), highlight: ROOT_NODE },
      { sample: 'build-steps', target: graphOf('build-steps'), highlight: LAYER_NODES },
      {
        sample: 'build-steps',
        target: filesOf('build-steps'),
        highlight: '[data-testid="file-row"]',
      },
    ],
  },
  {
    id: 'layers',
    steps: [
      { sample: 'whiteouts', target: graphOf('whiteouts'), highlight: LAYER_NODES },
      {
        sample: 'whiteouts',
        target: filesOf('whiteouts', { layer: '1' }),
        highlight: layerItem(1),
      },
      {
        sample: 'whiteouts',
        target: filesOf('whiteouts', { layer: '3' }),
        highlight: layerItem(3),
      },
      {
        sample: 'whiteouts',
        target: filesOf('whiteouts'),
        highlight: '[data-testid="layer-item"]',
      },
    ],
  },
  {
    id: 'config',
    steps: [
      { sample: 'build-steps', target: graphOf('build-steps'), highlight: CONFIG_NODE },
      { sample: 'build-steps', target: graphOf('build-steps'), highlight: CONFIG_NODE },
      {
        sample: 'build-steps',
        target: filesOf('build-steps'),
        highlight: '[data-testid="layer-item"] .layer-step',
      },
    ],
  },
  {
    id: 'transports',
    steps: [
      { sample: 'multi-platform', target: graphOf('multi-platform'), highlight: ROOT_NODE },
      { sample: 'oci-archive', target: graphOf('oci-archive'), highlight: ROOT_NODE },
      { sample: 'docker-archive', target: graphOf('docker-archive'), highlight: ROOT_NODE },
      { sample: 'dir', target: graphOf('dir'), highlight: ROOT_NODE },
      {
        sample: 'containers-storage',
        target: graphOf('containers-storage'),
        highlight: ROOT_NODE,
      },
      { sample: 'docker-archive', target: graphOf('docker-archive'), highlight: LAYER_NODES },
    ],
  },
  {
    id: 'registry',
    steps: [
      { sample: 'tags', target: tagsOf('tags'), highlight: '[data-testid="tag-item"]' },
      { sample: 'tags', target: tagsOf('tags'), highlight: tagRow('1.0.3') },
      { sample: 'tags', target: graphOf('tags'), highlight: ROOT_NODE },
    ],
  },
  {
    id: 'digest-vs-tag',
    steps: [
      { sample: 'tags', target: graphOf('tags'), highlight: ROOT_NODE },
      {
        sample: 'tags',
        target: historyOf('tags'),
        highlight: '[data-testid="history-segment"]',
      },
      {
        sample: 'tags',
        target: historyOf('tags'),
        highlight: '[data-testid="history-move"]',
        exercise: 'moved-tag',
      },
    ],
  },
  {
    id: 'latest',
    steps: [
      { sample: 'tags', target: tagsOf('tags'), highlight: tagRow('latest') },
      {
        sample: 'tags',
        target: historyOf('tags', 'latest'),
        highlight: '[data-testid="history-lane"][data-tag="latest"]',
      },
    ],
  },
  {
    id: 'many-tags',
    steps: [
      { sample: 'tags', target: tagsOf('tags'), highlight: '[data-testid="tag-item"]' },
      {
        sample: 'tags',
        target: tagsOf('tags'),
        highlight: tagRow('latest'),
        exercise: 'same-image-as-latest',
      },
    ],
  },
  {
    id: 'media-types',
    steps: [
      { sample: 'media-types', target: graphOf('media-types', 'oci'), highlight: ROOT_NODE },
      { sample: 'media-types', target: graphOf('media-types', 'docker'), highlight: ROOT_NODE },
      { sample: 'media-types', target: graphOf('media-types', 'oci'), highlight: CONFIG_NODE },
    ],
  },
  {
    id: 'index-platforms',
    steps: [
      { sample: 'multi-platform', target: graphOf('multi-platform'), highlight: ROOT_NODE },
      {
        sample: 'multi-platform',
        target: graphOf('multi-platform'),
        highlight: node('data-role="platform"'),
      },
      {
        sample: 'multi-platform',
        target: graphOf('multi-platform'),
        highlight: node('data-role="attestation"'),
        exercise: 'platform-count',
      },
    ],
  },
  {
    id: 'dockerfile-layers',
    steps: [
      { sample: 'build-steps', target: graphOf('build-steps'), highlight: LAYER_NODES },
      {
        sample: 'build-steps',
        target: filesOf('build-steps'),
        highlight: '[data-testid="layer-item"] .layer-step',
      },
      { sample: 'build-steps', target: graphOf('build-steps'), highlight: CONFIG_NODE },
    ],
  },
  {
    id: 'overlay',
    steps: [
      {
        sample: 'containers-storage',
        target: storageOf('containers-storage'),
        highlight: '[data-testid="storage-image"]',
      },
      {
        sample: 'containers-storage',
        target: storageOf('containers-storage'),
        highlight: '[data-testid="storage-layer"]',
      },
      {
        sample: 'containers-storage',
        target: storageOf('containers-storage'),
        highlight: '[data-testid="storage-short-link"]',
      },
    ],
  },
  {
    id: 'whiteouts',
    steps: [
      {
        sample: 'whiteouts',
        target: filesOf('whiteouts', { layer: '1', path: '/etc' }),
        highlight: fileRow('/etc/motd'),
      },
      {
        sample: 'whiteouts',
        target: filesOf('whiteouts', { layer: '2', path: '/etc' }),
        highlight: fileRow('/etc/motd'),
        exercise: 'deleted-by-layer',
      },
      {
        sample: 'whiteouts',
        target: filesOf('whiteouts', { layer: '2', path: '/var/cache' }),
        highlight: fileRow('/var/cache/app'),
      },
    ],
  },
  {
    id: 'container-layer',
    steps: [
      {
        sample: 'containers-storage',
        target: storageOf('containers-storage'),
        highlight: '[data-testid="storage-container"]',
      },
      {
        sample: 'containers-storage',
        target: containerFiles({ layer: String(CONTAINER_LAYER) }),
        highlight: layerItem(CONTAINER_LAYER),
      },
      {
        sample: 'containers-storage',
        target: containerFiles(),
        highlight: layerItem(CONTAINER_LAYER),
      },
    ],
  },
  {
    id: 'sharing',
    steps: [
      {
        sample: 'sharing',
        target: sharingOf('sharing', 'web', 'worker'),
        highlight: '[data-testid="sharing-matrix"]',
      },
      {
        sample: 'sharing',
        target: sharingOf('sharing', 'web', 'worker'),
        // Layers more than one image uses.
        highlight: '[data-testid="sharing-layer"]:not([data-used-by="1"])',
        exercise: 'shared-layers',
      },
    ],
  },
  {
    id: 'artifacts',
    steps: [
      { sample: 'artifacts', target: graphOf('artifacts'), highlight: ROOT_NODE },
      {
        sample: 'artifacts',
        target: graphOf('artifacts'),
        highlight: node('data-role="referrer"'),
      },
    ],
  },
]

export function findLesson(id: string | undefined): Lesson | undefined {
  return LESSONS.find((lesson) => lesson.id === id)
}

/** The step a URL names, clamped into the lesson (step=0 or step=99 open the first/last). */
export function stepIndex(lesson: Lesson, step: string | undefined): number {
  const asked = Number.parseInt(step ?? '1', 10)
  if (!Number.isFinite(asked)) return 0
  return Math.min(Math.max(asked, 1), lesson.steps.length) - 1
}

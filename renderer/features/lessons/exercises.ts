// Exercises whose answers come from the sample's real data, read through the same api
// operations the views use, so a rebuilt sample with other contents still checks correctly.
import { sampleRef } from '../../../shared/samples'
import { call } from '../../api/client'
import type { ExerciseAnswer } from './exerciseAnswer'
import type { ExerciseId } from './lessonCatalog'
import { sampleRepository } from './lessonCatalog'

const stripSlash = (path: string): string => path.replace(/^\/+/, '')

/** The 1-based layer of the whiteouts sample whose changes list /etc/motd as deleted. */
async function deletedByLayer(root: string, signal?: AbortSignal): Promise<ExerciseAnswer> {
  const ref = sampleRef(root, 'whiteouts')
  const graph = await call('image:graph', { ref }, signal)
  const layers = graph.nodes.filter((n) => n.role === 'layer').length
  for (let position = 1; position <= layers; position++) {
    const page = await call(
      'files:list',
      { ref, layer: String(position), path: '/etc', change: ['deleted'] },
      signal,
    )
    if (page.items.some((item) => stripSlash(item.path) === 'etc/motd')) {
      return { kind: 'number', expected: position }
    }
  }
  throw new Error('no layer of the whiteouts sample deletes /etc/motd')
}

/** Every tag of the tags sample and the digest each resolves to. */
async function tagDigests(root: string, signal?: AbortSignal): Promise<Map<string, string>> {
  const repository = sampleRepository(root, 'tags')
  const tags: string[] = []
  let cursor: string | undefined
  do {
    const page = await call(
      'registry:listTags',
      { repository, ...(cursor !== undefined && { cursor }) },
      signal,
    )
    tags.push(...page.items)
    cursor = page.next
  } while (cursor !== undefined)
  const digests = new Map<string, string>()
  for (const tag of tags) {
    const summary = await call('image:summary', { ref: sampleRef(root, 'tags', tag) }, signal)
    digests.set(tag, summary.digest)
  }
  return digests
}

async function sameImageAsLatest(root: string, signal?: AbortSignal): Promise<ExerciseAnswer> {
  const digests = await tagDigests(root, signal)
  const latest = digests.get('latest')
  const others = [...digests.keys()].filter((tag) => tag !== 'latest').sort()
  return {
    kind: 'many',
    options: others,
    expected: others.filter((tag) => digests.get(tag) === latest),
  }
}

async function movedTag(root: string, signal?: AbortSignal): Promise<ExerciseAnswer> {
  const repository = sampleRepository(root, 'tags')
  const timeline = await call('history:timeline', { repository }, signal)
  const moved = timeline.moves[0]?.tag
  if (moved === undefined) throw new Error('the tags sample records no tag that moved')
  return { kind: 'one', options: timeline.tags.map((t) => t.tag), expected: moved }
}

async function sharedLayers(root: string, signal?: AbortSignal): Promise<ExerciseAnswer> {
  const refs = [sampleRef(root, 'sharing', 'web'), sampleRef(root, 'sharing', 'worker')]
  const report = await call('sharing:compute', { refs }, signal)
  const shared = report.matrix[0]?.[1]
  if (shared === undefined) throw new Error('the sharing report has no pair of images')
  return { kind: 'number', expected: shared.layers }
}

async function platformCount(root: string, signal?: AbortSignal): Promise<ExerciseAnswer> {
  const graph = await call('image:graph', { ref: sampleRef(root, 'multi-platform') }, signal)
  return { kind: 'number', expected: graph.nodes.filter((n) => n.role === 'platform').length }
}

export function loadExercise(
  id: ExerciseId,
  samplesRoot: string,
  signal?: AbortSignal,
): Promise<ExerciseAnswer> {
  switch (id) {
    case 'deleted-by-layer':
      return deletedByLayer(samplesRoot, signal)
    case 'same-image-as-latest':
      return sameImageAsLatest(samplesRoot, signal)
    case 'moved-tag':
      return movedTag(samplesRoot, signal)
    case 'shared-layers':
      return sharedLayers(samplesRoot, signal)
    case 'platform-count':
      return platformCount(samplesRoot, signal)
  }
}

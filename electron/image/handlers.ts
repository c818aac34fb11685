// Handlers of the image feature: an image's summary, its object graph, one object by digest,
// and what refers to it.

import { optionalString, requiredString } from '../util/argReaders'
import type { Handler } from '../util/handlerTypes'
import { buildImageGraph } from './buildImageGraph'
import { fetchObjectDocument } from './fetchObjectDocument'
import type { ImageHandlerDeps } from './handlerDeps'
import { createReferrersHandlers } from './referrersHandlers'
import { summarizeImage } from './summarizeImage'
import { recordResolvedTag, withGraphReferrers } from './tagRecording'

export function createImageHandlers(services: ImageHandlerDeps): {
  readonly 'image:summary': Handler<'image:summary'>
  readonly 'image:graph': Handler<'image:graph'>
  readonly 'image:object': Handler<'image:object'>
  readonly 'image:referrers': Handler<'image:referrers'>
} {
  return {
    'image:summary': async (args, { signal }) => {
      const source = await services.openSource(requiredString(args, 'ref'), signal)
      const summary = await summarizeImage(source, signal)
      await recordResolvedTag(services, source, summary.digest)
      return summary
    },
    'image:graph': async (args, { signal }) => {
      const source = await services.openSource(requiredString(args, 'ref'), signal)
      const graph = await buildImageGraph(source, { signal })
      return withGraphReferrers(services, graph, source, signal)
    },
    'image:object': async (args, { signal }) => {
      const source = await services.openSource(requiredString(args, 'ref'), signal)
      return fetchObjectDocument(source, {
        digest: requiredString(args, 'digest'),
        mediaType: optionalString(args, 'mediaType'),
        signal,
      })
    },
    ...createReferrersHandlers(services),
  }
}

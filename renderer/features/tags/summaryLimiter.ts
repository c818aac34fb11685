import { createLimiter } from '../../api/limiter'

/**
 * One limiter for every `image:summary` the tags list asks for: each one costs the registry a
 * manifest (or an index and all its manifests), so at most six run at a time.
 */
export const summaryLimiter = createLimiter(6)

// When to merge Quay's server-side tag history into a timeline, and what to tell the user.
// quay.io is always tried (a failure is reported as the problem). Another registry is tried
// once in a while, briefly: if its Quay API answers, it is a self-hosted Quay and is merged
// from then on; if not, nothing is reported. Loopback registries and well-known non-Quay
// registries are never tried (a timeline must not wait on them). A repository merged recently is not
// fetched again until `freshMs` has passed.

import type { QuayMergeStatus } from '../../shared/api/history'
import { toApiError } from '../../shared/errors'
import { isLoopbackHost } from '../../shared/reference'

/** Merged, or not and why (a code with its data: the renderer words it). */
export type QuayMergeOutcome = QuayMergeStatus

/** Fetches and stores Quay's history of a repository (TagHistoryService.mergeQuayHistory). */
export type QuayFetch = (
  registry: string,
  repository: string,
  options: { readonly signal: AbortSignal; readonly apiOrigin?: string },
) => Promise<unknown>

export interface QuayMergePolicyOptions {
  /** How long a merge counts as fresh. */
  readonly freshMs?: number
  /** How long to wait on a registry not known to be Quay before giving up on it. */
  readonly probeTimeoutMs?: number
  /** How long to wait on quay.io (or a known Quay). */
  readonly fetchTimeoutMs?: number
  /** How long a registry that did not answer as Quay is left alone. */
  readonly notQuayForMs?: number
  /** Where a registry's Quay API lives, when not at https://<registry> (tests, proxies). */
  readonly apiOrigin?: (registry: string) => string | undefined
  readonly now?: () => number
}

export const QUAY_HOSTS: ReadonlySet<string> = new Set(['quay.io'])

/** Where quay.io's API is asked instead of https://quay.io (tests point it at a stand-in). */
export const QUAY_API_URL_ENV = 'STRATA_QUAY_API_URL'

/** The policy options the environment asks for: quay.io's API elsewhere, or nothing. */
export function quayOptionsFromEnv(env: NodeJS.ProcessEnv): QuayMergePolicyOptions {
  const url = env[QUAY_API_URL_ENV]
  if (url === undefined || url === '') return {}
  const origin = new URL(url).origin
  return { apiOrigin: (registry) => (QUAY_HOSTS.has(registry) ? origin : undefined) }
}

/** Well-known registries that are not Quay: never asked. */
export const NOT_QUAY_HOSTS: ReadonlySet<string> = new Set([
  'docker.io',
  'ghcr.io',
  'gcr.io',
  'registry.k8s.io',
  'public.ecr.aws',
  'mcr.microsoft.com',
  'registry.gitlab.com',
  'nvcr.io',
])

export class QuayMergePolicy {
  private readonly knownQuay = new Set<string>(QUAY_HOSTS)
  private readonly notQuayUntil = new Map<string, number>()
  private readonly mergedAt = new Map<string, number>()

  constructor(
    private readonly fetch: QuayFetch,
    private readonly options: QuayMergePolicyOptions = {},
  ) {}

  /** Merges if this registry is (or may be) Quay; undefined when Quay does not apply. */
  async mergeFor(
    registry: string,
    repository: string,
    signal?: AbortSignal,
  ): Promise<QuayMergeOutcome | undefined> {
    const apiOrigin = this.options.apiOrigin?.(registry)
    if (apiOrigin === undefined && (isLoopbackHost(registry) || NOT_QUAY_HOSTS.has(registry))) {
      return undefined
    }
    const now = this.now()
    const known = this.knownQuay.has(registry)
    if (!known && (this.notQuayUntil.get(registry) ?? 0) > now) return undefined
    const key = `${registry}/${repository}`
    const merged = this.mergedAt.get(key)
    if (merged !== undefined && now - merged < (this.options.freshMs ?? 5 * 60_000)) {
      return { merged: true }
    }
    const timeoutMs = known
      ? (this.options.fetchTimeoutMs ?? 15_000)
      : (this.options.probeTimeoutMs ?? 3_000)
    const timeout = AbortSignal.timeout(timeoutMs)
    try {
      await this.fetch(registry, repository, {
        signal: signal !== undefined ? AbortSignal.any([signal, timeout]) : timeout,
        ...(apiOrigin !== undefined ? { apiOrigin } : {}),
      })
      this.knownQuay.add(registry)
      this.mergedAt.set(key, this.now())
      return { merged: true }
    } catch (error) {
      if (signal?.aborted === true) throw error
      if (!known) {
        this.notQuayUntil.set(registry, now + (this.options.notQuayForMs ?? 60 * 60_000))
        return undefined
      }
      return {
        merged: false,
        problem: timeout.aborted
          ? { kind: 'timeout', seconds: Math.round(timeoutMs / 1000) }
          : { kind: 'failed', error: toApiError(error) },
      }
    }
  }

  private now(): number {
    return this.options.now?.() ?? Date.now()
  }
}

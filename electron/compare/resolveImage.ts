// Resolves a source to one runnable image for comparing: a manifest as is, an index narrowed
// to the requested platform (default linux/amd64), nested indexes followed. Reads the config.

import type { CompareSide } from '../../shared/compare'
import { StrataError } from '../../shared/errors'
import { platformString } from '../../shared/format'
import type { Descriptor, ImageConfig, ImageManifest, Platform } from '../../shared/oci/types'
import { isAttestation } from '../graph/graphNodes'
import type { ImageSource, SourceCallOptions } from '../sources/imageSource'

export const DEFAULT_PLATFORM: Platform = { os: 'linux', architecture: 'amd64' }

export interface ResolvedImage {
  readonly side: CompareSide
  readonly manifest: ImageManifest
  readonly config: ImageConfig
}

const MAX_DEPTH = 4

export async function resolveSingleImage(
  source: ImageSource,
  platform: Platform = DEFAULT_PLATFORM,
  options: SourceCallOptions = {},
): Promise<ResolvedImage> {
  const root = await source.resolve(options)
  let descriptor: Descriptor = root
  for (let depth = 0; ; depth += 1) {
    const { parsed } = await source.fetchManifest(descriptor, options)
    if (parsed.kind === 'schema1') {
      throw new StrataError(
        'UNSUPPORTED_MEDIA_TYPE',
        `${source.ref} is a Docker schema 1 manifest, which Strata shows but cannot compare`,
        { subject: source.ref },
      )
    }
    if (parsed.kind === 'manifest') {
      const config = await readConfig(source, parsed.document.config, options)
      const found = descriptor.platform ?? platformOfConfig(config)
      const side: CompareSide = {
        ref: source.ref,
        sourceLabel: source.label,
        rootDigest: root.digest,
        manifestDigest: descriptor.digest,
        configDigest: parsed.document.config.digest,
        ...(found !== undefined ? { platform: found } : {}),
      }
      return { side, manifest: parsed.document, config }
    }
    if (depth >= MAX_DEPTH) {
      throw new StrataError('MALFORMED', `${source.ref}: indexes nest too deep to pick a platform`)
    }
    const next = pickPlatform(parsed.document.manifests, platform)
    if (next === undefined) {
      const offered = parsed.document.manifests
        .filter((m) => m.platform !== undefined && !isAttestation(m))
        .map((m) => platformString(m.platform as Platform))
      throw new StrataError(
        'NOT_FOUND',
        `${source.ref} has no ${platformString(platform)} image (it has ${offered.join(', ') || 'none'})`,
        { subject: source.ref },
      )
    }
    descriptor = next
  }
}

/** The child for a platform: exact variant match first, then any variant; or a nested index. */
export function pickPlatform(
  manifests: readonly Descriptor[],
  wanted: Platform,
): Descriptor | undefined {
  const candidates = manifests.filter((m) => !isAttestation(m))
  const same = (m: Descriptor): boolean =>
    m.platform?.os === wanted.os && m.platform.architecture === wanted.architecture
  return (
    candidates.find((m) => same(m) && (wanted.variant ?? '') === (m.platform?.variant ?? '')) ??
    candidates.find(same) ??
    candidates.find((m) => m.platform === undefined && /index|list/.test(m.mediaType))
  )
}

async function readConfig(
  source: ImageSource,
  descriptor: Descriptor,
  options: SourceCallOptions,
): Promise<ImageConfig> {
  const blob = await source.fetchSmallBlob(descriptor, options)
  let value: unknown
  try {
    value = JSON.parse(new TextDecoder().decode(blob.bytes))
  } catch {
    value = undefined
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new StrataError('MALFORMED', `config ${descriptor.digest} is not a JSON object`, {
      subject: descriptor.digest,
    })
  }
  return sanitizeConfig(value as Record<string, unknown>)
}

/** Keeps the fields the diff reads, each only when it has the type the spec gives it. */
function sanitizeConfig(raw: Record<string, unknown>): ImageConfig {
  const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)
  const list = (v: unknown): readonly string[] | undefined =>
    Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : undefined
  const record = (v: unknown): Record<string, unknown> | undefined =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : undefined
  const strings = (v: unknown): Record<string, string> | undefined => {
    const r = record(v)
    if (r === undefined) return undefined
    return Object.fromEntries(Object.entries(r).filter(([, x]) => typeof x === 'string')) as Record<
      string,
      string
    >
  }
  const keys = (v: unknown): Record<string, object> | undefined => {
    const r = record(v)
    return r === undefined ? undefined : Object.fromEntries(Object.keys(r).map((k) => [k, {}]))
  }
  const runtime = record(raw.config) ?? {}
  const rootfs = record(raw.rootfs) ?? {}
  const history = Array.isArray(raw.history) ? raw.history : []
  const pick = <T>(key: string, value: T | undefined): Record<string, T> =>
    value === undefined ? {} : { [key]: value }
  return {
    architecture: text(raw.architecture) ?? '',
    os: text(raw.os) ?? '',
    ...pick('variant', text(raw.variant)),
    ...pick('created', text(raw.created)),
    config: {
      ...pick('User', text(runtime.User)),
      ...pick('WorkingDir', text(runtime.WorkingDir)),
      ...pick('StopSignal', text(runtime.StopSignal)),
      ...pick('Env', list(runtime.Env)),
      ...pick('Cmd', list(runtime.Cmd)),
      ...pick('Entrypoint', list(runtime.Entrypoint)),
      ...pick('Labels', strings(runtime.Labels)),
      ...pick('ExposedPorts', keys(runtime.ExposedPorts)),
      ...pick('Volumes', keys(runtime.Volumes)),
    },
    rootfs: { type: text(rootfs.type) ?? '', diff_ids: list(rootfs.diff_ids) ?? [] },
    history: history
      .map(record)
      .filter((h): h is Record<string, unknown> => h !== undefined)
      .map((h) => ({
        ...pick('created', text(h.created)),
        ...pick('created_by', text(h.created_by)),
        ...pick('comment', text(h.comment)),
        ...(h.empty_layer === true ? { empty_layer: true } : {}),
      })),
  }
}

function platformOfConfig(config: ImageConfig): Platform | undefined {
  if (config.os === '' || config.architecture === '') return undefined
  return {
    os: config.os,
    architecture: config.architecture,
    ...(config.variant !== undefined ? { variant: config.variant } : {}),
  }
}

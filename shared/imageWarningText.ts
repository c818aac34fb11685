// An image warning in English: for logs, the command line and tests that read text. The renderer
// words warnings from its catalogues instead (renderer/features/image/imageWarningText.ts).
import type { ImageWarning } from './api/image'

function entryName(warning: Extract<ImageWarning, { kind: 'brokenLayoutEntry' }>): string {
  const known = [...warning.names.map((name) => `"${name}"`), warning.digest].filter(
    (part): part is string => part !== undefined,
  )
  return `entry ${warning.position}${known.length > 0 ? ` (${known.join(', ')})` : ''}`
}

export function englishImageWarning(warning: ImageWarning): string {
  switch (warning.kind) {
    case 'depthLimit':
      return `Stopped at depth ${warning.depth}: indexes nest deeper than Strata follows.`
    case 'nodeLimit':
      return `The graph has more than ${warning.maxNodes} objects; the rest is not shown.`
    case 'documentUnreadable':
      return `${warning.role === 'config' ? 'config ' : ''}${warning.digest}: ${warning.error.message}`
    case 'schema1ReadOnly':
      return 'Docker schema 1 manifest: shown read-only; its layers are listed without sizes and the files view does not open them.'
    case 'referrersNotShown':
      return `Referrers not shown: ${warning.error?.message ?? 'the registry took too long'}.`
    case 'referrersUnreadable':
      return `referrers of ${warning.subject}: ${warning.error.message}`
    case 'liveLayer':
      return `The top layer is container ${warning.container}'s writable layer: a live layer, not content-addressed: the digest is of the tar Strata built from the container when it was opened. The image's own layers are verified as usual.`
    case 'uncompressedLayers':
      return `${warning.image}: layers served uncompressed by their diff digests: storage keeps no compressed blobs, so the manifest was rewritten to name them. The stored manifest is ${warning.storedManifest}.`
    case 'synthesizedManifest':
      return `${warning.location}: manifest synthesized by Strata from docker save's manifest.json (no stored manifest exists); its layers are the tars as saved.`
    case 'archiveLayoutUnreadable':
      return `${warning.location}: its OCI layout is unreadable (${warning.error.message}); read from manifest.json alone, as docker load does.`
    case 'brokenLayoutEntry':
      return `${warning.where} ${entryName(warning)} is broken and cannot be opened: ${warning.error.message}.`
    case 'noVersionFile':
      return `${warning.dir} has no version file; read as a skopeo dir: because it holds a manifest.json, as skopeo does`
  }
}

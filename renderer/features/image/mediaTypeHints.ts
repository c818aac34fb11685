// When a digest link is followed from a descriptor, its media type is known; remember it so
// image:object can ask the registry for the right Accept type.
const hints = new Map<string, string>()

export function rememberMediaType(digest: string, mediaType: string | undefined): void {
  if (mediaType) hints.set(digest, mediaType)
}

export function mediaTypeHint(digest: string): string | undefined {
  return hints.get(digest)
}

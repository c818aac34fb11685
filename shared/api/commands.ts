// The equivalent commands shown beside every object: what a user could type to get the same
// document themselves, with a note on what it prints.

/** A command a user could type to get the same document themselves. */
export interface EquivalentCommand {
  readonly tool: 'skopeo' | 'crane' | 'curl' | 'podman' | 'docker' | 'umoci' | 'oras' | 'shell'
  readonly command: string
  readonly note?: string
}

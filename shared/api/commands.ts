// The equivalent commands shown beside every object: what a user could type to get the same
// document themselves, with a note on what it prints. The note is a code with its data, worded
// by the renderer in the language shown (shared/commandNoteText.ts words it in English for logs).

/** A command a user could type to get the same document themselves. */
export interface EquivalentCommand {
  /** The program the command runs; 'shell' for plain file reads (cat, jq, tar, ls). */
  readonly tool:
    'skopeo' | 'crane' | 'curl' | 'podman' | 'docker' | 'umoci' | 'oras' | 'ctr' | 'shell'
  readonly command: string
  readonly note?: CommandNote
}

/** The image store a command asks for an image (its own view of it, or its export). */
export type CommandStoreTool = 'docker' | 'podman'

/** What a command prints, as data. */
export type CommandNote =
  /** The manifest exactly as stored. */
  | { readonly kind: 'rawManifest' }
  /** skopeo inspect's summary; `forThisMachine`: the root is an index, skopeo picks one image. */
  | { readonly kind: 'imageSummary'; readonly forThisMachine: boolean }
  /** umoci stat: layers and build history. */
  | { readonly kind: 'layersAndHistory' }
  /** An OCI layout's index.json, listing every image it holds. */
  | { readonly kind: 'layoutIndex' }
  /** The file that holds the manifest (a layout blob, a dir's manifest.json). */
  | { readonly kind: 'manifestFile' }
  /** The file that holds this object (a dir: entry). */
  | { readonly kind: 'objectFile' }
  /** A blob file read as JSON (a config); `file` lists as a layer with tar -tvzf. */
  | { readonly kind: 'blobFile'; readonly file: string }
  /** A member of a tar archive, read as JSON. */
  | { readonly kind: 'archiveMember' }
  /** A layer inside a tar archive, listed (sha256sum checks its digest; tar -tvz for gzip). */
  | { readonly kind: 'archiveLayer' }
  /** The manifest.json that `docker save` wrote, from which Strata builds the manifest. */
  | { readonly kind: 'dockerSaveManifest' }
  /** skopeo's own manifest for an image that has none stored: it too builds one. */
  | { readonly kind: 'synthesizedManifest'; readonly from: 'archive' | 'daemon' }
  /** containers-storage's stored manifest, naming compressed layers it no longer has. */
  | { readonly kind: 'storedManifest' }
  /** `docker image inspect` / `podman image inspect`: the image as that tool sees it. */
  | { readonly kind: 'storeImage'; readonly tool: CommandStoreTool }
  /** `… image history`: the build steps. */
  | { readonly kind: 'buildSteps' }
  /** containers-storage's record of a layer in layers.json. */
  | { readonly kind: 'storageLayerRecord' }
  /** A layer's directory of files on disk. */
  | { readonly kind: 'layerDirectory' }
  /** The runtime part of the config (`podman image inspect --format '{{json .Config}}'`). */
  | { readonly kind: 'runtimeConfig' }
  /** The config, or a layer's files, read out of `docker save`. */
  | { readonly kind: 'exportedConfig' }
  | { readonly kind: 'exportedLayer' }
  /** containerd's image record: name, media type, digest, platforms. */
  | { readonly kind: 'containerdRecord' }
  /** A blob of containerd's content store read as JSON (a config). */
  | { readonly kind: 'contentConfig' }
  /** A layer of containerd's content store listed, for the given compression. */
  | { readonly kind: 'contentLayer'; readonly compression: 'gzip' }
  /** Docker Hub's registry wants a bearer token, even for public images. */
  | { readonly kind: 'hubToken' }
  /** curl writes the blob to standard output; `hubToken`: Docker Hub also wants a token. */
  | { readonly kind: 'blobToStdout'; readonly hubToken: boolean }
  /** skopeo copy of the tagged image into ./image; `blobFile`: the file that is this blob. */
  | { readonly kind: 'copyImage'; readonly blobFile?: string }
  /** `docker diff` / `podman diff`: the writable layer's changes (C, A, D). */
  | { readonly kind: 'containerChanges' }
  /** `ps -s`: the writable layer's size and the size with the image. */
  | { readonly kind: 'containerSizes'; readonly tool: CommandStoreTool }

export type CommandNoteKind = CommandNote['kind']

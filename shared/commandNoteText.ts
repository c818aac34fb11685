// A command's note in English: for logs, the command line, and tests that read text. The
// renderer words notes from its catalogues instead (renderer/features/image/commandNoteWords.ts).
import type { CommandNote } from './api/commands'

export function englishCommandNote(note: CommandNote): string {
  switch (note.kind) {
    case 'rawManifest':
      return 'the raw manifest'
    case 'imageSummary':
      return note.forThisMachine
        ? 'the image for this machine, summarized'
        : 'the image, summarized'
    case 'layersAndHistory':
      return 'layers and build history'
    case 'layoutIndex':
      return "the layout's own index.json, listing every image it holds"
    case 'manifestFile':
      return 'the manifest file itself'
    case 'objectFile':
      return 'the file holding this object'
    case 'blobFile':
      return `a JSON blob such as a config; list a layer with: tar -tvzf ${note.file}`
    case 'archiveMember':
      return 'the file inside the archive'
    case 'archiveLayer':
      return `the layer's files (add "| sha256sum" instead to check its digest; use tar -tvz for gzip layers)`
    case 'dockerSaveManifest':
      return 'the image list docker save wrote; Strata builds its manifest from this'
    case 'synthesizedManifest':
      return note.from === 'archive'
        ? "skopeo's own manifest for this image (it too is synthesized)"
        : "skopeo's manifest for this image (synthesized from the export, like Strata's)"
    case 'storedManifest':
      return 'the manifest as stored (it names compressed layers storage no longer has)'
    case 'storeImage':
      return `the image, as ${note.tool} sees it`
    case 'buildSteps':
      return 'the build steps'
    case 'storageLayerRecord':
      return "the layer's record: id, parent, diff digest and compressed digest"
    case 'layerDirectory':
      return "the layer's files on disk"
    case 'runtimeConfig':
      return 'the runtime part of the config'
    case 'exportedConfig':
      return 'the config, from the image export'
    case 'exportedLayer':
      return "the layer's files, from the image export"
    case 'containerdRecord':
      return "containerd's record of the image: name, media type, digest, platforms"
    case 'contentConfig':
      return 'a config blob (JSON)'
    case 'contentLayer':
      return `a ${note.compression} layer's files (tar -tv for an uncompressed one; add "| sha256sum" instead to check its digest)`
    case 'hubToken':
      return "Docker Hub wants a bearer token even for public images: add -H 'Authorization: Bearer TOKEN'."
    case 'blobToStdout':
      return note.hubToken
        ? "Docker Hub wants a bearer token even for public images: add -H 'Authorization: Bearer TOKEN'. Add -o FILE to save the bytes."
        : 'writes the blob to standard output: add -o FILE, or pipe a layer into tar -tzv to list it'
    case 'copyImage':
      return note.blobFile !== undefined
        ? `copies the image the tag names into ./image; this blob is the file ${note.blobFile}`
        : 'copies the image the tag names into ./image, one file per blob'
    case 'containerChanges':
      return 'the changes in the writable layer (C changed, A added, D deleted)'
    case 'containerSizes':
      return note.tool === 'docker'
        ? 'the writable layer size, and the virtual size with the image'
        : 'the writable layer size, and the size with the image'
  }
}

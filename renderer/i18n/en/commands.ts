// English strings of the "commands" namespace: what each equivalent command prints (the note
// under it), worded from the code the main side sends (shared/api/commands.ts).
import type { Strings } from '../catalogue'

export const commands = {
  note: {
    rawManifest: 'the raw manifest',
    imageSummary: 'the image, summarized',
    imageSummaryForThisMachine: 'the image for this machine, summarized',
    layersAndHistory: 'layers and build history',
    layoutIndex: "the layout's own index.json, listing every image it holds",
    manifestFile: 'the manifest file itself',
    objectFile: 'the file holding this object',
    blobFile: 'a JSON blob such as a config; list a layer with: tar -tvzf {{file}}',
    archiveMember: 'the file inside the archive',
    archiveLayer:
      'the layer\'s files (add "| sha256sum" instead to check its digest; use tar -tvz for gzip layers)',
    dockerSaveManifest: 'the image list docker save wrote; Strata builds its manifest from this',
    synthesizedFromArchive: "skopeo's own manifest for this image (it too is synthesized)",
    synthesizedFromDaemon:
      "skopeo's manifest for this image (synthesized from the export, like Strata's)",
    storedManifest: 'the manifest as stored (it names compressed layers storage no longer has)',
    storeImage: 'the image, as {{tool}} sees it',
    buildSteps: 'the build steps',
    storageLayerRecord: "the layer's record: id, parent, diff digest and compressed digest",
    layerDirectory: "the layer's files on disk",
    runtimeConfig: 'the runtime part of the config',
    exportedConfig: 'the config, from the image export',
    exportedLayer: "the layer's files, from the image export",
    containerdRecord: "containerd's record of the image: name, media type, digest, platforms",
    contentConfig: 'a config blob (JSON)',
    contentLayer:
      'a {{compression}} layer\'s files (tar -tv for an uncompressed one; add "| sha256sum" instead to check its digest)',
    hubToken:
      "Docker Hub wants a bearer token even for public images: add -H 'Authorization: Bearer TOKEN'.",
    blobToStdout:
      'writes the blob to standard output: add -o FILE, or pipe a layer into tar -tzv to list it',
    blobToStdoutHub:
      "Docker Hub wants a bearer token even for public images: add -H 'Authorization: Bearer TOKEN'. Add -o FILE to save the bytes.",
    copyImage: 'copies the image the tag names into ./image, one file per blob',
    copyImageBlob: 'copies the image the tag names into ./image; this blob is the file {{file}}',
    containerChanges: 'the changes in the writable layer (C changed, A added, D deleted)',
    containerSizesDocker: 'the writable layer size, and the virtual size with the image',
    containerSizesPodman: 'the writable layer size, and the size with the image',
  },
} satisfies Strings

// English strings of the "image" namespace. Keys are grouped by the component that shows them.
import type { Strings } from '../catalogue'

export const image = {
  /** The main side's plain-language names and sentences for objects, found by their English text. */
  object: {
    label: {
      ociIndex: 'OCI index',
      dockerManifestList: 'Docker manifest list',
      ociManifest: 'OCI image manifest',
      dockerManifest: 'Docker image manifest',
      dockerSchema1: 'Docker schema 1 manifest',
      dockerSchema1Signed: 'Docker schema 1 manifest (signed)',
      ociConfig: 'OCI image config',
      dockerConfig: 'Docker image config',
      emptyConfig: 'empty config',
      gzipLayer: 'gzip layer',
      zstdLayer: 'zstd layer',
      tarLayer: 'tar layer',
      dockerGzipLayer: 'Docker gzip layer',
      foreignLayer: 'foreign layer',
      nondistributableLayer: 'non-distributable layer',
      nondistributableGzipLayer: 'non-distributable gzip layer',
      nondistributableZstdLayer: 'non-distributable zstd layer',
      dockerPluginConfig: 'Docker plugin config',
      artifactBlob: 'artifact blob',
      imageConfig: 'image config',
      attestationManifest: 'attestation manifest',
      blob: 'blob',
      jsonBlob: 'JSON blob',
    },
    explanation: {
      ociIndex:
        'Points at several manifests, usually one per platform, so one tag can serve many machines.',
      dockerManifestList:
        "Docker's older form of an index: one manifest per platform behind one tag.",
      ociManifest: 'Names one configuration and the ordered list of layers that make one image.',
      dockerManifest:
        "Docker's schema 2 manifest: a config and ordered layers, the shape OCI adopted.",
      dockerSchema1:
        'The retired first Docker format, shown read-only: fsLayers lists the layers top first and history[].v1Compatibility carries each layer’s config.',
      dockerSchema1Signed:
        'The retired first Docker format with a JWS signature, shown read-only: fsLayers lists the layers top first; the digest covers the document without its signatures.',
      ociConfig:
        'The image settings (command, environment, user) and the build history, plus the diff IDs of the layers.',
      dockerConfig:
        "Docker's image configuration: command, environment, history and layer diff IDs.",
      emptyConfig:
        'The two-byte "{}" blob artifacts use when they have no configuration of their own.',
      gzipLayer: 'A gzip-compressed tar of the files this step added, changed or deleted.',
      zstdLayer: 'A zstd-compressed tar of file changes: faster to unpack than gzip.',
      tarLayer: 'An uncompressed tar of file changes.',
      dockerGzipLayer: "Docker's name for a gzip-compressed tar of file changes.",
      foreignLayer:
        'A layer stored elsewhere (its descriptor lists URLs), typically Windows base layers.',
      nondistributableLayer:
        'A layer that registries may not redistribute (deprecated in image-spec 1.1).',
      nondistributableGzipLayer: 'A gzip layer that registries may not redistribute (deprecated).',
      nondistributableZstdLayer: 'A zstd layer that registries may not redistribute (deprecated).',
      dockerPluginConfig: 'The configuration of a Docker Engine plugin, not of a container image.',
      guessedGzipLayer: 'A gzip-compressed tar (media type not in the image spec).',
      guessedZstdLayer: 'A zstd-compressed tar (media type not in the image spec).',
      guessedTarLayer: 'An uncompressed tar (media type not in the image spec).',
      artifactBlob: 'A blob of a type Strata does not interpret: shown as it is.',
      recognizedConfig:
        'The image configuration, though its descriptor types it as something else (old Docker images say application/octet-stream): settings, history and layer diff IDs.',
      attestationManifest:
        'Build provenance or an SBOM attached to the index; not an image you can run.',
      textBlob: 'A blob that is not JSON; no media type was given, so it is shown as text.',
      configBlob:
        'Read as a blob with no media type given; its JSON has os, architecture and rootfs, so it is an image configuration.',
      jsonBlob:
        'A blob whose bytes are JSON; no media type was given, so Strata does not interpret it.',
    },
  },
  /** Object kinds: the legend and the first word of a compact card. */
  kind: {
    index: 'index',
    manifest: 'manifest',
    schema1: 'schema 1',
    config: 'config',
    layer: 'layer',
    artifact: 'artifact',
    container: 'container',
  },
  /** What an artifact is, from its artifactType. */
  artifact: {
    signature: 'signature',
    sbom: 'SBOM',
    attestation: 'attestation',
    helmChart: 'Helm chart',
    wasmModule: 'Wasm module',
    artifact: 'artifact',
  },
  /** The main badge of a card. */
  role: {
    root: 'root',
    rootOn: 'root · {{platform}}',
    platform: 'platform',
    tagOn: '{{tag}} · {{platform}}',
    nestedIndex: 'nested index',
    attestation: 'attestation',
    attestationOf: 'attestation · {{platform}}',
    referrerOf: 'referrer · {{kind}}',
    config: 'config',
    layer: 'layer',
    layerAt: 'layer {{position}}',
    layerOf: 'layer {{position}} of {{count}}',
    subject: 'subject',
    referrer: 'referrer',
    blob: 'blob',
    container: 'container',
  },
  badge: {
    sharedBy: 'shared by {{count}}',
    unknownType: 'unknown type',
    notLoaded: 'not loaded',
  },
  card: {
    sizeNotListed: 'size not listed',
    noSize: 'no size',
    compact: '{{kind}} {{role}}',
  },
  edge: {
    referrer: 'referrer',
    image: 'image',
  },
  /** The container node (a container opened with container:…) and its details. */
  container: {
    label: 'Container',
    name: 'Name',
    id: 'ID',
    state: 'State',
    image: 'Image',
    writable: 'Writable layer',
    virtual: 'Virtual size (with the image)',
    live: 'Its writable layer is the manifest’s top layer in this graph: a live layer, not content-addressed (Strata hashed it when opening the container). The image’s layers are verified as usual.',
  },
  view: {
    reading: 'Reading {{ref}}…',
    empty: 'This image has no objects to show',
    warnings: 'Warnings',
  },
  /** Non-fatal problems the main side reports as codes (shared/api/image.ts ImageWarning). */
  warning: {
    depthLimit: 'Stopped at depth {{depth}}: the indexes nest deeper than Strata follows.',
    nodeLimit: 'The image has more than {{maxNodes}} objects; the rest is not drawn.',
    manifestUnreadable: 'Manifest {{digest}} could not be read: {{problem}}.',
    configUnreadable: 'Config {{digest}} could not be read: {{problem}}.',
    schema1ReadOnly:
      'Docker schema 1 manifest: shown read-only. Its layers are listed without sizes and their files cannot be opened.',
    referrersTimedOut: 'Referrers not shown: the registry took too long to list them.',
    referrersNotShown: 'Referrers not shown: {{problem}}.',
    referrersUnreadable: 'The referrers of {{subject}} could not be listed: {{problem}}.',
    liveLayer:
      "The top layer is container {{container}}'s writable layer: it is live, not content-addressed, so its digest is of the tar Strata built when the container was opened. The image's own layers are verified as usual.",
    uncompressedLayers:
      '{{image}}: storage keeps no compressed layers, so Strata serves them uncompressed under their diff IDs and rewrote the manifest to name them. The manifest as stored is {{storedManifest}}.',
    synthesizedManifest:
      "{{location}}: there is no stored manifest, so Strata built one from docker save's manifest.json; its layers are the tars as saved.",
    archiveLayoutUnreadable:
      '{{location}}: its OCI layout part cannot be read ({{problem}}), so it was read from manifest.json alone, as docker load does.',
    brokenLayoutEntry:
      '{{where}}: entry {{position}}{{names}} is broken and cannot be opened ({{problem}}); the other images of the layout open.',
    noVersionFile:
      '{{dir}} has no version file; it was read as a skopeo dir: because it holds a manifest.json, as skopeo does.',
    technical: 'Technical details',
  },
  canvas: {
    zoom: 'Zoom',
    zoomIn: 'Zoom in',
    zoomInTitle: 'Zoom in (+)',
    zoomLevel: 'Zoom level',
    zoomOut: 'Zoom out',
    zoomOutTitle: 'Zoom out (−)',
    fit: 'Fit',
    fitTitle: 'Fit (0)',
    graph_one: 'Image graph, {{count}} object. Arrow keys pan, plus and minus zoom, 0 fits.',
    graph_other: 'Image graph, {{count}} objects. Arrow keys pan, plus and minus zoom, 0 fits.',
    hint: 'Drag or scroll to pan · Ctrl + scroll or + − to zoom · 0 fits',
  },
  legend: {
    label: 'Legend',
    sharedTitle:
      'The same blob (same digest) is listed by several documents: stored and downloaded once.',
    sharedPill: 'shared by N',
    shared: 'one blob, several parents',
    referrerTitle:
      "An artifact whose subject is this image: found through the registry's Referrers API or its sha256-<hex> fallback tag.",
    referrer: 'referrer (signature, SBOM, attestation)',
  },
  details: {
    label: 'Details',
    close: 'Close details (Escape)',
    closeTitle: 'Close (Escape)',
    fetching: 'Fetching {{digest}}…',
    notInGraph: 'not in this graph',
    document: 'Document',
    decode: 'Decode signature, attestation or SBOM',
    unknownMediaType: 'Unknown media type: Strata does not interpret this object.',
    unknownMediaTypeShown:
      'Unknown media type: Strata does not interpret this object and shows the document as received.',
    ofParent: 'of {{parent}}',
    builtBy: 'Built by',
    builtByHint: 'The build steps recorded in the image config that produced this layer.',
    notRecorded: '(not recorded)',
    empty: 'empty',
    browseFiles: 'Browse this layer’s files',
    resize: 'Resize the details panel (left and right arrow keys)',
    resizeTitle: 'Drag to resize',
  },
  fact: {
    mediaType: 'media type',
    digest: 'digest',
    size: 'size',
    sizeNotListed: 'not listed (schema 1 records no layer sizes)',
    bytes: '({{bytes}} bytes)',
    platform: 'platform',
    listedBy_one: 'listed by',
    listedBy_other: 'listed by {{count}}',
    artifactType: 'artifact type',
    artifactTypeListed: 'artifact type in the descriptor',
  },
  annotations: {
    title: 'Annotations',
    ownHint: "The document's own annotations.",
    listedTitle: 'Annotations on the descriptor',
    listedHint: "What the parent lists for this object; they differ from the document's own.",
  },
  commands: {
    title: 'Do it yourself',
    copyWhat: '{{tool}} command',
  },
  copy: {
    digest: 'digest',
    document: 'document',
  },
  descriptor: {
    none: 'No document Strata read lists this object, so there is no descriptor to show.',
    title: 'descriptor (from {{parent}})',
    fromIndex: 'the index',
    fromManifest: 'the manifest',
    fromParent: 'the parent document',
    layerHint:
      'A layer is a tar archive, not a JSON document: this is what its parent lists for it, with the digest and size it is verified by.',
    layerHintSchema1:
      'A layer is a tar archive, not a JSON document: this is what its parent lists for it, with the digest it is verified by (schema 1 lists no sizes).',
    blobHint:
      'A blob is not a JSON document: this is what its parent lists for it, with the digest and size it is verified by.',
    blobHintSchema1:
      'A blob is not a JSON document: this is what its parent lists for it, with the digest it is verified by (schema 1 lists no sizes).',
    listedDifferently: 'Listed differently by',
    asListed: 'as listed in {{field}} of {{parent}}',
    asListedMore_one: 'as listed in {{field}} of {{parent}} and, identically, {{count}} more',
    asListedMore_other: 'as listed in {{field}} of {{parent}} and, identically, {{count}} more',
    parentName: '{{label}} ({{badge}})',
  },
  config: {
    starts: 'How a container starts',
    unsetNone: 'not set (none)',
    unsetUser: 'not set (root)',
    unsetWorkingDir: 'not set (/)',
    unsetEnv: 'not set (empty)',
    labels: 'Labels',
    history: 'Build history',
    historyHint: 'Oldest first. Steps marked “empty” changed only settings and made no layer.',
    step: 'step',
    layer: 'layer',
    layerN: 'layer {{n}}',
  },
  json: {
    received_one: '{{formatted}} character as received',
    received_other: '{{formatted}} characters as received',
    diffId:
      'diff ID: the digest of the uncompressed layer tar. Registries store the compressed layer, so this digest is not fetchable.',
    select: 'Select this object in the graph',
    fetch: 'Fetch this object by digest',
  },
  referrers: {
    title: 'Referrers',
    filterPlaceholder: 'any (e.g. application/spdx+json)',
    filter: 'Filter',
    asking: 'Asking the registry…',
    viaApi: 'Found through the registry’s Referrers API.',
    viaFallbackTag: 'The registry has no Referrers API; found through the fallback tag {{tag}}.',
    viaCosignTag:
      'The registry has no Referrers API and no fallback tag; found through cosign’s signature tag.',
    none: 'Nothing refers to this manifest (neither the Referrers API nor the fallback tag lists anything).',
    unsupported: 'Local image stores keep no referrers.',
    viaLayout: 'Found in the OCI layout’s index.json (the manifests whose subject this is).',
    filteredTo: 'Filtered to {{type}}.',
    filteredByRegistry: 'Filtered to {{type}} by the registry.',
    select: 'Select it in the graph',
    open: 'Open the document',
    decode: 'Decode',
  },
  schema1: {
    title: 'Schema 1 layers',
    layersHint:
      '<code>fsLayers</code> lists the layers top first: fsLayers[0] is the top layer and the last entry is the base, the reverse of a schema 2 manifest. <code>history[i].v1Compatibility</code> is a JSON string holding the legacy config of the layer fsLayers[i]: its id, its parent’s id, when it was made and the command that made it (<code>container_config.Cmd</code>). There is no config blob and no layer sizes. Steps marked empty changed only settings; their blob is the empty tar.',
    digestHint:
      'The digest is the hash of the document without its <code>signatures</code>: registries sign it again on every request, so the bytes differ each time while the digest stays the same.',
    noCommand: '(no command recorded)',
    empty: 'empty',
  },
} satisfies Strings

// Spanish strings of the "image" namespace: the vocabulary of the reference tutorials (imagen,
// capa, etiqueta, registro, repositorio, digest, contenedor), written for Spanish readers.
import type { SameKeys } from '../catalogue'
import type { image as english } from '../en/image'

export const image: SameKeys<typeof english> = {
  object: {
    label: {
      ociIndex: 'índice OCI',
      dockerManifestList: 'lista de manifiestos Docker',
      ociManifest: 'manifiesto de imagen OCI',
      dockerManifest: 'manifiesto de imagen Docker',
      dockerSchema1: 'manifiesto Docker schema 1',
      dockerSchema1Signed: 'manifiesto Docker schema 1 (firmado)',
      ociConfig: 'configuración de imagen OCI',
      dockerConfig: 'configuración de imagen Docker',
      emptyConfig: 'configuración vacía',
      gzipLayer: 'capa gzip',
      zstdLayer: 'capa zstd',
      tarLayer: 'capa tar',
      dockerGzipLayer: 'capa gzip de Docker',
      foreignLayer: 'capa externa',
      nondistributableLayer: 'capa no redistribuible',
      nondistributableGzipLayer: 'capa gzip no redistribuible',
      nondistributableZstdLayer: 'capa zstd no redistribuible',
      dockerPluginConfig: 'configuración de plugin Docker',
      artifactBlob: 'blob de artefacto',
      imageConfig: 'configuración de imagen',
      attestationManifest: 'manifiesto de atestación',
      blob: 'blob',
      jsonBlob: 'blob JSON',
    },
    explanation: {
      ociIndex:
        'Apunta a varios manifiestos, normalmente uno por plataforma, para que una sola etiqueta sirva a máquinas distintas.',
      dockerManifestList:
        'La forma antigua de índice de Docker: un manifiesto por plataforma detrás de una etiqueta.',
      ociManifest: 'Nombra una configuración y la lista ordenada de capas que forman una imagen.',
      dockerManifest:
        'El manifiesto schema 2 de Docker: una configuración y sus capas en orden, la forma que adoptó OCI.',
      dockerSchema1:
        'El primer formato de Docker, ya retirado, en solo lectura: fsLayers enumera las capas empezando por la de arriba e history[].v1Compatibility lleva la configuración de cada capa.',
      dockerSchema1Signed:
        'El primer formato de Docker, ya retirado, con firma JWS, en solo lectura: fsLayers enumera las capas empezando por la de arriba; el digest cubre el documento sin sus firmas.',
      ociConfig:
        'Los ajustes de la imagen (comando, entorno, usuario) y el historial de construcción, además de los diff ID de las capas.',
      dockerConfig:
        'La configuración de imagen de Docker: comando, entorno, historial y diff ID de las capas.',
      emptyConfig:
        'El blob de dos bytes "{}" que usan los artefactos cuando no tienen configuración propia.',
      gzipLayer:
        'Un tar comprimido con gzip con los archivos que este paso añadió, cambió o borró.',
      zstdLayer:
        'Un tar de cambios de archivos comprimido con zstd: se descomprime más deprisa que gzip.',
      tarLayer: 'Un tar sin comprimir con cambios de archivos.',
      dockerGzipLayer: 'El nombre que da Docker a un tar de cambios comprimido con gzip.',
      foreignLayer:
        'Una capa guardada en otro sitio (su descriptor da las URL), casi siempre capas base de Windows.',
      nondistributableLayer:
        'Una capa que los registros no pueden redistribuir (obsoleta desde image-spec 1.1).',
      nondistributableGzipLayer:
        'Una capa gzip que los registros no pueden redistribuir (obsoleta).',
      nondistributableZstdLayer:
        'Una capa zstd que los registros no pueden redistribuir (obsoleta).',
      dockerPluginConfig:
        'La configuración de un plugin de Docker Engine, no de una imagen de contenedor.',
      guessedGzipLayer:
        'Un tar comprimido con gzip (su media type no está en la especificación de imágenes).',
      guessedZstdLayer:
        'Un tar comprimido con zstd (su media type no está en la especificación de imágenes).',
      guessedTarLayer:
        'Un tar sin comprimir (su media type no está en la especificación de imágenes).',
      artifactBlob: 'Un blob de un tipo que Strata no interpreta: se muestra tal cual.',
      recognizedConfig:
        'La configuración de la imagen, aunque su descriptor le da otro tipo (las imágenes Docker antiguas dicen application/octet-stream): ajustes, historial y diff ID de las capas.',
      attestationManifest:
        'Procedencia de la construcción o un SBOM adjuntos al índice; no es una imagen que se pueda ejecutar.',
      textBlob: 'Un blob que no es JSON; no se indicó media type, así que se muestra como texto.',
      configBlob:
        'Leído como blob sin media type; su JSON tiene os, architecture y rootfs, así que es una configuración de imagen.',
      jsonBlob:
        'Un blob cuyo contenido es JSON; no se indicó media type, así que Strata no lo interpreta.',
    },
  },
  kind: {
    index: 'índice',
    manifest: 'manifiesto',
    schema1: 'schema 1',
    config: 'configuración',
    layer: 'capa',
    artifact: 'artefacto',
    container: 'contenedor',
  },
  artifact: {
    signature: 'firma',
    sbom: 'SBOM',
    attestation: 'atestación',
    helmChart: 'chart de Helm',
    wasmModule: 'módulo Wasm',
    artifact: 'artefacto',
  },
  role: {
    root: 'raíz',
    rootOn: 'raíz · {{platform}}',
    platform: 'plataforma',
    tagOn: '{{tag}} · {{platform}}',
    nestedIndex: 'índice anidado',
    attestation: 'atestación',
    attestationOf: 'atestación · {{platform}}',
    referrerOf: 'referente · {{kind}}',
    config: 'configuración',
    layer: 'capa',
    layerAt: 'capa {{position}}',
    layerOf: 'capa {{position}} de {{count}}',
    subject: 'sujeto',
    referrer: 'referente',
    blob: 'blob',
    container: 'contenedor',
  },
  badge: {
    sharedBy: 'compartida por {{count}}',
    unknownType: 'tipo desconocido',
    notLoaded: 'sin cargar',
  },
  card: {
    sizeNotListed: 'tamaño no indicado',
    noSize: 'sin tamaño',
    compact: '{{kind}} {{role}}',
  },
  edge: {
    referrer: 'referente',
    image: 'imagen',
  },
  container: {
    label: 'Contenedor',
    name: 'Nombre',
    id: 'ID',
    state: 'Estado',
    image: 'Imagen',
    writable: 'Capa de escritura',
    virtual: 'Tamaño virtual (con la imagen)',
    live: 'Su capa de escritura es la capa superior del manifiesto en este grafo: una capa viva, sin dirección por contenido (Strata calculó su resumen al abrir el contenedor). Las capas de la imagen se verifican como siempre.',
  },
  view: {
    reading: 'Leyendo {{ref}}…',
    empty: 'Esta imagen no tiene objetos que mostrar',
    warnings: 'Avisos',
  },
  warning: {
    depthLimit:
      'Se detuvo en la profundidad {{depth}}: los índices se anidan más de lo que Strata sigue.',
    nodeLimit: 'La imagen tiene más de {{maxNodes}} objetos; el resto no se dibuja.',
    manifestUnreadable: 'No se pudo leer el manifiesto {{digest}}: {{problem}}.',
    configUnreadable: 'No se pudo leer la configuración {{digest}}: {{problem}}.',
    schema1ReadOnly:
      'Manifiesto Docker schema 1: se muestra solo para lectura. Sus capas aparecen sin tamaño y sus archivos no se pueden abrir.',
    referrersTimedOut: 'No se muestran los referentes: el registro tardó demasiado en listarlos.',
    referrersNotShown: 'No se muestran los referentes: {{problem}}.',
    referrersUnreadable: 'No se pudieron listar los referentes de {{subject}}: {{problem}}.',
    liveLayer:
      'La capa superior es la capa de escritura del contenedor {{container}}: está viva y no se direcciona por contenido, así que su digest es el del tar que Strata armó al abrir el contenedor. Las capas propias de la imagen se verifican como siempre.',
    uncompressedLayers:
      '{{image}}: el almacenamiento no guarda capas comprimidas, así que Strata las sirve sin comprimir con sus diff IDs y reescribió el manifiesto para nombrarlas. El manifiesto guardado es {{storedManifest}}.',
    synthesizedManifest:
      '{{location}}: no hay un manifiesto guardado, así que Strata armó uno a partir del manifest.json de docker save; sus capas son los tar tal como se guardaron.',
    archiveLayoutUnreadable:
      '{{location}}: su parte de layout OCI no se puede leer ({{problem}}), así que se leyó solo con manifest.json, como hace docker load.',
    brokenLayoutEntry:
      '{{where}}: la entrada {{position}}{{names}} está dañada y no se puede abrir ({{problem}}); las demás imágenes del layout se abren.',
    noVersionFile:
      '{{dir}} no tiene archivo version; se leyó como un directorio dir: de skopeo porque contiene un manifest.json, igual que hace skopeo.',
    technical: 'Detalles técnicos',
  },
  canvas: {
    zoom: 'Zoom',
    zoomIn: 'Acercar',
    zoomInTitle: 'Acercar (+)',
    zoomLevel: 'Nivel de zoom',
    zoomOut: 'Alejar',
    zoomOutTitle: 'Alejar (−)',
    fit: 'Encajar',
    fitTitle: 'Encajar (0)',
    graph_one:
      'Grafo de la imagen, {{count}} objeto. Las flechas desplazan, más y menos cambian el zoom, 0 encaja.',
    graph_other:
      'Grafo de la imagen, {{count}} objetos. Las flechas desplazan, más y menos cambian el zoom, 0 encaja.',
    hint: 'Arrastra o desplaza para moverte · Ctrl + rueda o + − para el zoom · 0 encaja',
  },
  legend: {
    label: 'Leyenda',
    sharedTitle:
      'Varios documentos enumeran el mismo blob (el mismo digest): se guarda y se descarga una sola vez.',
    sharedPill: 'compartida por N',
    shared: 'un blob, varios padres',
    referrerTitle:
      'Un artefacto cuyo sujeto es esta imagen: encontrado con la API Referrers del registro o con su etiqueta de respaldo sha256-<hex>.',
    referrer: 'referente (firma, SBOM, atestación)',
  },
  details: {
    label: 'Detalles',
    close: 'Cerrar los detalles (Escape)',
    closeTitle: 'Cerrar (Escape)',
    fetching: 'Obteniendo {{digest}}…',
    notInGraph: 'fuera de este grafo',
    document: 'Documento',
    decode: 'Descifrar la firma, la atestación o el SBOM',
    unknownMediaType: 'Media type desconocido: Strata no interpreta este objeto.',
    unknownMediaTypeShown:
      'Media type desconocido: Strata no interpreta este objeto y muestra el documento tal como llegó.',
    ofParent: 'de {{parent}}',
    builtBy: 'Construida por',
    builtByHint:
      'Los pasos de construcción, anotados en la configuración de la imagen, que produjeron esta capa.',
    notRecorded: '(sin anotar)',
    empty: 'vacío',
    browseFiles: 'Ver los archivos de esta capa',
    resize: 'Cambiar el ancho del panel de detalles (flechas izquierda y derecha)',
    resizeTitle: 'Arrastra para cambiar el ancho',
  },
  fact: {
    mediaType: 'media type',
    digest: 'digest',
    size: 'tamaño',
    sizeNotListed: 'no indicado (schema 1 no anota el tamaño de las capas)',
    bytes: '({{bytes}} bytes)',
    platform: 'plataforma',
    listedBy_one: 'enumerado en',
    listedBy_other: 'enumerado en {{count}}',
    artifactType: 'tipo de artefacto',
    artifactTypeListed: 'tipo de artefacto en el descriptor',
  },
  annotations: {
    title: 'Anotaciones',
    ownHint: 'Las anotaciones propias del documento.',
    listedTitle: 'Anotaciones del descriptor',
    listedHint:
      'Lo que el padre indica para este objeto; no coinciden con las del propio documento.',
  },
  commands: {
    title: 'Hazlo tú mismo',
    copyWhat: 'comando de {{tool}}',
  },
  copy: {
    digest: 'digest',
    document: 'documento',
  },
  descriptor: {
    none: 'Ningún documento leído por Strata enumera este objeto, así que no hay descriptor que mostrar.',
    title: 'descriptor (según {{parent}})',
    fromIndex: 'el índice',
    fromManifest: 'el manifiesto',
    fromParent: 'el documento padre',
    layerHint:
      'Una capa es un archivo tar, no un documento JSON: esto es lo que su padre indica de ella, con el digest y el tamaño con los que se verifica.',
    layerHintSchema1:
      'Una capa es un archivo tar, no un documento JSON: esto es lo que su padre indica de ella, con el digest con el que se verifica (schema 1 no anota tamaños).',
    blobHint:
      'Un blob no es un documento JSON: esto es lo que su padre indica de él, con el digest y el tamaño con los que se verifica.',
    blobHintSchema1:
      'Un blob no es un documento JSON: esto es lo que su padre indica de él, con el digest con el que se verifica (schema 1 no anota tamaños).',
    listedDifferently: 'Enumerado de otra forma por',
    asListed: 'tal como figura en {{field}} de {{parent}}',
    asListedMore_one: 'tal como figura en {{field}} de {{parent}} y, idéntico, en {{count}} más',
    asListedMore_other: 'tal como figura en {{field}} de {{parent}} y, idéntico, en {{count}} más',
    parentName: '{{label}} ({{badge}})',
  },
  config: {
    starts: 'Cómo arranca un contenedor',
    unsetNone: 'sin definir (ninguno)',
    unsetUser: 'sin definir (root)',
    unsetWorkingDir: 'sin definir (/)',
    unsetEnv: 'sin definir (vacío)',
    labels: 'Labels (metadatos)',
    history: 'Historial de construcción',
    historyHint:
      'Del más antiguo al más reciente. Los pasos marcados «vacío» solo cambiaron ajustes y no crearon capa.',
    step: 'paso',
    layer: 'capa',
    layerN: 'capa {{n}}',
  },
  json: {
    received_one: '{{formatted}} carácter tal como llegó',
    received_other: '{{formatted}} caracteres tal como llegaron',
    diffId:
      'diff ID: el digest del tar de la capa sin comprimir. Los registros guardan la capa comprimida, así que este digest no se puede descargar.',
    select: 'Seleccionar este objeto en el grafo',
    fetch: 'Obtener este objeto por su digest',
  },
  referrers: {
    title: 'Referentes',
    filterPlaceholder: 'cualquiera (p. ej. application/spdx+json)',
    filter: 'Filtrar',
    asking: 'Preguntando al registro…',
    viaApi: 'Encontrados con la API Referrers del registro.',
    viaFallbackTag:
      'El registro no tiene API Referrers; encontrados con la etiqueta de respaldo {{tag}}.',
    viaCosignTag:
      'El registro no tiene API Referrers ni etiqueta de respaldo; encontrados con la etiqueta de firma de cosign.',
    none: 'Nada hace referencia a este manifiesto (ni la API Referrers ni la etiqueta de respaldo enumeran nada).',
    unsupported: 'Los almacenes locales de imágenes no guardan referentes.',
    viaLayout: 'Encontrados en el index.json del layout OCI (los manifiestos cuyo sujeto es este).',
    filteredTo: 'Filtrado por {{type}}.',
    filteredByRegistry: 'Filtrado por {{type}} en el registro.',
    select: 'Seleccionarlo en el grafo',
    open: 'Abrir el documento',
    decode: 'Descifrar',
  },
  schema1: {
    title: 'Capas schema 1',
    layersHint:
      '<code>fsLayers</code> enumera las capas empezando por la de arriba: fsLayers[0] es la capa superior y la última entrada es la base, al revés que en un manifiesto schema 2. <code>history[i].v1Compatibility</code> es una cadena JSON con la configuración antigua de la capa fsLayers[i]: su id, el id de su padre, cuándo se creó y el comando que la creó (<code>container_config.Cmd</code>). No hay blob de configuración ni tamaños de capa. Los pasos marcados vacíos solo cambiaron ajustes; su blob es el tar vacío.',
    digestHint:
      'El digest es el hash del documento sin sus <code>signatures</code>: los registros lo vuelven a firmar en cada petición, así que los bytes cambian cada vez pero el digest sigue siendo el mismo.',
    noCommand: '(sin comando anotado)',
    empty: 'vacío',
  },
}

// Spanish strings of the "tags" namespace: the vocabulary of the reference tutorials (imagen,
// capa, etiqueta, registro, repositorio, digest, contenedor), written for Spanish readers.
import type { SameKeys } from '../catalogue'
import type { tags as english } from '../en/tags'

export const tags: SameKeys<typeof english> = {
  view: {
    title: 'Etiquetas',
    allRepositories: 'Todos los repositorios de {{registry}}',
    listing: 'Leyendo las etiquetas de {{repository}}…',
    emptyTitle: '{{repository}} no tiene etiquetas',
    emptyBody: 'Sus imágenes se pueden abrir igualmente por digest (nombre@sha256:…).',
    noun: 'etiquetas',
    singular: 'etiqueta',
    sort: 'Orden',
    groupByDigest: 'agrupar por digest',
    groupedLegend:
      'Las etiquetas que apuntan al mismo digest son una sola imagen. Se agrupan a medida que se resuelven al desplazarse por la lista.',
    listLabel: 'Etiquetas de {{repository}}',
    noMatch: 'Ninguna etiqueta cargada contiene «{{filter}}».',
  },
  sortOrder: {
    natural: 'nombre (2 antes que 10)',
    naturalDesc: 'nombre, al revés',
    dateDesc: 'fecha, las más recientes primero',
    dateAsc: 'fecha, las más antiguas primero',
    sizeDesc: 'tamaño, las más grandes primero',
    sizeAsc: 'tamaño, las más pequeñas primero',
    registry: 'en el orden del registro',
  },
  progress: {
    sorted: 'Ordenadas según lo que resuelven {{done}} de {{total}} etiquetas',
    reading: 'Leyendo fechas y tamaños: {{done}} de {{total}} etiquetas (como mucho seis a la vez)',
    failed: ' · {{failed}} no se pudieron leer (van al final)',
    unresolvedLast: '. Las etiquetas aún sin resolver van al final.',
  },
  columns: {
    name: 'Etiqueta',
    nameTitle: 'El nombre de la etiqueta; pulsa la fila para abrir su grafo',
    digest: 'Digest',
    digestTitle: 'El manifiesto o índice al que apunta la etiqueta; lo abre',
    kind: 'Tipo',
    kindTitle: 'A qué apunta la etiqueta',
    created: 'Imagen creada',
    createdTitle:
      'Cuándo se construyó la imagen: la fecha created de su configuración (o, si falta, su anotación created), en UTC; pasa el ratón por la fecha para ver la hora',
    size: 'Tamaño',
    sizeTitle: 'Manifiesto, configuración y capas; en un índice, todas sus imágenes',
    platforms: 'Plataformas',
    platformsTitle: 'Las plataformas en las que funciona la imagen',
    sharedTitle: 'La misma imagen que otras etiquetas (apuntan al mismo digest)',
    actions: 'Acciones',
    actionsTitle: 'Historial de la etiqueta; comparar con lo que señalaba antes',
  },
  kindLabel: {
    ociIndex: 'índice OCI',
    dockerManifestList: 'lista de manifiestos de Docker',
    ociManifest: 'manifiesto de imagen OCI',
    dockerManifest: 'manifiesto de imagen de Docker',
  },
  legend: {
    shared:
      '≡ señala las etiquetas que apuntan a la misma imagen (el mismo digest); un color por imagen.',
  },
  row: {
    open: 'Abrir el grafo de {{tag}}',
    resolving: 'resolviendo…',
    sameImage: 'La misma imagen que {{others}}',
    sameDigest: 'mismo digest que {{others}}',
    retry: 'Reintentar',
    created: 'Imagen creada el {{when}} (según su configuración)',
    noCreated: 'La imagen no indica cuándo se creó',
  },
  group: {
    open: '{{names}} → {{digest}}\nAbrir la imagen por su digest',
  },
  actions: {
    history: 'Historial',
    historyTitle: 'Cómo se ha movido {{tag}} con el tiempo',
    previous: 'frente a la anterior',
    previousTitle: 'Comparar {{tag}} con {{ref}}: {{reason}}',
    noPrevious:
      'Aún no se conoce ninguna imagen anterior: registra el historial o deja que se resuelvan las demás etiquetas (ordena por fecha)',
    movedReason: '{{tag}} apuntaba aquí hasta el {{until}} (historial de la etiqueta)',
    olderReason: '{{tag}} es la imagen inmediatamente anterior (creada el {{created}})',
  },
}

// Spanish strings of the "sharing" namespace: the vocabulary of the reference tutorials (imagen,
// capa, etiqueta, registro, repositorio, digest, contenedor), written for Spanish readers.
import type { SameKeys } from '../catalogue'
import type { sharing as english } from '../en/sharing'

export const sharing: SameKeys<typeof english> = {
  view: {
    title: 'Capas compartidas',
    refsLabel: 'Imágenes del conjunto',
    remove: 'Quitar {{ref}}',
    addLabel: 'Añadir imágenes',
    addPlaceholder: 'host/repo (todas las etiquetas), host/repo:etiqueta, oci:/ruta:etiqueta…',
    add: 'Añadir',
    addHint:
      'Un repositorio cuenta como todas sus etiquetas; un índice, como todas sus plataformas.',
    emptyTitle: 'No hay imágenes elegidas',
    emptyBody: 'Añade arriba un repositorio o varias imágenes para ver qué capas comparten.',
    readingOne: 'Leyendo las capas de {{ref}}…',
    readingMany: 'Leyendo las capas de {{count}} referencias…',
    noneFoundTitle: 'No se ha encontrado ninguna imagen',
    noneFoundBody: 'Estas referencias no nombran ninguna imagen.',
  },
  images: {
    title: 'Imágenes ({{count}})',
    number: 'n.º',
    image: 'Imagen',
    manifest: 'Manifiesto',
    layers: 'Capas',
    ownBytes: 'Bytes propios',
    exclusive: 'Solo suyos',
  },
  layers: {
    title: 'Capas ({{count}})',
    layer: 'Capa',
    size: 'Tamaño',
    usedBy: 'La usan',
    images: 'Imágenes',
    open: 'Abrir {{label}}',
    showAll: 'Mostrar las {{count}} capas',
  },
  matrix: {
    label: 'Capas compartidas entre {{count}} imágenes',
    corner: 'Imagen',
    hint: 'Pasa el ratón por una casilla para ver qué comparten dos imágenes; la diagonal remarcada es cada imagen por sí sola.',
  },
  sentence: {
    layers_one: '{{count}} capa',
    layers_other: '{{count}} capas',
    ownLayers_one: '{{count}} capa propia',
    ownLayers_other: '{{count}} capas propias',
    diagonal:
      '{{label}}: {{layers}}, {{bytes}}; de ellos, {{exclusive}} no los usa ninguna otra imagen del conjunto.',
    pair: '{{a}} y {{b}} comparten {{layers}}, {{bytes}} (el {{percent}} de {{a}}).',
    totals:
      'Guardadas una sola vez ocupan {{stored}}, frente a {{unshared}} si no se compartiera nada: compartir capas supone un ahorro de {{saved}} ({{percent}}).',
  },
}

// Spanish strings of the "exports" namespace: the vocabulary of the reference tutorials (imagen,
// capa, etiqueta, registro, repositorio, digest, contenedor), written for Spanish readers.
import type { SameKeys } from '../catalogue'
import type { exports as english } from '../en/exports'

export const exports: SameKeys<typeof english> = {
  menu: {
    picture: 'Guardar como imagen:',
    list: 'Guardar esta lista:',
    svgTitle: 'Guardar esta vista como dibujo SVG (vectorial, para diapositivas y apuntes)',
    pngTitle: 'Guardar esta vista como PNG (al doble del tamaño de pantalla)',
    csvTitle: 'Guardar la lista en CSV (para hojas de cálculo)',
    jsonTitle: 'Guardar la lista en JSON (un array de objetos)',
    working: 'Preparando…',
    failed: 'No se pudo guardar: {{reason}}',
    openImage: 'Exportar esta imagen…',
    openImageTitle:
      'Copiar esta imagen en un layout OCI o en un oci-archive para usarla sin conexión',
  },
  titles: {
    graph: 'Grafo de {{ref}}',
    sharing: 'Capas compartidas entre imágenes',
    history: 'Historial de etiquetas de {{ref}}',
    sharingLegend:
      'Cada cuadro: bytes de capas que comparten dos imágenes; más oscuro, más compartido.',
  },
  view: {
    heading: 'Exportar una imagen',
    intro:
      'Copia la imagen, comprobando cada blob con su digest, en una carpeta con layout OCI o en un archivo oci-archive: una copia sin conexión que el alumnado puede abrir con Strata, skopeo, podman o umoci.',
    noRef: 'Abre primero una imagen y después elige Exportar.',
    image: 'Imagen',
    format: 'Formato',
    layout: 'Layout OCI (una carpeta)',
    archive: 'oci-archive (un archivo .tar)',
    destination: 'Guardar en',
    destinationHint:
      'Una carpeta o un archivo nuevos en este equipo; la carpeta que los contiene debe existir. Strata nunca añade nada a un layout que ya existe.',
    destinationPlaceholder: '/home/docente/clase/alpine-layout',
    choose: 'Elegir…',
    platform: 'Plataforma',
    allPlatforms: 'Todas las plataformas de la imagen',
    tag: 'Etiqueta dentro de la copia',
    tagPlaceholder: 'latest',
    start: 'Exportar',
    exporting: 'Exportando…',
    done: 'Exportada en {{path}}',
    doneDetail: '{{blobs}} blobs, {{size}}, cada uno comprobado con su digest. Digest: {{digest}}',
    converted:
      'El origen usa tipos de medio de Docker y la copia los de OCI (como hace skopeo copy), así que el digest de su manifiesto no es el del origen, {{digest}}. La configuración y las capas son las mismas.',
    again: 'Exportar otra vez',
  },
  errors: {
    diskFull:
      'El disco está lleno: no se escribió {{path}} y no quedó nada a medias. Libera espacio o elige otro disco.',
    notWritable:
      'Strata no puede escribir en {{path}} ({{cause}}). Elige una carpeta en la que tengas permiso de escritura.',
    exists:
      '{{path}} ya existe. Strata escribe un layout o un archivo nuevos y no añade nada a uno existente ni lo sustituye: elige otro nombre.',
    noFolder: '{{path}} no es una carpeta existente. Créala antes o elige otra.',
    cancelled: 'Se canceló la exportación; no quedó nada a medias.',
    other: 'La exportación falló: {{message}}',
  },
}

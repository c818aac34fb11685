// Spanish strings of the "compare" namespace: the vocabulary of the reference tutorials (imagen,
// capa, etiqueta, registro, repositorio, digest, contenedor), written for Spanish readers.
import type { SameKeys } from '../catalogue'
import type { compare as english } from '../en/compare'

export const compare: SameKeys<typeof english> = {
  view: {
    title: 'Comparar',
    pickTitle: 'Elige dos imágenes',
    pickBody:
      'Dos referencias cualesquiera, de cualquier origen: dos etiquetas de un repositorio, una imagen de un registro y un archivo local, dos digests del historial de una etiqueta.',
    readingImages: 'Leyendo las dos imágenes…',
    readingLayers: 'Leyendo las capas de las dos imágenes…',
    identical: 'Es la misma imagen (el mismo digest de manifiesto).',
    files: 'Archivos',
    filesHint:
      'Lee todas las capas de las dos imágenes (guardadas en caché por digest) y compara los sistemas de archivos resultantes.',
    compareFiles: 'Comparar archivos',
  },
  side: {
    left: 'Izquierda',
    right: 'Derecha',
    manifest: 'manifiesto',
    config: 'configuración',
  },
  inputs: {
    left: 'Izquierda',
    right: 'Derecha',
    leftPlaceholder: 'host/repo:etiqueta, oci:/ruta:etiqueta, docker-archive:/archivo.tar…',
    rightPlaceholder: 'la otra imagen',
    swap: 'Intercambiar los lados',
    compare: 'Comparar',
    semantic: 'Semántica',
    semanticTitle:
      'Pasa por alto lo que no cambia el significado: fechas de modificación de los archivos, compresión de las capas (las capas se emparejan por sus archivos) y fechas de creación. Lee todas las capas.',
  },
  warning: {
    diffIdCount:
      '{{ref}}: la configuración enumera {{diffIds, number}} diff IDs para {{layers, number}} capas; las capas se emparejan solo por su digest',
    contentUnread: '{{path}}: no se pudo leer su contenido para compararlo',
    filesCapped:
      'Los sistemas de archivos difieren en {{total, number}} rutas; se muestran las primeras {{listed, number}} (por ruta).',
  },
  semantic: {
    equivalent:
      'Equivalentes: los mismos archivos, ajustes y pasos de construcción, salvo fechas de modificación, compresión y fechas de creación.',
    notEquivalent:
      'No son equivalentes: las diferencias de abajo cambian lo que contiene la imagen o cómo se ejecuta (no se tienen en cuenta fechas de modificación, compresión ni fechas de creación).',
  },
  config: {
    title: 'Configuración',
    setting: 'Ajuste',
    left: 'Izquierda',
    right: 'Derecha',
    allSame:
      'Entrypoint, cmd, usuario, directorio de trabajo y señal de parada son iguales en las dos.',
    notSet: '(sin definir)',
    none: '(ninguno)',
    moreSame_one: '{{count, number}} más es igual en los dos lados',
    moreSame_other: '{{count, number}} más son iguales en los dos lados',
    history: 'Historial de construcción',
    emptyLayer: 'vacía',
  },
  setting: {
    platform: 'plataforma',
    created: 'creada',
    entrypoint: 'entrypoint',
    cmd: 'cmd',
    user: 'usuario',
    workdir: 'directorio de trabajo',
    stopSignal: 'señal de parada',
    env: 'env',
    envs: 'env',
    label: 'label',
    labels: 'labels',
    exposedPorts: 'puertos expuestos',
    volumes: 'volúmenes',
  },
  layers: {
    title: 'Capas',
    summary:
      'Compartidas: {{layers}} ({{shared}}) · solo a la izquierda: {{left}} · solo a la derecha: {{right}}',
    count_one: '{{count, number}} capa',
    count_other: '{{count, number}} capas',
    position: 'N.º',
    left: 'Izquierda',
    right: 'Derecha',
    how: 'Relación',
    sameLayer: 'la misma capa',
    sameContent: 'mismo contenido, otra compresión',
    sameFiles: 'mismos archivos, otras fechas o compresión',
    alsoRight: 'también a la derecha, en otra posición',
    alsoLeft: 'también a la izquierda, en otra posición',
    onlyLeft: 'solo a la izquierda',
    onlyRight: 'solo a la derecha',
    diffId: 'diff ID {{diffId}}',
  },
  files: {
    show: 'Mostrar',
    all: 'todos ({{count, number}})',
    added: 'añadidos ({{count, number}})',
    removed: 'eliminados ({{count, number}})',
    changed: 'modificados ({{count, number}})',
    filter: 'Filtrar por ruta',
    identical: 'Los sistemas de archivos resultantes son idénticos.',
    status: 'Estado',
    path: 'Ruta',
    left: 'Izquierda',
    right: 'Derecha',
    delta: 'Δ',
    showing:
      'Se muestran {{shown, number}} de {{count, number}}; afina el filtro para ver el resto.',
  },
  status: {
    added: 'añadido',
    removed: 'eliminado',
    changed: 'modificado',
  },
  kind: {
    file: 'archivo',
    dir: 'directorio',
    symlink: 'enlace simbólico',
    other: 'otro',
  },
  sideBySide: {
    close: 'Cerrar',
    reading: 'Leyendo {{path}} en los dos lados…',
    binary: 'Archivo binario: solo difieren su tamaño y contenido; no hay vista por líneas.',
    differ_one: '{{count, number}} línea distinta.',
    differ_other: '{{count, number}} líneas distintas.',
    tooMany: 'Demasiadas diferencias para alinearlas línea a línea; se muestran tal cual.',
    truncated: ' Solo se muestran los primeros {{size}} de cada lado.',
    table: 'Las dos versiones, una al lado de la otra',
  },
}

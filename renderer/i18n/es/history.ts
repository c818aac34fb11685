// Spanish strings of the "history" namespace: the vocabulary of the reference tutorials (imagen,
// capa, etiqueta, registro, repositorio, digest, contenedor), written for Spanish readers.
import type { SameKeys } from '../catalogue'
import type { history as english } from '../en/history'

export const history: SameKeys<typeof english> = {
  view: {
    noRepositoryTitle: 'No hay ningún repositorio elegido',
    noRepositoryBody: 'Abre una imagen de un registro y elige «Historial».',
    title: 'Historial de etiquetas',
    reading: 'Leyendo el diario de {{repository}}…',
    emptyTitle: 'Todavía no hay nada anotado de este repositorio',
    emptyBody:
      'Strata lleva un diario local de a qué digest apuntaba cada etiqueta y cuándo. Se va llenando cada vez que se listan o resuelven etiquetas (al abrir la vista Etiquetas o una imagen por su etiqueta), cuando pulsas «Anotar ahora» y, mientras vigilas el repositorio, cada cierto tiempo. Cuando una etiqueta aparece en un segundo digest, se ve que la etiqueta se movió.',
    inJournal_one:
      '{{count}} etiqueta en el diario. Las barras de un mismo color son una misma imagen. Pulsa una barra para abrir su grafo; con Mayús pulsado, elige dos barras para compararlas.',
    inJournal_other:
      '{{count}} etiquetas en el diario. Las barras de un mismo color son una misma imagen. Pulsa una barra para abrir su grafo; con Mayús pulsado, elige dos barras para compararlas.',
    picked: 'Elegida',
    pickAnother: ': elige otra con Mayús pulsado.',
    clear: 'Quitar',
  },
  controls: {
    every5: 'cada 5 minutos',
    every15: 'cada 15 minutos',
    everyHour: 'cada hora',
    every6: 'cada 6 horas',
    everyDay: 'cada día',
    recordTitle:
      'Lista ahora todas las etiquetas, resuelve el digest de cada una y anota en el diario lo que haya cambiado',
    record: 'Anotar ahora',
    interval: 'Cada cuánto vigilar',
    watch: 'Vigilar',
    unwatch: 'Dejar de vigilar',
    watching: 'Se vuelve a comprobar cada {{minutes}} min mientras Strata esté abierto',
    exportJson: 'Exportar JSON',
    exportCsv: 'Exportar CSV',
    recording: 'Listando y resolviendo las etiquetas de {{repository}}…',
    recorded_one: 'Anotada {{count}} etiqueta: ',
    recorded_other: 'Anotadas {{count}} etiquetas: ',
    unchanged: 'nada ha cambiado desde la última vez.',
    appended_one: '{{count}} observación nueva.',
    appended_other: '{{count}} observaciones nuevas.',
  },
  timeline: {
    label_one: 'Línea de tiempo de {{count}} etiqueta',
    label_other: 'Línea de tiempo de {{count}} etiquetas',
    clock: 'UTC, reloj de 24 horas',
    segment: '{{tag}} en {{digest}}, de {{from}} a {{to}}',
    moved: 'la etiqueta {{tag}} se movió de {{from}} a {{to}} {{when}}',
    observations_one: '{{count}} observación',
    observations_other: '{{count}} observaciones',
    hint: 'Clic: abrir su grafo · Mayús+clic: elegir para comparar',
  },
  moves: {
    title: 'Movimientos ({{count}})',
    none: 'Todavía no se ha visto ninguna etiqueta en dos digest distintos.',
    movedTo: 'se movió a',
    lastSeenOld: 'vista por última vez en el digest anterior el {{when}}',
    between: 'entre el {{from}} y el {{to}}',
    compare: 'Comparar',
  },
  asOf: {
    title: 'Una etiqueta en una fecha',
    tag: 'Etiqueta',
    at: 'en la fecha',
    placeholder: '2026-11-01 o 2026-11-01T12:00:00Z',
    lookUp: 'Consultar',
    reading: 'Leyendo el diario…',
    answer: 'en la fecha {{at}}:',
    observed: 'observada',
    lastKnown: 'último dato',
    seenFromTo: 'vista en este digest desde el {{from}} hasta el {{to}}',
    lastSeen: 'vista en este digest por última vez el {{when}}; puede haberse movido después',
    unknownBefore:
      'Strata vio {{tag}} por primera vez después de {{at}}: el diario no sabe nada de antes.',
    neverSeen:
      'Strata nunca ha visto {{tag}} aquí: pulsa «Anotar ahora» para empezar su historial.',
  },
  quay: {
    merged:
      'Se ha incorporado el historial de etiquetas que guarda el propio Quay (llega a antes de que Strata empezara a mirar).',
    notMerged:
      'No se pudo incorporar el historial de etiquetas que guarda Quay. La línea de tiempo muestra solo lo que Strata ha observado.',
    notMergedBecause:
      'No se pudo incorporar el historial de etiquetas que guarda Quay: {{problem}}. La línea de tiempo muestra solo lo que Strata ha observado.',
    problem: {
      timeout_one: 'no respondió en {{count}} segundo',
      timeout_other: 'no respondió en {{count}} segundos',
    },
  },
}

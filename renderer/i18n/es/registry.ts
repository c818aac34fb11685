// Spanish strings of the "registry" namespace: the vocabulary of the reference tutorials (imagen,
// capa, etiqueta, registro, repositorio, digest, contenedor), written for Spanish readers.
import type { SameKeys } from '../catalogue'
import type { registry as english } from '../en/registry'

export const registry: SameKeys<typeof english> = {
  repositories: {
    title: 'Repositorios',
    listing: 'Listando los repositorios de {{registry}}…',
    none: '{{registry}} no lista ningún repositorio',
    noneHint:
      'Puede que el registro oculte su catálogo. Abre una imagen por su nombre con la casilla de arriba.',
    noun: 'repositorios',
    singular: 'repositorio',
    list: 'Repositorios de {{registry}}',
    openTags: 'Etiquetas de {{repository}}',
    noMatch: 'Ningún repositorio cargado coincide con «{{filter}}».',
  },
  tagCount: {
    none: 'sin etiquetas',
    tags_one: '{{number}} etiqueta',
    tags_other: '{{number}} etiquetas',
    more: 'más de {{number}} etiquetas',
    unknown: 'etiquetas: ?',
  },
  hub: {
    button: 'Buscar en Docker Hub',
    title: 'Docker Hub: «{{query}}»',
    searching: 'Buscando en Docker Hub…',
    none: 'Ningún repositorio de Docker Hub coincide.',
    official: 'Oficial',
    officialTitle: 'Imagen oficial de Docker',
    stars: '★ {{stars}}',
    pulls: '{{pulls}} descargas',
    total: '{{shown}} de {{total}} mostrados',
    capped: 'Se listan los {{shown}} primeros: añade palabras a la búsqueda para acotarla.',
    skipped_one: '{{count}} resultado omitido: no tiene la forma esperada.',
    skipped_other: '{{count}} resultados omitidos: no tienen la forma esperada.',
    close: 'Cerrar los resultados de Docker Hub',
    openTitle: 'Abrir {{reference}}',
  },
}

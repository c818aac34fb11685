// Spanish strings of the "common" namespace: the vocabulary of the reference tutorials (imagen,
// capa, etiqueta, registro, repositorio, digest, contenedor), written for Spanish readers.
import type { SameKeys } from '../catalogue'
import type { common as english } from '../en/common'

export const common: SameKeys<typeof english> = {
  spinner: {
    loading: 'Cargando',
  },
  copy: {
    label: 'Copiar {{what}}',
    title: 'Copiar {{what}}: {{text}}',
    copy: 'copiar',
    copied: 'copiado',
    failed: 'no se pudo copiar',
  },
  digest: {
    open: {
      manifest: 'Abrir este manifiesto',
      index: 'Abrir este índice',
      config: 'Abrir esta configuración dentro de su imagen',
      layer: 'Ver los archivos de esta capa',
    },
    what: {
      manifest: 'el digest del manifiesto',
      index: 'el digest del índice',
      config: 'el digest de la configuración',
      layer: 'el digest de la capa',
    },
  },
  tabs: {
    label: 'Vistas de esta imagen',
    graph: 'Grafo',
    files: 'Archivos',
    tags: 'Etiquetas',
    history: 'Historial',
    sharing: 'Capas compartidas',
    compare: 'Comparar',
  },
  filter: {
    label: 'Filtrar {{noun}}',
    matching_one: '{{noun}}: coincide {{shown}} de {{loaded}} en la lista',
    matching_other: '{{noun}}: coinciden {{shown}} de {{loaded}} en la lista',
    loaded: '{{noun}} en la lista: {{count}}',
    loadedMore: '{{noun}} en la lista: {{count}} (hay más)',
  },
  loadMore: {
    failed: 'No se pudo cargar la página siguiente: {{reason}}',
    loading: 'Cargando más…',
    retry: 'Reintentar',
    more: 'Cargar más',
  },
  progress: {
    of: '{{done}} de {{total}}',
    entries_one: '{{formatted}} entrada',
    entries_other: '{{formatted}} entradas',
    perSecond: '{{amount}}/s',
    left: 'quedan {{duration}}',
    cancel: 'Cancelar',
    cancelling: 'Cancelando…',
    phase: {
      indexLayer: 'indexando la capa {{layer}}',
      download: 'Descargando /{{path}}…',
      resolveTags: 'resolviendo las etiquetas de {{repository}}',
      readManifests: 'leyendo los manifiestos de las imágenes',
      export: 'Exportando {{ref}}',
      exportBlobs: 'Exportando {{ref}}: {{blobs}} de {{totalBlobs}} blobs',
      exportArchive: 'Exportando {{ref}}: escribiendo el archivo tar',
    },
  },
  call: {
    waiting: 'Esperando respuesta: {{operation}}',
  },
  rateLimit: {
    remainingOfLimit: 'quedan {{remaining}} de {{limit}} peticiones',
    remaining: 'quedan {{remaining}} peticiones',
    limit: 'límite de {{limit}} peticiones',
    resets: 'se renueva en {{seconds}} s',
    label: 'límite de peticiones:',
    headersPresent: 'el registro envía las cabeceras',
  },
  credentials: {
    form: 'Credenciales para {{host}}',
    title: 'Iniciar sesión en {{host}}',
    mode: 'Iniciar sesión con',
    withPassword: 'con contraseña',
    withToken: 'con un token',
    username: 'Usuario',
    password: 'Contraseña',
    token: 'Token',
    saving: 'Guardando…',
    submit: 'Iniciar sesión y reintentar',
  },
}

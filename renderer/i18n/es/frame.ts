// Spanish strings of the "frame" namespace: the vocabulary of the reference tutorials (imagen,
// capa, etiqueta, registro, repositorio, digest, contenedor), written for Spanish readers.
import type { SameKeys } from '../catalogue'
import type { frame as english } from '../en/frame'

export const frame: SameKeys<typeof english> = {
  app: {
    skip: 'Ir al contenido',
    showSources: 'Mostrar los orígenes',
    hideSources: 'Ocultar los orígenes',
    title: '{{subject}} — Strata',
  },
  sidebar: {
    label: 'Orígenes',
    title: 'Orígenes',
    openSample: 'Abrir la imagen de ejemplo incluida ({{ref}})',
    loading: 'Cargando…',
    sampleName: 'Imagen de ejemplo',
    sampleHint: 'incluida, funciona sin conexión',
    registries: 'Registros',
  },
  registries: {
    loading: 'Cargando registros',
    empty: 'Todavía no hay registros. Añade uno abajo.',
    label: 'Registros',
    browse: 'Ver los repositorios de {{host}}',
    http: 'http',
    signedIn: 'sesión iniciada',
    signedInAs: 'sesión iniciada como {{user}}',
    remove: 'Quitar {{host}}',
  },
  addRegistry: {
    title: 'Añadir un registro',
    address: 'Dirección del registro',
    placeholder: 'registry.example.com o 127.0.0.1:5000',
    loopback: 'Dirección local (loopback): se usa http sin cifrar automáticamente.',
    insecure: 'permitir http sin cifrar (inseguro)',
    credentials: 'Credenciales (opcional)',
    username: 'Usuario',
    password: 'Contraseña',
    orToken: 'o token',
    adding: 'Añadiendo…',
    submit: 'Añadir registro',
  },
  open: {
    label: 'Referencia de imagen u origen',
    placeholder:
      'alpine:3.20 · ghcr.io/owner/repo@sha256:… · oci:/ruta:etiqueta · /ruta/a/imagen.tar   (pulsa / )',
    opening: 'Abriendo…',
    open: 'Abrir',
    empty:
      'Escribe una referencia de imagen, por ejemplo alpine:3.20 u oci:/ruta/al/layout:etiqueta.',
    cannotParse: 'Strata no entiende esta referencia: {{reason}}',
    cannotParseExamples:
      'Strata no entiende esta referencia. Escríbela en minúsculas y sin espacios, como alpine:3.20, ghcr.io/propietario/repo@sha256:… u oci:/ruta/al/layout:etiqueta.',
  },
  status: {
    label: 'Estado',
    web: 'modo web',
    desktop: 'escritorio',
    moreWaiting_one: '{{count}} más en espera',
    moreWaiting_other: '{{count}} más en espera',
  },
  theme: {
    toDark: 'Tema oscuro',
    toLight: 'Tema claro',
    toDarkLabel: 'Cambiar al tema oscuro',
    toLightLabel: 'Cambiar al tema claro',
    lightOn: 'Está activo el tema claro; pulsa para pasar al oscuro',
    darkOn: 'Está activo el tema oscuro; pulsa para pasar al claro',
  },
  language: {
    label: 'Idioma',
    en: 'Inglés',
    es: 'Español',
    showIn: 'Ver Strata en {{language}}',
  },
  present: {
    start: 'Presentar',
    stop: 'Salir de la presentación',
    startTitle: 'Modo presentación: letra grande, alto contraste, sin barra lateral (tecla P)',
    stopTitle: 'Volver a la vista normal (tecla P)',
  },
  views: {
    noRepository: 'No hay ningún repositorio elegido',
    noRepositoryBody:
      'Abre una imagen y elige «Etiquetas» para ver las etiquetas de su repositorio.',
    noRegistry: 'No hay ningún registro elegido',
    noRegistryBody: 'Elige un registro en la barra lateral o añade uno.',
    unknown: 'Vista desconocida «{{view}}»',
    unknownBody: 'Este enlace nombra una vista que Strata no tiene (todavía).',
    showGraph: 'Ver el grafo de la imagen',
    starting: 'Arrancando…',
  },
}

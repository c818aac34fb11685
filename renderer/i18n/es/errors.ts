// Spanish strings of the "errors" namespace: the vocabulary of the reference tutorials (imagen,
// capa, etiqueta, registro, repositorio, digest, contenedor), written for Spanish readers.
import type { SameKeys } from '../catalogue'
import type { errors as english } from '../en/errors'

export const errors: SameKeys<typeof english> = {
  theRegistry: 'el registro',
  BAD_INPUT: {
    title: 'Strata no entiende lo que se ha escrito',
    next: 'Revisa cómo está escrito; por ejemplo: alpine:3.20, ghcr.io/owner/repo@sha256:…, oci:/ruta:etiqueta.',
  },
  AUTH_REQUIRED: {
    pageTitle: 'Esta página no tiene sesión abierta en Strata',
    pageNext:
      'Vuelve a abrir Strata desde la dirección que mostró al arrancar (la que lleva ?token=…).',
    title: 'Hace falta iniciar sesión en {{host}}',
    next: 'Inicia sesión aquí abajo con usuario y contraseña o con un token; después Strata lo vuelve a intentar.',
  },
  FORBIDDEN: {
    title: 'Con estas credenciales, {{host}} no permite el acceso',
    next: 'Usa una cuenta que pueda leer este repositorio o pide acceso a quien lo administra.',
  },
  NOT_FOUND: {
    pathTitle: 'No hay nada en esa ruta',
    pathNext:
      'Revisa la ruta: Strata la busca en la máquina donde se ejecuta. Un layout OCI es el directorio que contiene oci-layout e index.json; un docker-archive u oci-archive es el propio .tar.',
    title: 'No existe ese repositorio, esa etiqueta o ese digest',
    next: 'Revisa el nombre y la etiqueta: quien publica en el repositorio puede borrar o mover sus etiquetas.',
  },
  RATE_LIMITED: {
    title: 'Se ha alcanzado el límite de peticiones de {{host}}',
    nextWait_one: 'Espera {{count}} segundo y vuelve a intentarlo.',
    nextWait_other: 'Espera {{count}} segundos y vuelve a intentarlo.',
    next: 'Espera un poco y vuelve a intentarlo. Con la sesión iniciada el límite suele ser mayor.',
  },
  NETWORK: {
    title: 'No se puede conectar con {{host}}',
    titleWithCause: 'No se puede conectar con {{host}} ({{cause}})',
    next: 'Comprueba la dirección y que el servidor esté en marcha, y vuelve a intentarlo.',
  },
  TIMEOUT: {
    title: '{{host}} tardó demasiado en responder',
    next: 'Puede que el servidor esté lento o saturado; vuelve a intentarlo en un momento.',
  },
  SERVER_ERROR: {
    title: 'Falló la respuesta de {{host}}',
    titleWithStatus: 'Falló la respuesta de {{host}} (HTTP {{status}})',
    next: 'El problema está en el lado del registro; vuelve a intentarlo más tarde.',
  },
  DIGEST_MISMATCH: {
    title: 'Rechazado: el contenido no coincide con su digest',
    next: 'El registro envió bytes distintos de los que nombra el digest. Strata no muestra nada que no pueda verificar.',
  },
  SIZE_MISMATCH: {
    title: 'Rechazado: el contenido no tiene el tamaño que indica su descriptor',
    next: 'El registro envió un número de bytes distinto del prometido; ese contenido no se ha usado.',
  },
  TOO_LARGE: {
    title: 'Rechazado: el documento es más grande de lo que Strata acepta',
    next: 'Los manifiestos y las configuraciones son pequeños por diseño; este supera el límite y no se ha leído.',
  },
  MALFORMED: {
    title: 'Rechazado: el documento no es válido',
    next: 'El JSON o su esquema están rotos; el motivo aparece abajo.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    title: 'Strata no sabe leer este tipo de medio (media type)',
    next: 'El objeto existe, pero su formato no es uno de los que Strata interpreta.',
  },
  INSECURE_REFUSED: {
    title: '{{host}} solo responde por http sin cifrar',
    next: 'Si confías en este registro, márcalo como inseguro (permitir http sin cifrar) y vuelve a intentarlo.',
  },
  CANCELLED: {
    title: 'Se canceló la operación',
    next: 'Vuelve a intentarlo cuando quieras el resultado.',
  },
  UNAVAILABLE: {
    title: 'Esta función no puede ejecutarse aquí',
    next: 'El motivo aparece abajo.',
  },
  INTERNAL: {
    title: 'Strata ha encontrado un fallo propio',
    next: 'Vuelve a intentarlo; si se repite, los detalles de abajo dicen qué falló.',
  },
  panel: {
    allowInsecure: 'Permitir http sin cifrar para {{host}} y reintentar',
    expected: 'esperado',
    actual: 'recibido',
    technical: 'Detalles técnicos',
    serverMessage: 'Mensaje de Strata (en inglés)',
    code: 'código: {{code}}',
    status: 'estado HTTP: {{status}}',
    subject: 'objeto: {{subject}}',
    cause: 'causa: {{cause}}',
    registryError: 'registro: {{code}}: {{message}}',
  },
  retry: {
    retry: 'Reintentar',
    retryIn: 'Reintentar en {{seconds}} s',
  },
  boundary: {
    viewFailed: 'Esta vista ha fallado: {{reason}}',
  },
}

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
  reference: {
    emptySource: 'La referencia está vacía.',
    emptyImage: 'La referencia de la imagen está vacía.',
    registryNeedsScheme: 'Una referencia a un registro se escribe «docker://{{written}}».',
    unknownTransport: 'Strata no conoce el transporte «{{prefix}}:». Usa uno de estos: {{known}}.',
    noPath: 'En «{{text}}» falta la ruta después del transporte.',
    noImage: '«{{text}}» no nombra ninguna imagen.',
    noContainer: '«{{text}}» no nombra ningún contenedor.',
    imageHasSpaces: 'El nombre de imagen «{{image}}» tiene espacios, y los nombres no llevan.',
    storeSpecUnclosed: 'El almacén entre corchetes «[…» no tiene el «]» de cierre.',
    emptyDriver: 'Falta el driver de almacenamiento antes de «@».',
    storeRootNotAbsolute_graph:
      'La raíz de grafos (graph root) del almacén debe ser una ruta absoluta (que empiece por /), no «{{path}}».',
    storeRootNotAbsolute_run:
      'La raíz de ejecución (run root) del almacén debe ser una ruta absoluta (que empiece por /), no «{{path}}».',
    namespaceUnclosed: 'El namespace entre corchetes «[…» no tiene el «]» de cierre.',
    badNamespace:
      '«{{namespace}}» no es un namespace de containerd: letras y dígitos, unidos por «.», «_» o «-».',
    containerForm:
      'Un contenedor se escribe «container:docker-daemon:NOMBRE» o «container:containers-storage:NOMBRE».',
    badContainerName:
      '«{{container}}» no es un nombre ni un ID de contenedor: letras, dígitos, «_», «.» y «-», empezando por letra o dígito.',
    referenceHasSpaces: 'La referencia «{{text}}» tiene espacios, y las referencias no llevan.',
    noDigestAfterAt: '«{{text}}» tiene «@», pero después no hay ningún digest.',
    badDigest:
      'El digest de «{{text}}» no es válido: se escribe algoritmo:hexadecimal, como sha256:…',
    noRepository: '«{{text}}» no tiene nombre de repositorio.',
    badTag:
      'La etiqueta «{{tag}}» solo puede llevar letras, dígitos, «_», «.» y «-» (128 como mucho), y no puede empezar por «.» ni por «-».',
    looksLikeImageId:
      '«{{path}}» parece el ID de una imagen, no el nombre de un repositorio: 64 caracteres hexadecimales no son un nombre.',
    notLowercase: 'Los nombres de repositorio van en minúsculas, y «{{path}}» no lo está.',
    emptyPathComponent: 'El repositorio «{{path}}» tiene una parte vacía entre barras.',
    badPathComponent:
      'La parte «{{component}}» del nombre del repositorio no es válida: minúsculas y dígitos, separados por «.», «_», «__» o «-».',
    nameTooLong:
      'El nombre de repositorio «{{name}}» tiene {{length}} caracteres, y el máximo es {{max}}.',
    badRegistry:
      'El registro «{{host}}» no es un host[:puerto] válido: letras, dígitos, «-» y «.», una dirección IPv4 o una IPv6 entre corchetes.',
    repositoryOnly_tag:
      'Aquí hace falta un repositorio sin etiqueta, pero «{{text}}» lleva la etiqueta «{{tag}}».',
    repositoryOnly_digest:
      'Aquí hace falta un repositorio sin digest, pero «{{text}}» lleva el digest «{{digest}}».',
  },
  retry: {
    retry: 'Reintentar',
    retryIn: 'Reintentar en {{seconds}} s',
  },
  boundary: {
    viewFailed: 'Esta vista ha fallado: {{reason}}',
  },
}

// Spanish strings of the "attestations" namespace: the vocabulary of the reference tutorials
// (imagen, capa, etiqueta, registro, repositorio, digest, contenedor), written for Spanish readers.
import type { SameKeys } from '../catalogue'
import type { attestations as english } from '../en/attestations'

export const attestations: SameKeys<typeof english> = {
  view: {
    nothing: 'Nada que descifrar',
    nothingHint:
      'Selecciona una firma, una atestación o un SBOM en el grafo de la imagen, o abre uno desde el visor de archivos.',
    title: 'Firmas y atestaciones',
    backToGraph: 'Volver al grafo',
    backToFile: 'Volver al archivo',
    keyLabel: 'Clave pública (PEM) para verificar sin conexión las firmas con clave',
    verify: 'Verificar con esta clave',
    forget: 'Olvidar la clave',
    reading: 'Leyendo y descifrando…',
    fromManifest: 'Manifiesto {{digest}}',
    fromFile: 'Archivo {{path}} · capa {{layer}}',
    comparedWith: ' · comparado con la imagen {{subject}}',
  },
  part: {
    'cosign-signature': 'firma de cosign',
    'in-toto': 'declaración in-toto',
    sbom: 'SBOM',
    'notation-signature': 'firma de notation',
    raw: 'Sin descifrar',
  },
  verification: {
    verified: 'Verificada',
    failed: 'Verificación fallida',
    notVerified: 'Sin verificar',
    verifiedDetail: 'La firma cuadra con la clave pública que has dado ({{algorithm}}).',
  },
  notVerified: {
    noKeySignature:
      'No se ha dado ninguna clave pública: pega la clave pública de quien firmó para verificar esta firma.',
    noKeyEnvelope:
      'No se ha dado ninguna clave pública: pega la clave pública de quien firmó para verificar el sobre.',
    keyless:
      'Firmada con un certificado de corta duración (sin clave): comprobarla requiere las raíces de confianza de Sigstore, que Strata no descarga. Da la clave pública de una firma con clave para verificarla.',
    unsigned: 'La declaración no está firmada (no tiene sobre DSSE).',
    trustPolicy:
      'Las firmas de notation se comprueban con un almacén de confianza y una política que Strata no tiene.',
  },
  failed: {
    noSignature: 'No hay ninguna firma que comprobar.',
    signatureNotBase64: 'La firma no está en base64.',
    mismatch:
      'La firma no cuadra con esta clave {{algorithm}}: la firmó otra clave o los bytes firmados han cambiado.',
  },
  raw: {
    overCap:
      'Ocupa {{size, number}} bytes, más que el límite de {{cap, number}} bytes de lo que Strata descifra.',
    notText: {
      document: 'El documento no es texto UTF-8.',
      simpleSigningPayload: 'El contenido firmado (simple-signing) no es texto UTF-8.',
      dssePayload: 'El contenido del sobre DSSE no es texto UTF-8.',
    },
    notJson: {
      document: 'El documento no es JSON válido.',
      simpleSigningPayload: 'El contenido firmado (simple-signing) no es JSON válido.',
      dssePayload: 'El contenido del sobre DSSE no es JSON válido.',
    },
    notObject: 'El JSON no es un objeto.',
    noCriticalSection:
      'El contenido no tiene sección "critical": no es un contenido firmado de simple-signing.',
    coseSignature:
      'Una firma de notation en forma COSE (CBOR binario): Strata solo descifra la forma JWS de notation.',
    sbomUnreadable: 'Un SBOM que Strata no sabe leer: {{problem}}.',
    sbom: {
      notSbom: 'no es un documento SPDX (spdxVersion) ni un BOM de CycloneDX (bomFormat)',
      spdxVersion: 'Strata no lee la versión {{version}} de SPDX (lee SPDX 2.x en JSON)',
      cyclonedxVersion: 'Strata no lee la specVersion {{version}} de CycloneDX (lee 1.x en JSON)',
    },
    dsseMalformed:
      'Un sobre DSSE mal formado: necesita "payloadType", un "payload" en base64 y "signatures".',
    dssePayloadNotBase64: 'El contenido del sobre DSSE no está en base64.',
    dsseNoSignatures: 'El sobre DSSE no tiene firmas.',
    dssePayloadNotStatement:
      'El contenido del sobre DSSE ({{payloadType}}) no es una declaración in-toto.',
    statementFields: 'A la declaración in-toto le falta "_type" o "predicateType".',
    jwsUnreadable: 'Al JWS le falta un "payload" o una cabecera "protected" legibles en base64url.',
    bundleMessageSignature:
      'Un paquete de Sigstore con una firma de mensaje: firma un digest, no un contenido que Strata pueda mostrar.',
    bundleMessageSignatureLogged:
      'Un paquete de Sigstore con una firma de mensaje: firma un digest, no un contenido que Strata pueda mostrar (índice en el registro {{logIndexes}}).',
    unknownDocument:
      'No es una firma, una declaración in-toto ni un SBOM de los que Strata conoce (cosign, DSSE, in-toto, JWS de notation, SPDX 2.x, CycloneDX 1.x).',
    unreadable: 'No se pudo leer la capa: {{error}}',
    binary: '({{size, number}} bytes de datos binarios, que no se muestran como texto)',
  },
  item: {
    line: '{{file}}, línea {{line}}',
  },
  warning: {
    layersCapped:
      'Solo se han descifrado las {{decoded, number}} primeras de {{total, number}} capas.',
    linesCapped:
      'Solo se han descifrado las {{decoded, number}} primeras de {{total, number}} líneas.',
  },
  match: {
    matches: 'coincide con esta imagen',
    doesNotMatch: 'no coincide con esta imagen',
    unknown: 'sin comparar (no hay digest de imagen con el que comparar)',
  },
  fact: {
    signedDigest: 'digest de la imagen firmada',
    notGiven: 'no indicado',
    identity: 'identidad',
    type: 'tipo',
    signature: 'firma',
    signatureKey: 'firma {{keyid}}',
    logIndex: 'índice en el registro',
    integratedTime: 'hora de inclusión',
    logId: 'id del registro',
    entry: 'entrada',
    subject: 'sujeto',
    issuer: 'emisor',
    valid: 'validez',
    names: 'nombres',
    predicateType: 'tipo de predicado',
    statement: 'declaración',
    envelope: 'sobre',
    unsigned: 'ninguno (declaración sin firmar)',
    builder: 'constructor',
    buildType: 'tipo de construcción',
    started: 'inicio',
    finished: 'fin',
    signedArtifact: 'artefacto firmado',
    mediaType: 'media type',
    algorithm: 'algoritmo',
  },
  cosign: {
    certificate: 'Certificado',
    chain: 'Cadena {{n}}',
    noPemBlock:
      'La anotación {{annotation}} no tiene ningún bloque de certificado PEM (-----BEGIN CERTIFICATE-----).',
    notDer:
      'El certificado {{position}} de la anotación {{annotation}} no es DER válido dentro de su bloque PEM.',
    shownAsWritten: 'Se muestra abajo tal como figura en las anotaciones del manifiesto.',
  },
  log: {
    title: 'Entrada del registro de transparencia (sin verificar)',
  },
  bundle: {
    title: 'Paquete de Sigstore',
    keyHint: ' · pista de clave pública {{hint}}',
    certificate: 'Certificado {{n}}',
  },
  certificate: {
    title: '{{title}} (descifrado, sin confianza)',
  },
  inToto: {
    subjects: 'Sujetos',
    noName: '(sin nombre)',
  },
  provenance: {
    title: 'Procedencia SLSA v{{version}}',
    steps: 'Pasos de construcción',
    materials: 'Materiales',
  },
  sbom: {
    summary_one: '{{formatted}} paquete',
    summary_other: '{{formatted}} paquetes',
    firstListed: ' (se listan los {{formatted}} primeros)',
    search: 'Buscar paquetes',
    searchPlaceholder: 'nombre, versión, licencia o purl',
    count: '{{shown}} de {{total}}',
    name: 'Nombre',
    version: 'Versión',
    license: 'Licencia',
    previous: 'Anterior',
    page: 'Página {{page}} de {{pages}}',
    next: 'Siguiente',
  },
}

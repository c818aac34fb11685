// Spanish strings of the "commands" namespace: what each equivalent command prints, in the
// vocabulary of the reference tutorials (imagen, capa, manifiesto, índice, digest, contenedor).
// Commands, flags, file names and media types stay as they are typed.
import type { SameKeys } from '../catalogue'
import type { commands as english } from '../en/commands'

export const commands: SameKeys<typeof english> = {
  note: {
    rawManifest: 'el manifiesto tal cual, sin procesar',
    imageSummary: 'un resumen de la imagen',
    imageSummaryForThisMachine: 'un resumen de la imagen que corresponde a esta máquina',
    layersAndHistory: 'las capas y el historial de construcción',
    layoutIndex: 'el index.json del propio layout, con todas las imágenes que contiene',
    manifestFile: 'el archivo del manifiesto, tal cual',
    objectFile: 'el archivo que guarda este objeto',
    blobFile:
      'un blob JSON, por ejemplo una configuración; para listar una capa usa: tar -tvzf {{file}}',
    archiveMember: 'el archivo que está dentro del paquete',
    archiveLayer:
      'los archivos de la capa (para comprobar su digest, añade "| sha256sum" en su lugar; con capas gzip usa tar -tvz)',
    dockerSaveManifest:
      'la lista de imágenes que escribió docker save; Strata construye su manifiesto a partir de ella',
    synthesizedFromArchive:
      'el manifiesto que skopeo genera para esta imagen (también lo construye él, no está guardado)',
    synthesizedFromDaemon:
      'el manifiesto que skopeo genera para esta imagen a partir de la exportación, igual que Strata',
    storedManifest:
      'el manifiesto tal como está guardado (nombra capas comprimidas que el almacén ya no conserva)',
    storeImage: 'la imagen tal como la ve {{tool}}',
    buildSteps: 'los pasos de construcción',
    storageLayerRecord:
      'el registro de la capa: id, padre, digest del contenido y digest de la capa comprimida',
    layerDirectory: 'los archivos de la capa en el disco',
    runtimeConfig: 'la parte de la configuración que se usa al ejecutar',
    exportedConfig: 'la configuración, sacada de la exportación de la imagen',
    exportedLayer: 'los archivos de la capa, sacados de la exportación de la imagen',
    containerdRecord:
      'el registro de la imagen en containerd: nombre, media type, digest y plataformas',
    contentConfig: 'un blob de configuración (JSON)',
    contentLayer:
      'los archivos de una capa {{compression}} (con una capa sin comprimir, tar -tv; para comprobar su digest, añade "| sha256sum" en su lugar)',
    hubToken:
      "Docker Hub pide un token bearer incluso para imágenes públicas: añade -H 'Authorization: Bearer TOKEN'.",
    blobToStdout:
      'escribe el blob en la salida estándar: añade -o ARCHIVO, o pasa una capa a tar -tzv para listarla',
    blobToStdoutHub:
      "Docker Hub pide un token bearer incluso para imágenes públicas: añade -H 'Authorization: Bearer TOKEN'. Con -o ARCHIVO guardas los bytes.",
    copyImage: 'copia en ./image la imagen a la que apunta la etiqueta, un archivo por blob',
    copyImageBlob:
      'copia en ./image la imagen a la que apunta la etiqueta; este blob es el archivo {{file}}',
    containerChanges: 'los cambios en la capa de escritura (C cambiado, A añadido, D borrado)',
    containerSizesDocker:
      'el tamaño de la capa de escritura y el tamaño virtual, con la imagen incluida',
    containerSizesPodman: 'el tamaño de la capa de escritura y el tamaño con la imagen incluida',
  },
}

// Spanish strings of the "lessons" namespace: the vocabulary of the reference tutorials (imagen,
// capa, etiqueta, registro, repositorio, digest, contenedor), written for Spanish readers.
import type { SameKeys } from '../catalogue'
import type { lessons as english } from '../en/lessons'

export const lessons: SameKeys<typeof english> = {
  list: {
    title: 'Lecciones',
    intro:
      'Cada lección trata una idea con una muestra incluida en Strata y abre la vista real junto al texto. Todo funciona sin conexión.',
    steps_one: '{{count}} paso',
    steps_other: '{{count}} pasos',
    hint: '{{count}} lecciones con muestras incluidas',
    label: 'Lista de lecciones',
  },
  panel: {
    label: 'Lección',
    stepOf: 'Paso {{step}} de {{total}}',
    previous: 'Anterior',
    next: 'Siguiente',
    allLessons: 'Todas las lecciones',
    nextLesson: 'Siguiente lección: {{title}}',
    keys: 'Con las flechas o con Re Pág / Av Pág se pasa de un paso a otro.',
    leave: 'Salir de la lección',
    exploring: 'Estás explorando por tu cuenta; la lección sigue aquí.',
    backToStep: 'Volver a este paso',
  },
  exercise: {
    title: 'Ejercicio',
    check: 'Comprobar',
    right: '¡Correcto! La muestra te da la razón.',
    wrong: 'No es eso. Vuelve a mirar la vista y prueba otra vez.',
    loading: 'Leyendo la muestra para comprobar las respuestas…',
    failed: 'No se puede comprobar este ejercicio: la muestra no responde como se esperaba.',
    answer: 'Tu respuesta',
    'deleted-by-layer': '¿Qué capa borró /etc/motd? Escribe su número (la 1 es la de abajo).',
    'same-image-as-latest':
      '¿Qué etiquetas apuntan a la misma imagen que «latest»? Márcalas todas y comprueba.',
    'moved-tag': 'Una etiqueta de este repositorio pasó a apuntar a otra imagen. ¿Cuál?',
    'shared-layers': '¿Cuántas capas comparten las imágenes «web» y «worker»?',
    'platform-count':
      '¿En cuántas plataformas puede ejecutarse este índice? No cuentes los manifiestos de atestación.',
  },
  sample: {
    checking: 'Abriendo la muestra «{{sample}}»…',
    problem: 'Falta la muestra «{{sample}}» o está dañada.',
    rebuild: 'Vuelve a generar las muestras con {{command}} y abre de nuevo este paso.',
    where: 'Strata la buscó en {{path}}.',
    retry: 'Reintentar',
  },
  unknown: {
    title: 'No existe la lección «{{id}}»',
    body: 'Este enlace nombra una lección que Strata no tiene.',
  },
  image: {
    title: 'Imágenes y contenedores',
    summary: 'Una imagen es una plantilla de solo lectura; un contenedor es una instancia suya.',
    steps: {
      '1': 'Esto es una imagen: un documento (el manifiesto) que nombra una configuración y una lista de capas. Nada de ella cambia nunca, así que da el mismo resultado en cualquier máquina.',
      '2': 'Las capas guardan los archivos. Al arrancar un contenedor, el motor apila estas capas de solo lectura y pone encima una capa vacía en la que solo escribe ese contenedor.',
      '3': 'Estos son los archivos con los que empieza cualquier contenedor creado a partir de esta imagen. Diez contenedores pueden usar la misma imagen: cada uno escribe solo en su capa.',
    },
  },
  layers: {
    title: 'Capas',
    summary: 'Cada capa es un conjunto de cambios sobre las de debajo, y se apilan en orden.',
    steps: {
      '1': 'Esta imagen tiene varias capas, de abajo arriba. Cada una es un archivo tar comprimido que se guarda y se descarga por separado.',
      '2': 'La capa de abajo añade los primeros archivos. Por sí sola ya parece un pequeño sistema de archivos.',
      '3': 'Una capa superior solo apunta las diferencias: archivos añadidos, modificados o borrados respecto a lo que hay debajo.',
      '4': 'Apiladas, las capas forman el sistema de archivos que ve el contenedor. Elige una capa para ver la imagen tal como quedaba hasta ella.',
    },
  },
  config: {
    title: 'La configuración',
    summary: 'La configuración dice cómo ejecutar la imagen: orden, entorno, puertos, historial.',
    steps: {
      '1': 'Además de las capas, toda imagen tiene una configuración: un pequeño JSON con su propio digest.',
      '2': 'Ahí se indica cómo ejecutar la imagen (Cmd, Entrypoint, Env, ExposedPorts, WorkingDir, User) y el digest del contenido sin comprimir de cada capa (diff_ids).',
      '3': 'Su historial guarda la instrucción que creó cada capa, tal como se escribió en el Dockerfile.',
    },
  },
  transports: {
    title: 'Transportes',
    summary: 'Una imagen puede estar en muchos sitios; el prefijo de la referencia dice dónde.',
    steps: {
      '1': 'oci: abre un directorio con formato OCI, con index.json y una carpeta blobs/. Es la forma estándar de guardar imágenes en disco.',
      '2': 'oci-archive: es ese mismo directorio empaquetado en un único archivo tar, cómodo para llevar la imagen de un lado a otro.',
      '3': 'docker-archive: es lo que escribe docker save: un tar con manifest.json y las capas. La imagen es la misma; solo cambia el envoltorio.',
      '4': 'dir: guarda el manifiesto, la configuración y cada capa como archivos sueltos en una carpeta.',
      '5': 'containers-storage: lee el almacén que comparten Podman, Buildah y CRI-O; aquí, una copia pequeña incluida en Strata.',
      '6': 'Otros dos necesitan un servidor: docker:// habla con un registro por HTTP y docker-daemon: pregunta a un demonio de Docker en marcha. Strata los abre igual cuando están disponibles.',
    },
  },
  registry: {
    title: 'Registro, repositorio, etiqueta',
    summary:
      'Un registro guarda repositorios; un repositorio guarda etiquetas que nombran imágenes.',
    steps: {
      '1': 'Un registro (Docker Hub, quay.io o el tuyo propio) guarda repositorios. Un repositorio reúne las versiones de una imagen, y cada versión lleva etiquetas. Sin conexión, este directorio OCI hace de repositorio.',
      '2': 'Un nombre completo se lee registro/repositorio:etiqueta, por ejemplo docker.io/library/alpine:3.20. Si no se indica el registro, las herramientas suponen Docker Hub.',
      '3': 'Al abrir una etiqueta se resuelve a un único manifiesto, identificado por su digest.',
    },
  },
  'digest-vs-tag': {
    title: 'Digest o etiqueta',
    summary: 'El digest no cambia nunca; una etiqueta puede pasar a otra imagen.',
    steps: {
      '1': 'El digest es el SHA-256 del manifiesto. Basta cambiar un byte de la imagen para que cambie, así que nombre@sha256:… siempre es exactamente esta imagen.',
      '2': 'Una etiqueta es solo un nombre que el repositorio asocia a un digest. Esta línea de tiempo muestra a qué digest apuntaba cada etiqueta y cuándo.',
      '3': 'Si alguien vuelve a subir con la misma etiqueta, la etiqueta se mueve. Usa el digest cuando necesites la misma imagen mañana.',
    },
  },
  latest: {
    title: 'Por qué «latest» engaña',
    summary: '«latest» es una etiqueta más, no la imagen más reciente.',
    steps: {
      '1': '«latest» es solo la etiqueta que usan las herramientas cuando no indicas ninguna. Nadie la actualiza solo, y puede apuntar a una imagen antigua.',
      '2': 'Su historial muestra adónde ha apuntado con el tiempo. Dos máquinas que descargan «latest» en días distintos pueden recibir imágenes distintas.',
    },
  },
  'many-tags': {
    title: 'Varias etiquetas, una imagen',
    summary: 'Varias etiquetas pueden nombrar exactamente la misma imagen.',
    steps: {
      '1': 'Es habitual etiquetar una versión varias veces: 1.0, 1.0.3, stable, latest. Todas apuntan al mismo manifiesto.',
      '2': 'Las etiquetas con el mismo digest son la misma imagen, byte a byte. Compara sus digest en la lista.',
    },
  },
  'media-types': {
    title: 'Tipos de medio',
    summary: 'OCI y Docker v2 describen lo mismo con tipos de medio distintos.',
    steps: {
      '1': 'Cada documento declara qué es con un tipo de medio. Esta imagen usa los de OCI: application/vnd.oci.image.manifest.v1+json y compañía.',
      '2': 'La misma imagen escrita con los tipos de Docker v2 (application/vnd.docker.distribution.manifest.v2+json). El contenido es igual; cambian las etiquetas de tipo y los digest.',
      '3': 'La configuración y las capas también llevan tipo de medio: un JSON de configuración, una capa tar comprimida con gzip. Las herramientas miran el tipo antes de leer los bytes.',
    },
  },
  'index-platforms': {
    title: 'Índices y plataformas',
    summary: 'Un índice tiene una imagen por plataforma, además de manifiestos de atestación.',
    steps: {
      '1': 'Esta referencia no lleva a una imagen sino a un índice (una lista de manifiestos), con un manifiesto por plataforma.',
      '2': 'Cada plataforma (linux/amd64, linux/arm64…) tiene su propia imagen. El cliente elige la que corresponde a su máquina.',
      '3': 'Algunas entradas no son plataformas: su plataforma es unknown/unknown y contienen atestaciones (SBOM, procedencia) sobre una imagen.',
    },
  },
  'dockerfile-layers': {
    title: 'Del Dockerfile a las capas',
    summary: 'Cada paso que cambia archivos crea una capa; el resto solo deja historial.',
    steps: {
      '1': 'Una imagen se construye paso a paso. RUN, COPY y ADD cambian archivos, así que cada uno produce una capa.',
      '2': 'Cada capa muestra la instrucción que la creó. ENV, CMD, EXPOSE o WORKDIR solo tocan la configuración: dejan una capa vacía en el historial y ningún archivo.',
      '3': 'La configuración conserva todos los pasos, con los vacíos marcados como empty_layer, de modo que la receta completa se puede reconstruir.',
    },
  },
  overlay: {
    title: 'Cómo guarda Podman las imágenes',
    summary: 'overlay-images, overlay-layers y overlay/: las capas como directorios.',
    steps: {
      '1': 'containers-storage guarda la lista de imágenes en overlay-images/, con el manifiesto y la configuración de cada una.',
      '2': 'Cada capa es un directorio overlay/<id>/ con diff/ (sus archivos), link (un nombre corto), lower (las capas de debajo) y work/. overlay-layers/ las enumera todas.',
      '3': 'Los nombres cortos de overlay/l/ son enlaces a cada diff/, para que las opciones de montaje no sean larguísimas. Al juntar lower y upper se obtiene la vista merged que ve el contenedor.',
    },
  },
  whiteouts: {
    title: 'Whiteouts',
    summary: 'Cómo borra una capa archivos de las capas de debajo.',
    steps: {
      '1': 'La capa de abajo añade /etc/motd, el saludo que se muestra al entrar. Fíjate en lo que le hace la capa siguiente.',
      '2': 'Una capa no puede quitar bytes de otra inferior: añade un whiteout, una marca vacía llamada .wh.motd, y el archivo desaparece de la vista apilada.',
      '3': 'Un directorio también puede volverse opaco (.wh..wh..opq): se oculta todo lo que tenía en las capas inferiores y solo queda lo que pone esta capa.',
    },
  },
  'container-layer': {
    title: 'La capa del contenedor',
    summary: 'Un contenedor escribe en su propia capa fina, encima de la imagen.',
    steps: {
      '1': 'Este almacén tiene un contenedor. Se creó a partir de una imagen y tiene una capa más, solo suya: la de escritura.',
      '2': 'Abierto como container:…, el contenedor muestra las capas de su imagen con la de escritura encima. Ahí está todo lo que el contenedor añadió, cambió o borró; las capas de la imagen no se tocan.',
      '3': 'La capa de escritura es pequeña: solo guarda los cambios. Su tamaño es el que docker ps -s llama size, y sumado a la imagen da el tamaño virtual.',
    },
  },
  sharing: {
    title: 'Capas compartidas',
    summary: 'Las imágenes hechas sobre la misma base comparten sus capas y se guardan una vez.',
    steps: {
      '1': 'Dos imágenes, web y worker, construidas sobre la misma base. La tabla muestra cuántas capas tiene en común cada par.',
      '2': 'Una capa se identifica por su digest, así que una capa compartida se descarga y se guarda una sola vez, la usen las imágenes que la usen.',
    },
  },
  artifacts: {
    title: 'Artefactos y referrers',
    summary: 'Los SBOM y las firmas apuntan a una imagen mediante su campo subject.',
    steps: {
      '1': 'Los registros guardan algo más que imágenes. Un artefacto es un manifiesto con un artifactType, como un SBOM o una firma.',
      '2': 'Un artefacto nombra en su campo subject la imagen de la que habla. Al pedir los referrers de la imagen aparece, sin que la imagen cambie.',
    },
  },
}

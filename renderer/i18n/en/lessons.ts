// English strings of the "lessons" namespace. Keys are grouped by the component that shows them;
// each lesson has its title, a one-line summary and its steps ("1", "2", …) under its id.
import type { Strings } from '../catalogue'

export const lessons = {
  list: {
    title: 'Lessons',
    intro:
      'Each lesson explains one idea on a bundled sample and opens the real view beside the text. Everything works offline.',
    steps_one: '{{count}} step',
    steps_other: '{{count}} steps',
    hint: '{{count}} lessons on bundled samples',
    label: 'Lesson list',
  },
  panel: {
    label: 'Lesson',
    stepOf: 'Step {{step}} of {{total}}',
    previous: 'Previous',
    next: 'Next',
    allLessons: 'All lessons',
    nextLesson: 'Next lesson: {{title}}',
    keys: 'Arrow keys or Page Up / Page Down move between steps.',
    leave: 'Leave the lesson',
    exploring: 'You are exploring on your own; the lesson stays here.',
    backToStep: 'Back to this step',
  },
  exercise: {
    title: 'Exercise',
    check: 'Check',
    right: 'Right! The sample agrees with you.',
    wrong: 'Not quite. Look at the view again and try once more.',
    loading: 'Reading the sample to check answers…',
    failed: 'This exercise cannot be checked: the sample did not answer as expected.',
    answer: 'Your answer',
    'deleted-by-layer': 'Which layer deleted /etc/motd? Type its number (1 is the bottom layer).',
    'same-image-as-latest':
      'Which tags name the same image as “latest”? Tick all of them and check.',
    'moved-tag': 'One tag of this repository moved to another image. Which one?',
    'shared-layers': 'How many layers do the images “web” and “worker” share?',
    'platform-count':
      'How many platforms can this index run on? Do not count the attestation manifests.',
  },
  sample: {
    checking: 'Opening the sample “{{sample}}”…',
    problem: 'The sample “{{sample}}” is missing or damaged.',
    rebuild: 'Rebuild the bundled samples with {{command}} and open this step again.',
    where: 'Strata looked for it in {{path}}.',
    retry: 'Try again',
  },
  unknown: {
    title: 'There is no lesson “{{id}}”',
    body: 'This link names a lesson Strata does not have.',
  },
  image: {
    title: 'Images and containers',
    summary: 'An image is a read-only template; a container is one running instance of it.',
    steps: {
      '1': 'This is an image: a document (the manifest) naming a configuration and a list of layers. Nothing in it ever changes: the same image gives the same result on every machine.',
      '2': 'The layers hold the files. When you start a container, the runtime stacks these read-only layers and adds an empty writable one on top just for that container.',
      '3': 'Here are the files every container made from this image starts with. Ten containers can share one image: each writes only into its own layer.',
    },
  },
  layers: {
    title: 'Layers',
    summary: 'Each layer is a set of changes to the files below it, stacked in order.',
    steps: {
      '1': 'This image has several layers, listed bottom first. Each one is a compressed tar archive stored and downloaded on its own.',
      '2': 'The bottom layer adds the first files. On their own, its contents look like a small filesystem.',
      '3': 'A higher layer only records what changed: files added, modified or deleted compared with what lies below.',
      '4': 'Stacked together, the layers give the filesystem a container sees. Pick a layer to see the image as it was up to that layer.',
    },
  },
  config: {
    title: 'The configuration',
    summary: 'The config holds how to run the image: command, environment, ports, history.',
    steps: {
      '1': 'Besides the layers, every image has a configuration: a small JSON document with its own digest.',
      '2': 'It says how to run the image (Cmd, Entrypoint, Env, ExposedPorts, WorkingDir, User) and lists the digests of the layers’ uncompressed contents (diff_ids).',
      '3': 'Its history records the step that built each layer, the command as it was written in the Dockerfile.',
    },
  },
  transports: {
    title: 'Transports',
    summary: 'One image can live in many places; the prefix of a reference says where.',
    steps: {
      '1': 'oci: opens an OCI layout, a folder with index.json and a blobs/ directory. This is how tools keep images on disk in the standard format.',
      '2': 'oci-archive: is the same layout packed into one tar file, handy for copying an image around.',
      '3': 'docker-archive: is what docker save writes: a tar with manifest.json and the layers. The image is the same; only the packaging differs.',
      '4': 'dir: stores the manifest, the config and each layer as separate files in one folder.',
      '5': 'containers-storage: reads the store Podman, Buildah and CRI-O share, here a small copy bundled with Strata.',
      '6': 'Two more need a server: docker:// talks to a registry over HTTP, docker-daemon: asks a running Docker daemon. Strata opens both the same way when they are available.',
    },
  },
  registry: {
    title: 'Registry, repository, tag',
    summary: 'A registry holds repositories; a repository holds tags that name images.',
    steps: {
      '1': 'A registry (Docker Hub, quay.io, your own) stores repositories. A repository groups the versions of one image; each version has tags. Offline, this OCI layout plays the repository.',
      '2': 'A full name reads registry/repository:tag, for example docker.io/library/alpine:3.20. Without a registry, tools assume Docker Hub.',
      '3': 'Opening a tag resolves it to one manifest, named by its digest.',
    },
  },
  'digest-vs-tag': {
    title: 'Digest or tag',
    summary: 'A digest never changes; a tag can be moved to another image.',
    steps: {
      '1': 'The digest is the SHA-256 of the manifest. Change one byte of the image and the digest changes, so name@sha256:… always means exactly this image.',
      '2': 'A tag is only a label the repository points at a digest. This timeline shows which digest each tag pointed at, and when.',
      '3': 'When someone pushes again under the same tag, the tag moves. Pin by digest when you need the same image tomorrow.',
    },
  },
  latest: {
    title: 'Why “latest” misleads',
    summary: '“latest” is a tag like any other, not the newest image.',
    steps: {
      '1': '“latest” is only the tag tools use when you give none. Nothing updates it automatically, and it may point at an old image.',
      '2': 'Its history shows where it pointed over time. Two machines pulling “latest” on different days may get different images.',
    },
  },
  'many-tags': {
    title: 'Many tags, one image',
    summary: 'Several tags can name the very same image.',
    steps: {
      '1': 'A release is often tagged several times: 1.0, 1.0.3, stable, latest. They are all pointers to one manifest.',
      '2': 'Tags with the same digest are the same image, byte for byte. Compare their digests in the list.',
    },
  },
  'media-types': {
    title: 'Media types',
    summary: 'OCI and Docker v2 describe the same things with different media types.',
    steps: {
      '1': 'Every document says what it is with a media type. This image uses the OCI types: application/vnd.oci.image.manifest.v1+json and friends.',
      '2': 'The same image written with Docker v2 types (application/vnd.docker.distribution.manifest.v2+json). The content is equal; the labels and digests differ.',
      '3': 'The config and layers have media types too: a config JSON, a gzip-compressed tar layer. Tools read the type before they read the bytes.',
    },
  },
  'index-platforms': {
    title: 'Indexes and platforms',
    summary: 'An index lists one image per platform, plus attestation manifests.',
    steps: {
      '1': 'This reference resolves to an index (a manifest list), not to an image. It names one manifest per platform.',
      '2': 'Each platform (linux/amd64, linux/arm64…) has its own image. A client picks the one that matches its machine.',
      '3': 'Some entries are not platforms: their platform is unknown/unknown and they carry attestations (SBOM, provenance) about an image.',
    },
  },
  'dockerfile-layers': {
    title: 'From Dockerfile to layers',
    summary: 'Each build step that changes files makes a layer; the rest leave only history.',
    steps: {
      '1': 'An image is built step by step. RUN, COPY and ADD change files, so each of them produces a layer.',
      '2': 'Each layer shows the step that made it. ENV, CMD, EXPOSE or WORKDIR change only the configuration: they leave an empty layer in the history and no files.',
      '3': 'The configuration keeps every step, empty ones marked empty_layer, so the full recipe can be read back.',
    },
  },
  overlay: {
    title: 'How Podman stores images',
    summary: 'overlay-images, overlay-layers and overlay/: layers as directories.',
    steps: {
      '1': 'containers-storage keeps the list of images in overlay-images/, with each image’s manifest and config.',
      '2': 'Each layer is a directory overlay/<id>/ with diff/ (its files), link (a short name), lower (the layers below it) and work/. overlay-layers/ lists them all.',
      '3': 'The short names in overlay/l/ are links to each diff/, to keep mount options short. Stacking lower and upper gives the merged view a container sees.',
    },
  },
  whiteouts: {
    title: 'Whiteouts',
    summary: 'How a layer deletes files from the layers below it.',
    steps: {
      '1': 'The bottom layer adds /etc/motd, the greeting shown at login. Watch what the next layer does to it.',
      '2': 'A layer cannot remove bytes from a layer below; it adds a whiteout, an empty marker named .wh.motd, and the file disappears from the stacked view.',
      '3': 'A directory can also be made opaque (.wh..wh..opq): everything the lower layers had in it is hidden, and only this layer’s entries remain.',
    },
  },
  'container-layer': {
    title: 'The container layer',
    summary: 'A container writes into its own thin layer on top of the image.',
    steps: {
      '1': 'This store holds a container. It was made from an image and has one extra layer of its own, the writable one.',
      '2': 'Opened as container:…, the container shows its image’s layers with the writable layer on top. Everything the container added, changed or deleted is there; the image’s layers stay untouched.',
      '3': 'The writable layer is small: only the changes. Its size is what docker ps -s calls size; the image plus it is the virtual size.',
    },
  },
  sharing: {
    title: 'Shared layers',
    summary: 'Images built on the same base share its layers; they are stored once.',
    steps: {
      '1': 'Two images, web and worker, both built on the same base. The table shows how many layers each pair has in common.',
      '2': 'A layer is named by its digest, so a shared layer is downloaded and stored once, whatever the number of images using it.',
    },
  },
  artifacts: {
    title: 'Artifacts and referrers',
    summary: 'SBOMs and signatures point at an image through their subject.',
    steps: {
      '1': 'Registries store more than images. An artifact is a manifest with an artifactType, such as an SBOM or a signature.',
      '2': 'An artifact names the image it is about in its subject field. Asking for the image’s referrers finds it without changing the image.',
    },
  },
} satisfies Strings

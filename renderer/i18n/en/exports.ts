// English strings of the "exports" namespace. Keys are grouped by the component that shows them.
import type { Strings } from '../catalogue'

export const exports = {
  menu: {
    picture: 'Save as picture:',
    list: 'Save this list:',
    svgTitle: 'Save this view as an SVG picture (vector, for slides and handouts)',
    pngTitle: 'Save this view as a PNG picture (twice the screen size)',
    csvTitle: 'Save the list as CSV (for spreadsheets)',
    jsonTitle: 'Save the list as JSON (an array of objects)',
    working: 'Preparing…',
    failed: 'Could not save: {{reason}}',
    openImage: 'Export this image…',
    openImageTitle: 'Copy this image into an OCI layout or an oci-archive for offline use',
  },
  titles: {
    graph: 'Graph of {{ref}}',
    sharing: 'Layers shared between images',
    history: 'Tag history of {{ref}}',
    sharingLegend: 'Each square: bytes of layers two images share; darker means more.',
  },
  view: {
    heading: 'Export an image',
    intro:
      'Copies the image, with every blob checked against its digest, into an OCI layout folder or an oci-archive file: an offline copy students can open with Strata, skopeo, podman or umoci.',
    noRef: 'Open an image first, then choose Export.',
    image: 'Image',
    format: 'Format',
    layout: 'OCI layout (a folder)',
    archive: 'oci-archive (one .tar file)',
    destination: 'Save to',
    destinationHint:
      'A new folder or file on this computer; its parent folder must exist. Strata never adds into an existing layout.',
    destinationPlaceholder: '/home/teacher/class/alpine-layout',
    choose: 'Choose…',
    platform: 'Platform',
    allPlatforms: 'Every platform the image has',
    tag: 'Tag inside the copy',
    tagPlaceholder: 'latest',
    start: 'Export',
    exporting: 'Exporting…',
    done: 'Exported to {{path}}',
    doneDetail: '{{blobs}} blobs, {{size}}, each checked against its digest. Digest: {{digest}}',
    converted:
      'The source uses Docker media types; the copy uses OCI ones (as skopeo copy does), so its manifest digest differs from the source’s {{digest}}. Config and layers are the same.',
    again: 'Export again',
  },
  errors: {
    diskFull:
      'The disk is full: {{path}} was not written and nothing was left behind. Free some space or choose another disk.',
    notWritable:
      'Strata may not write into {{path}} ({{cause}}). Choose a folder you can write to.',
    exists:
      '{{path}} already exists. Strata writes a new layout or archive and does not add into or replace one: choose a new name.',
    noFolder: '{{path}} is not an existing folder. Create it first or choose another.',
    cancelled: 'The export was cancelled; nothing was left behind.',
    other: 'The export failed: {{message}}',
  },
} satisfies Strings

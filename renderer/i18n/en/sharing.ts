// English strings of the "sharing" namespace. Keys are grouped by the component that shows them.
import type { Strings } from '../catalogue'

export const sharing = {
  view: {
    title: 'Layer sharing',
    refsLabel: 'Images in the set',
    remove: 'Remove {{ref}}',
    addLabel: 'Add images',
    addPlaceholder: 'host/repo (all tags), host/repo:tag, oci:/path:tag…',
    add: 'Add',
    addHint: 'A repository stands for all its tags; an index for all its platforms.',
    emptyTitle: 'No images chosen',
    emptyBody: 'Add a repository or images above to see which layers they share.',
    readingOne: 'Reading the layers of {{ref}}…',
    readingMany: 'Reading the layers of {{count}} references…',
    noneFoundTitle: 'No images found',
    noneFoundBody: 'These references name no images.',
  },
  images: {
    title: 'Images ({{count}})',
    number: '#',
    image: 'Image',
    manifest: 'Manifest',
    layers: 'Layers',
    ownBytes: 'Own bytes',
    exclusive: 'Used by no other',
  },
  layers: {
    title: 'Layers ({{count}})',
    layer: 'Layer',
    size: 'Size',
    usedBy: 'Used by',
    images: 'Images',
    open: 'Open {{label}}',
    showAll: 'Show all {{count}} layers',
  },
  matrix: {
    label: 'Layer sharing between {{count}} images',
    corner: 'Image',
    hint: 'Hover a cell to see what two images share; the outlined diagonal is each image on its own.',
  },
  sentence: {
    layers_one: '{{count}} layer',
    layers_other: '{{count}} layers',
    ownLayers_one: '{{count}} layer of its own',
    ownLayers_other: '{{count}} layers of its own',
    diagonal: '{{label}}: {{layers}}, {{bytes}}; {{exclusive}} of it used by no other image here.',
    pair: '{{a}} and {{b}} share {{layers}}, {{bytes}} ({{percent}} of {{a}}).',
    totals:
      'Stored once: {{stored}} vs {{unshared}} if nothing were shared — sharing saves {{saved}} ({{percent}}).',
  },
} satisfies Strings

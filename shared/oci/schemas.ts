// JSON Schemas (draft-07) for the documents Strata reads, written from the OCI image-spec
// (descriptor.md, image-index.md, manifest.md, config.md) and Docker's image manifest v2
// schema 2 / manifest list / schema 1. Unknown properties are allowed everywhere: the specs
// tell readers to ignore what they do not know. shared/oci/validate.ts compiles them.

import type { SchemaObject } from 'ajv'

const BASE = 'https://strata.invalid/schema/'
export const SCHEMA_IDS = {
  descriptor: `${BASE}descriptor.json`,
  index: `${BASE}index.json`,
  manifest: `${BASE}manifest.json`,
  config: `${BASE}config.json`,
  schema1: `${BASE}schema1.json`,
} as const

/** Digest grammar from descriptor.md: algorithm components joined by [+._-], ":", encoded. */
export const DIGEST_PATTERN = '^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$'
/** The registered algorithms fix the encoded part: lowercase hex of the right length. */
const SHA256_PATTERN = '^sha256:[a-f0-9]{64}$'
const SHA512_PATTERN = '^sha512:[a-f0-9]{128}$'
/** RFC 6838 section 4.2: type "/" subtype, restricted-name characters, at most 127 each. */
export const MEDIA_TYPE_PATTERN =
  '^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$'
/** RFC 4648 base64 (standard alphabet, padded), for a descriptor's embedded data. */
export const BASE64_PATTERN = '^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$'

/** Readable names for the patterns, used when an error message says what was expected. */
export const PATTERN_LABELS: Readonly<Record<string, string>> = {
  [DIGEST_PATTERN]: 'a digest ("algorithm:encoded")',
  [SHA256_PATTERN]: 'a sha256 digest (64 lowercase hex digits)',
  [SHA512_PATTERN]: 'a sha512 digest (128 lowercase hex digits)',
  [MEDIA_TYPE_PATTERN]: 'a media type ("type/subtype", RFC 6838)',
  [BASE64_PATTERN]: 'base64 data',
}

const digest: SchemaObject = {
  type: 'string',
  pattern: DIGEST_PATTERN,
  allOf: [
    { if: { pattern: '^sha256:' }, then: { pattern: SHA256_PATTERN } },
    { if: { pattern: '^sha512:' }, then: { pattern: SHA512_PATTERN } },
  ],
}

const mediaType: SchemaObject = { type: 'string', pattern: MEDIA_TYPE_PATTERN }

const annotations: SchemaObject = {
  type: 'object',
  additionalProperties: { type: 'string' },
}

const stringArray: SchemaObject = { type: 'array', items: { type: 'string' } }

const platform: SchemaObject = {
  type: 'object',
  required: ['architecture', 'os'],
  properties: {
    architecture: { type: 'string' },
    os: { type: 'string' },
    'os.version': { type: 'string' },
    'os.features': stringArray,
    variant: { type: 'string' },
    features: stringArray,
  },
}

export const descriptorSchema: SchemaObject = {
  $id: SCHEMA_IDS.descriptor,
  type: 'object',
  required: ['mediaType', 'digest', 'size'],
  properties: {
    mediaType,
    digest,
    size: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
    urls: { type: 'array', items: { type: 'string', format: 'uri' } },
    annotations,
    data: { type: 'string', pattern: BASE64_PATTERN },
    artifactType: mediaType,
    platform,
  },
}

const descriptorRef: SchemaObject = { $ref: SCHEMA_IDS.descriptor }

/** OCI image index and Docker manifest list. */
export const indexSchema: SchemaObject = {
  $id: SCHEMA_IDS.index,
  type: 'object',
  required: ['schemaVersion', 'manifests'],
  properties: {
    schemaVersion: { const: 2 },
    mediaType,
    artifactType: mediaType,
    manifests: { type: 'array', items: descriptorRef },
    subject: descriptorRef,
    annotations,
  },
}

/** OCI image manifest and Docker image manifest v2 schema 2. */
export const manifestSchema: SchemaObject = {
  $id: SCHEMA_IDS.manifest,
  type: 'object',
  required: ['schemaVersion', 'config', 'layers'],
  properties: {
    schemaVersion: { const: 2 },
    mediaType,
    artifactType: mediaType,
    config: descriptorRef,
    layers: { type: 'array', items: descriptorRef },
    subject: descriptorRef,
    annotations,
  },
}

const nullableStringArray: SchemaObject = { type: ['array', 'null'], items: { type: 'string' } }
const setOfObjects: SchemaObject = {
  type: ['object', 'null'],
  additionalProperties: { type: 'object' },
}

/** OCI image config and Docker's. Docker writes empty lists and sets as null; both pass. */
export const configSchema: SchemaObject = {
  $id: SCHEMA_IDS.config,
  type: 'object',
  required: ['architecture', 'os', 'rootfs'],
  properties: {
    // RFC 3339 in the spec, but real images carry odd timestamps; shown, never computed on.
    created: { type: 'string' },
    author: { type: 'string' },
    architecture: { type: 'string' },
    os: { type: 'string' },
    'os.version': { type: 'string' },
    'os.features': stringArray,
    variant: { type: 'string' },
    config: {
      type: ['object', 'null'],
      properties: {
        User: { type: 'string' },
        ExposedPorts: setOfObjects,
        Env: nullableStringArray,
        Entrypoint: nullableStringArray,
        Cmd: nullableStringArray,
        Volumes: setOfObjects,
        WorkingDir: { type: 'string' },
        Labels: { type: ['object', 'null'], additionalProperties: { type: 'string' } },
        StopSignal: { type: 'string' },
      },
    },
    rootfs: {
      type: 'object',
      required: ['type', 'diff_ids'],
      properties: {
        type: { const: 'layers' },
        diff_ids: { type: 'array', items: digest },
      },
    },
    history: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          created: { type: 'string' },
          created_by: { type: 'string' },
          author: { type: 'string' },
          comment: { type: 'string' },
          empty_layer: { type: 'boolean' },
        },
      },
    },
  },
}

/** Docker image manifest v2 schema 1: only what Strata shows (name, tag, layer digests). */
export const schema1Schema: SchemaObject = {
  $id: SCHEMA_IDS.schema1,
  type: 'object',
  required: ['schemaVersion', 'name', 'tag', 'fsLayers'],
  properties: {
    schemaVersion: { const: 1 },
    name: { type: 'string' },
    tag: { type: 'string' },
    architecture: { type: 'string' },
    fsLayers: {
      type: 'array',
      items: { type: 'object', required: ['blobSum'], properties: { blobSum: digest } },
    },
    history: {
      type: 'array',
      items: {
        type: 'object',
        required: ['v1Compatibility'],
        properties: { v1Compatibility: { type: 'string' } },
      },
    },
    signatures: { type: 'array' },
  },
}

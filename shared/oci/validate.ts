// Validation of untrusted OCI / Docker documents against our JSON Schemas (shared/oci/schemas.ts).
// Validators are compiled on first use (ajv generates code; the renderer may never need them).

import Ajv from 'ajv'
import type { ErrorObject, ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import { StrataError } from '../errors'
import {
  PATTERN_LABELS,
  SCHEMA_IDS,
  configSchema,
  descriptorSchema,
  indexSchema,
  manifestSchema,
  schema1Schema,
} from './schemas'
import type { ImageConfig, ImageIndex, ImageManifest, Schema1Manifest } from './types'

/** How many schema errors a MALFORMED message lists. */
const MAX_LISTED_ERRORS = 3

let ajvInstance: Ajv | undefined
const compiled = new Map<string, ValidateFunction>()

function ajv(): Ajv {
  if (ajvInstance === undefined) {
    const instance = new Ajv({ allErrors: true, verbose: true, strict: true })
    addFormats(instance, ['uri'])
    for (const schema of [
      descriptorSchema,
      indexSchema,
      manifestSchema,
      configSchema,
      schema1Schema,
    ]) {
      instance.addSchema(schema)
    }
    ajvInstance = instance
  }
  return ajvInstance
}

function validatorFor(id: string): ValidateFunction {
  let validate = compiled.get(id)
  if (validate === undefined) {
    validate = ajv().getSchema(id)
    if (validate === undefined) throw new StrataError('INTERNAL', `schema ${id} is not registered`)
    compiled.set(id, validate)
  }
  return validate
}

function check<T>(id: string, what: string, doc: unknown): T {
  const validate = validatorFor(id)
  if (validate(doc)) return doc as T
  throw new StrataError('MALFORMED', `${what} is invalid: ${describeErrors(validate.errors ?? [])}`)
}

export function validateIndex(doc: unknown): ImageIndex {
  return check<ImageIndex>(SCHEMA_IDS.index, 'image index', doc)
}

export function validateManifest(doc: unknown): ImageManifest {
  return check<ImageManifest>(SCHEMA_IDS.manifest, 'image manifest', doc)
}

/**
 * Docker writes empty Env, ExposedPorts and Volumes (and sometimes config) as null; those keys
 * are dropped from the returned copy so the typed model holds. The input is not modified.
 */
export function validateConfig(doc: unknown): ImageConfig {
  const valid = check<ImageConfig & { config?: unknown }>(SCHEMA_IDS.config, 'image config', doc)
  if (valid.config === null) {
    const copy: Record<string, unknown> = { ...valid }
    delete copy.config
    return copy as unknown as ImageConfig
  }
  if (valid.config === undefined) return valid
  const runtime: Record<string, unknown> = { ...valid.config }
  for (const key of ['Env', 'ExposedPorts', 'Volumes']) {
    if (runtime[key] === null) delete runtime[key]
  }
  return { ...valid, config: runtime }
}

export function validateSchema1(doc: unknown): Schema1Manifest {
  return check<Schema1Manifest>(SCHEMA_IDS.schema1, 'schema 1 manifest', doc)
}

/** The first few errors in plain words, each with the JSON pointer of the offending value. */
export function describeErrors(errors: readonly ErrorObject[]): string {
  // "if" errors only say that a "then" failed; the "then" error itself is the useful one.
  const useful = errors.filter((e) => e.keyword !== 'if')
  const listed = useful.slice(0, MAX_LISTED_ERRORS).map(describeError)
  const more = useful.length - listed.length
  return listed.join('; ') + (more > 0 ? ` (and ${more} more)` : '')
}

function describeError(error: ErrorObject): string {
  const where = error.instancePath === '' ? 'the document' : error.instancePath
  const params = error.params as Record<string, unknown>
  switch (error.keyword) {
    case 'required':
      return `${where} is missing required field "${String(params.missingProperty)}"`
    case 'type':
      return `${where} must be ${article(String(params.type))}, got ${valueOf(error.data)}`
    case 'const':
      return `${where} must be ${JSON.stringify(params.allowedValue)}, got ${valueOf(error.data)}`
    case 'minimum':
      return `${where} must not be negative, got ${valueOf(error.data)}`
    case 'maximum':
      return `${where} is too large, got ${valueOf(error.data)}`
    case 'pattern': {
      const label = PATTERN_LABELS[String(params.pattern)]
      return label !== undefined
        ? `${where} is not ${label}: ${valueOf(error.data)}`
        : `${where} must match ${String(params.pattern)}, got ${valueOf(error.data)}`
    }
    case 'format':
      return `${where} is not a valid ${String(params.format)}: ${valueOf(error.data)}`
    default:
      return `${where} ${error.message ?? 'is invalid'}`
  }
}

function article(type: string): string {
  const words = type.replace(/,/g, ' or ')
  return /^[aeiou]/.test(words) ? `an ${words}` : `a ${words}`
}

/** Strings shaped like a digest or a media type are quoted: they say what went wrong. */
const QUOTABLE =
  /^(?:[a-z0-9]+(?:[+._-][a-z0-9]+)*:[A-Za-z0-9=_-]{0,128}|[\w.+-]{1,64}\/[\w.+-]{1,100})$/

/**
 * What the offending value was, without quoting other text from the document (it may come from any
 * file a user points Strata at): numbers, booleans and null as they are, others by kind.
 */
function valueOf(data: unknown): string {
  if (data === null || typeof data === 'number' || typeof data === 'boolean') return String(data)
  if (typeof data === 'string') {
    return QUOTABLE.test(data) ? JSON.stringify(data) : `a string of ${data.length} characters`
  }
  if (Array.isArray(data)) return `an array of ${data.length}`
  return typeof data === 'object' ? 'an object' : typeof data
}

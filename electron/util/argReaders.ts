// Arguments arrive as untrusted JSON (from a browser in web mode, from the renderer over ipc).
// These readers check each field a handler uses and fail with BAD_INPUT naming it.

import { StrataError } from '../../shared/errors'

const MAX_ARG_STRING = 4096

export function requiredString(args: object, field: string): string {
  const value = (args as Record<string, unknown>)[field]
  if (typeof value !== 'string' || value.trim() === '') {
    throw new StrataError('BAD_INPUT', `"${field}" is required and must be text.`, {
      subject: field,
    })
  }
  if (value.length > MAX_ARG_STRING) {
    throw new StrataError('BAD_INPUT', `"${field}" is longer than ${MAX_ARG_STRING} characters.`, {
      subject: field,
    })
  }
  return value.trim()
}

export function optionalString(args: object, field: string): string | undefined {
  const value = (args as Record<string, unknown>)[field]
  if (value === undefined || value === null || value === '') return undefined
  return requiredString(args, field)
}

export function optionalBoolean(args: object, field: string): boolean | undefined {
  const value = (args as Record<string, unknown>)[field]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'boolean') {
    throw new StrataError('BAD_INPUT', `"${field}" must be true or false.`, { subject: field })
  }
  return value
}

export function optionalCount(args: object, field: string, max: number): number | undefined {
  const value = (args as Record<string, unknown>)[field]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    throw new StrataError('BAD_INPUT', `"${field}" must be a whole number from 1 to ${max}.`, {
      subject: field,
    })
  }
  return value
}

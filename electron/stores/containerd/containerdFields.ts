// Field readers for containerd's answers as proto-loader decodes them (defaults on, int64 as
// numbers): each checks one field and names the socket when it is missing or of the wrong type.

import { StrataError } from '../../../shared/errors'

export function malformed(socket: string, what: string): StrataError {
  return new StrataError('MALFORMED', `containerd at ${socket} answered without a valid ${what}`, {
    subject: socket,
  })
}

export function fieldOf(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && key in value
    ? (value as Record<string, unknown>)[key]
    : undefined
}

export function stringField(value: unknown, key: string, socket: string): string {
  const found = fieldOf(value, key)
  if (typeof found !== 'string') throw malformed(socket, key)
  return found
}

export function numberOf(value: unknown, key: string): number | undefined {
  const found = fieldOf(value, key)
  return typeof found === 'number' && Number.isSafeInteger(found) ? found : undefined
}

export function sizeField(value: unknown, key: string, socket: string): number {
  const found = numberOf(value, key)
  if (found === undefined || found < 0) throw malformed(socket, key)
  return found
}

export function objectField(value: unknown, key: string, socket: string): object {
  const found = fieldOf(value, key)
  if (found === null || typeof found !== 'object') throw malformed(socket, key)
  return found
}

export function arrayField(value: unknown, key: string, socket: string): readonly unknown[] {
  const found = fieldOf(value, key)
  if (!Array.isArray(found)) throw malformed(socket, key)
  return found as readonly unknown[]
}

export function labelsField(value: unknown): Record<string, string> {
  const found = fieldOf(value, 'labels')
  const labels: Record<string, string> = {}
  if (found === null || typeof found !== 'object') return labels
  for (const [key, text] of Object.entries(found)) if (typeof text === 'string') labels[key] = text
  return labels
}

export function timestampField(value: unknown, key: string): string | undefined {
  const seconds = numberOf(fieldOf(value, key), 'seconds')
  if (seconds === undefined || seconds <= 0) return undefined
  const date = new Date(seconds * 1000)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString()
}

// The type guard for parsed JSON: a plain object whose fields are still unknown, to be read one
// by one (DESIGN.md: untrusted JSON is parsed as unknown, never cast).

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

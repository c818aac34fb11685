// The recently opened local sources, kept in localStorage and shared by every component (and
// every window or tab of this origin) through useSyncExternalStore.
import { useSyncExternalStore } from 'react'
import { addRecentRef, parseRecentRefs } from './recentRefs'

const STORAGE_KEY = 'strata.recentRefs'
const listeners = new Set<() => void>()
let cachedText: string | null | undefined
let cachedList: readonly string[] = []
// Where the list lives when localStorage is disabled: until the page reloads.
let memoryText: string | null = null

function readText(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY)
  } catch {
    return memoryText
  }
}

/** The current list; the same array until the stored text changes (useSyncExternalStore). */
function snapshot(): readonly string[] {
  const text = readText()
  if (text !== cachedText) {
    cachedText = text
    cachedList = parseRecentRefs(text)
  }
  return cachedList
}

function write(list: readonly string[]): void {
  const text = JSON.stringify(list)
  try {
    window.localStorage.setItem(STORAGE_KEY, text)
  } catch {
    memoryText = text
  }
  for (const listener of listeners) listener()
}

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange)
  const onStorage = (event: StorageEvent): void => {
    if (event.key === STORAGE_KEY || event.key === null) onChange()
  }
  window.addEventListener('storage', onStorage)
  return () => {
    listeners.delete(onChange)
    window.removeEventListener('storage', onStorage)
  }
}

export function rememberRecentRef(ref: string): void {
  const current = snapshot()
  const next = addRecentRef(current, ref)
  if (next !== current) write(next)
}

export function forgetRecentRefs(): void {
  write([])
}

export function useRecentRefs(): readonly string[] {
  return useSyncExternalStore(subscribe, snapshot)
}

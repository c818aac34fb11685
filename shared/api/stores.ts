// The local image stores Strata found on this machine (the sources sidebar lists them).

import type { ApiError } from '../errors'

export interface LocalStoreImage {
  /** Image ID ("sha256:…", the config digest). */
  readonly id: string
  /** Tags ("example.com/app:v1"); empty for an untagged image. */
  readonly names: readonly string[]
  /** Manifest digests the store knows for the image (registry digests for Docker). */
  readonly digests: readonly string[]
  readonly created?: string
  readonly size?: number
  /** A source reference that opens the image. */
  readonly ref: string
}

export interface LocalStore {
  readonly kind: 'docker-daemon' | 'containers-storage'
  readonly label: string
  /** The socket, or the graph root. */
  readonly location: string
  readonly images: readonly LocalStoreImage[]
  /** Set when the store exists but could not be read (permission denied, locked). */
  readonly error?: ApiError
  readonly driver?: string
  readonly rootless?: boolean
}

// What the archive-based sources (oci-archive, docker-archive, the Docker daemon's export
// stream) need from a tar: find a member by name, read it whole or as a stream, hash it. Two
// implementations: a tar file read in place by offset, and a daemon export read as a stream.
// The helpers here add what every caller wants: verification against the descriptor, and
// errors that name the archive and the member.

import type { Readable } from 'node:stream'
import { StrataError } from '../../../shared/errors'
import { formatBytes } from '../../../shared/format'
import type { Descriptor } from '../../../shared/oci/types'
import { UNKNOWN_SIZE } from '../../sources/imageSource'
import { verifiedStream, verifyBytes } from '../../sources/verify'

/** The kinds of source read out of a tar: oci-archive, docker-archive, a daemon's export. */
export type ArchiveSourceKind = 'oci-archive' | 'docker-archive' | 'docker-daemon'

export interface ArchiveMember {
  /** The regular-file member's own name (after following links). */
  readonly name: string
  readonly size: number
}

export interface ArchiveMembers {
  /** Where the archive is, for messages: a path, or the daemon export it came from. */
  readonly location: string
  /** A regular-file member by name, symlinks and hard links followed; undefined if absent. */
  find(name: string): ArchiveMember | undefined
  /** Names of all regular-file members, in archive order. */
  names(): readonly string[]
  read(member: ArchiveMember, maxBytes: number, signal?: AbortSignal): Promise<Uint8Array>
  open(member: ArchiveMember, signal?: AbortSignal): Promise<Readable>
  /** The member's sha256 digest, computed once and remembered for the archive's lifetime. */
  digestOf(member: ArchiveMember, signal?: AbortSignal): Promise<string>
  /** The first `length` bytes (fewer if the member is shorter). */
  head(member: ArchiveMember, length: number, signal?: AbortSignal): Promise<Uint8Array>
}

/** "ARCHIVE (member NAME)": how a member is named in every message. */
export function memberLabel(members: ArchiveMembers, name: string): string {
  return `${members.location} (member ${name})`
}

/** The member, or NOT_FOUND naming the archive, the member and what was expected there. */
export function requireMember(
  members: ArchiveMembers,
  name: string,
  expected: string,
): ArchiveMember {
  const member = members.find(name)
  if (member !== undefined) return member
  throw new StrataError(
    'NOT_FOUND',
    `${members.location} has no member ${name} (expected ${expected}); the archive is incomplete`,
    { subject: name },
  )
}

/** A descriptor whose size is UNKNOWN_SIZE takes the member's size; others must match it. */
export function sizedDescriptor(
  members: ArchiveMembers,
  member: ArchiveMember,
  descriptor: Descriptor,
): Descriptor {
  if (descriptor.size === UNKNOWN_SIZE) return { ...descriptor, size: member.size }
  if (descriptor.size !== member.size) {
    throw new StrataError(
      'SIZE_MISMATCH',
      `${memberLabel(members, member.name)} is ${member.size} bytes but its descriptor says ${descriptor.size}; refused`,
      { subject: member.name, expectedDigest: descriptor.digest },
    )
  }
  return descriptor
}

/** Reads a member whole (under maxBytes) and refuses it unless it matches the descriptor. */
export async function readVerifiedMember(
  members: ArchiveMembers,
  name: string,
  descriptor: Descriptor,
  maxBytes: number,
  signal?: AbortSignal,
): Promise<{ readonly descriptor: Descriptor; readonly bytes: Uint8Array }> {
  const member = requireMember(members, name, `blob ${descriptor.digest}`)
  const sized = sizedDescriptor(members, member, descriptor)
  if (sized.size > maxBytes) {
    throw new StrataError(
      'TOO_LARGE',
      `${memberLabel(members, name)} is ${formatBytes(sized.size)}; Strata reads such blobs whole only up to ${formatBytes(maxBytes)}`,
      { subject: name },
    )
  }
  const bytes = await members.read(member, maxBytes, signal)
  verifyBytes(bytes, sized, { local: memberLabel(members, member.name) })
  return { descriptor: sized, bytes }
}

/** A member as a stream that errors with SIZE_/DIGEST_MISMATCH instead of ending cleanly. */
export async function openVerifiedMember(
  members: ArchiveMembers,
  name: string,
  descriptor: Descriptor,
  signal?: AbortSignal,
): Promise<Readable> {
  const member = requireMember(members, name, `blob ${descriptor.digest}`)
  const sized = sizedDescriptor(members, member, descriptor)
  const source = await members.open(member, signal)
  return verifiedStream(source, sized, memberLabel(members, member.name))
}

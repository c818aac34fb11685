// Handler of attestations:decode: a signature, referrer or attestation manifest (by digest in
// the reference's repository), or a file inside the image, decoded for the attestation views.
// A public key, when given, is read first so a bad paste fails before anything is fetched.

import { isDigest } from '../../shared/digest'
import { StrataError } from '../../shared/errors'
import { optionalString, requiredString } from '../util/argReaders'
import type { Handler } from '../util/handlerTypes'
import { decodeFileBytes } from './decodeFile'
import { decodeManifest } from './decodeManifest'
import type { AttestationsHandlerDeps } from './handlerDeps'
import { MAX_DECODE_BYTES } from './limits'
import { readPublicKey } from './verifySignature'

const MAX_KEY_CHARS = 16 * 1024

export function createAttestationsHandlers(services: AttestationsHandlerDeps): {
  readonly 'attestations:decode': Handler<'attestations:decode'>
} {
  return {
    'attestations:decode': async (args, context) => {
      const ref = requiredString(args, 'ref')
      const digest = readDigest(args, 'digest')
      const subject = readDigest(args, 'subject')
      const key = readKey(args)
      if (digest !== undefined) {
        const source = await services.openSource(ref, context.signal)
        return decodeManifest(source, digest, {
          signal: context.signal,
          ...(subject !== undefined ? { subject } : {}),
          ...(key !== undefined ? { key } : {}),
        })
      }
      const path = optionalString(args, 'path')
      if (path === undefined) {
        throw new StrataError(
          'BAD_INPUT',
          'Give "digest" (a manifest) or "path" (a file in the image).',
          {
            subject: 'digest',
          },
        )
      }
      const layer = optionalString(args, 'layer')
      const platform = optionalString(args, 'platform')
      const file = await services.readImageFile(
        {
          ref,
          path,
          ...(layer !== undefined ? { layer } : {}),
          ...(platform !== undefined ? { platform } : {}),
        },
        MAX_DECODE_BYTES,
        context,
      )
      const decoded = decodeFileBytes(file.resolvedPath, file.bytes, {
        ...(subject !== undefined ? { imageDigest: subject } : {}),
        ...(key !== undefined ? { key } : {}),
      })
      return {
        from: { kind: 'file', path: `/${file.resolvedPath}`, layer: file.layer },
        ...(subject !== undefined ? { subject } : {}),
        items: decoded.items,
        warnings: decoded.warnings,
      }
    },
  }
}

function readDigest(args: object, field: string): string | undefined {
  const value = optionalString(args, field)
  if (value !== undefined && !isDigest(value)) {
    throw new StrataError('BAD_INPUT', `"${field}" must be a digest like sha256:<64 hex>.`, {
      subject: field,
    })
  }
  return value
}

function readKey(args: object): ReturnType<typeof readPublicKey> | undefined {
  const value = (args as Record<string, unknown>)['publicKey']
  if (value === undefined || value === null || value === '') return undefined
  if (typeof value !== 'string' || value.length > MAX_KEY_CHARS) {
    throw new StrataError(
      'BAD_INPUT',
      `"publicKey" must be PEM text under ${MAX_KEY_CHARS} characters.`,
      {
        subject: 'publicKey',
      },
    )
  }
  return readPublicKey(value)
}

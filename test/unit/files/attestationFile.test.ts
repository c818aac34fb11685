// Which files the file viewer offers to open as an SBOM or attestation, and the route it opens.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  attestationFileRoute,
  looksLikeAttestationFile,
} from '../../../renderer/features/files/attestationFile'

test('SBOM and attestation file names are offered, other JSON is not', () => {
  for (const path of [
    'usr/share/sbom/app.spdx.json',
    'usr/share/sbom/app.cdx.json',
    'attestations/build.intoto.jsonl',
    'provenance.json',
    'bom.json',
  ]) {
    assert.equal(looksLikeAttestationFile(path), true, path)
  }
  for (const path of ['etc/app/config.json', 'usr/share/sbom/README', 'package.json']) {
    assert.equal(looksLikeAttestationFile(path), false, path)
  }
})

test('the route keeps the layer and platform of the file', () => {
  assert.deepEqual(
    attestationFileRoute({ ref: 'r', layer: '2', platform: 'linux/arm64', path: 'a/b.spdx.json' }),
    { view: 'attestations', ref: 'r', path: '/a/b.spdx.json', layer: '2', platform: 'linux/arm64' },
  )
})

// The bundled samples are unpacked beside the asar archive in a packaged app; in a checkout the
// project root is used as it is.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { unpackedPath } from '../../../electron/app/appPaths'

test('a packaged root (app.asar) reads unpacked files beside it; a checkout reads its own', () => {
  assert.equal(
    unpackedPath('/opt/Strata/resources/app.asar'),
    '/opt/Strata/resources/app.asar.unpacked',
  )
  assert.equal(unpackedPath('/work/main'), '/work/main')
  assert.equal(unpackedPath('/work/app.asar.d'), '/work/app.asar.d')
})

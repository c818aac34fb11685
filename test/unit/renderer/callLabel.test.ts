// The status bar's name for a waiting call (the status bar adds "Waiting for" in the language
// shown): the operation in words and what it is about, never an argument that may hold a secret.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { callLabel } from '../../../renderer/api/callLabel'

test('operation words and the reference the call is about', () => {
  assert.equal(callLabel('image:graph', { ref: 'alpine:3.20' }), 'image graph · alpine:3.20')
  assert.equal(
    callLabel('registry:listTags', { repository: 'h:5000/demo/app' }),
    'registry list tags · h:5000/demo/app',
  )
  assert.equal(callLabel('app:info', {}), 'app info')
})

test('long subjects are cut; secrets are never shown', () => {
  const long = `registry.example/${'a'.repeat(100)}:v1`
  const label = callLabel('image:summary', { ref: long })
  assert.ok(label.length < 100 && label.endsWith('…'), label)
  const login = callLabel('credentials:save', {
    registry: 'h:5000',
    username: 'me',
    password: 'hunter2',
  })
  assert.equal(login, 'credentials save · h:5000')
  assert.ok(!login.includes('hunter2'))
})

import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { quote, registryCommands } from '../../../electron/registry/equivalentCommands'
import { manifestAcceptHeader } from '../../../electron/registry/manifests'
import { englishCommandNote } from '../../../shared/commandNoteText'

const digest = 'sha256:' + 'b'.repeat(64)

describe('registryCommands', () => {
  it('names skopeo, crane and curl for a manifest on a loopback registry', () => {
    const commands = registryCommands({
      registry: '127.0.0.1:5000',
      repository: 'demo/app',
      tag: 'v1',
      digest,
      kind: 'manifest',
      apiOrigin: 'http://127.0.0.1:5000',
    })
    assert.deepEqual(
      commands.map((c) => c.command),
      [
        `skopeo inspect --tls-verify=false --raw docker://127.0.0.1:5000/demo/app@${digest}`,
        `crane manifest --insecure 127.0.0.1:5000/demo/app@${digest}`,
        `curl -sL -H '${'Accept: ' + manifestAcceptHeader()}' http://127.0.0.1:5000/v2/demo/app/manifests/${digest}`,
      ],
    )
  })

  it('uses the tag without a digest and notes Docker Hub tokens', () => {
    const commands = registryCommands({
      registry: 'docker.io',
      repository: 'library/alpine',
      tag: '3.20',
      kind: 'manifest',
      apiOrigin: 'https://registry-1.docker.io',
    })
    assert.equal(
      commands[0]?.command,
      'skopeo inspect --raw docker://docker.io/library/alpine:3.20',
    )
    assert.match(
      commands[2]?.command ?? '',
      /https:\/\/registry-1\.docker\.io\/v2\/library\/alpine\/manifests\/3\.20$/,
    )
    assert.deepEqual(commands[2]?.note, { kind: 'hubToken' })
    assert.match(englishCommandNote({ kind: 'hubToken' }), /bearer token/)
  })

  it('names blob commands that fetch the blob itself (curl, crane), then skopeo copy', () => {
    const commands = registryCommands({
      registry: 'ghcr.io',
      repository: 'o/r',
      tag: 'v1',
      digest,
      kind: 'blob',
      apiOrigin: 'https://ghcr.io',
    })
    assert.deepEqual(
      commands.map((c) => c.command),
      [
        `curl -sL https://ghcr.io/v2/o/r/blobs/${digest}`,
        `crane blob ghcr.io/o/r@${digest}`,
        'skopeo copy docker://ghcr.io/o/r:v1 dir:./image',
      ],
    )
    // No command that only prints a config is offered for a layer.
    assert.ok(commands.every((c) => !c.command.includes('inspect --config')))
    assert.deepEqual(commands[0]?.note, { kind: 'blobToStdout', hubToken: false })
    assert.deepEqual(commands[2]?.note, { kind: 'copyImage', blobFile: 'b'.repeat(64) })
  })

  it('accepts OCI types first', () => {
    assert.match(
      manifestAcceptHeader(),
      /^application\/vnd\.oci\.image\.index\.v1\+json, application\/vnd\.oci\.image\.manifest\.v1\+json, application\/vnd\.docker/,
    )
  })

  it('quotes words with shell metacharacters', () => {
    assert.equal(quote('plain/ref:1'), 'plain/ref:1')
    assert.equal(quote("it's; rm"), `'it'\\''s; rm'`)
  })
})

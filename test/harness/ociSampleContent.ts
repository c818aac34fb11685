// The files of the sample image Strata opens offline. It is a teaching image: small, readable
// files, a build history that reads like a Dockerfile, a whiteout and an opaque directory.

import type { TarEntrySpec } from './ociTar'

export const SAMPLE_CREATED = '2024-03-01T12:00:00Z'

/** Layer 1, shared by every platform: a tiny distribution's /etc, /usr and /var. */
export const baseLayer: readonly TarEntrySpec[] = [
  { type: 'dir', path: 'etc' },
  {
    type: 'file',
    path: 'etc/os-release',
    content: [
      'NAME="Strata Sample Linux"',
      'ID=strata-sample',
      'VERSION_ID=1.0',
      'PRETTY_NAME="Strata Sample Linux 1.0 (teaching image)"',
      'HOME_URL="https://example.invalid/strata"',
      '',
    ].join('\n'),
  },
  {
    type: 'file',
    path: 'etc/passwd',
    content: 'root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000:app:/app:/sbin/nologin\n',
  },
  { type: 'file', path: 'etc/group', content: 'root:x:0:\napp:x:1000:\n' },
  { type: 'file', path: 'etc/hostname', content: 'sample\n' },
  {
    type: 'file',
    path: 'etc/motd',
    content: 'Welcome! This file is deleted by a later layer: look for .wh.motd.\n',
  },
  { type: 'dir', path: 'root', mode: 0o700 },
  { type: 'dir', path: 'tmp', mode: 0o1777 },
  { type: 'dir', path: 'usr' },
  { type: 'dir', path: 'usr/bin' },
  {
    type: 'file',
    path: 'usr/bin/greet',
    mode: 0o755,
    content:
      '#!/bin/sh\n# Prints a greeting; the app layer calls it.\necho "Hello, ${1:-world}!"\n',
  },
  { type: 'symlink', path: 'usr/bin/hello', target: 'greet' },
  { type: 'dir', path: 'usr/share' },
  { type: 'dir', path: 'usr/share/doc' },
  { type: 'dir', path: 'usr/share/doc/strata-sample' },
  {
    type: 'file',
    path: 'usr/share/doc/strata-sample/README',
    content:
      'Each layer of this image is a tar of the files one build step changed.\n' +
      'Open the layers one by one to watch the file system grow.\n',
  },
  { type: 'dir', path: 'var' },
  { type: 'dir', path: 'var/cache' },
  { type: 'dir', path: 'var/cache/pkg' },
  {
    type: 'file',
    path: 'var/cache/pkg/index-v1.txt',
    content: 'greet 1.0\nstrata-sample-base 1.0\n',
  },
  { type: 'file', path: 'var/cache/pkg/index-v1.sig', content: 'not a real signature\n' },
]

/** Layer 2, one per platform: what a compile step would leave behind. */
export function archLayer(architecture: string): readonly TarEntrySpec[] {
  return [
    { type: 'dir', path: 'usr/lib' },
    { type: 'dir', path: 'usr/lib/strata' },
    {
      type: 'file',
      path: 'usr/lib/strata/build.txt',
      content: `architecture=${architecture}\ncompiler=sample-cc 1.0\n`,
    },
    {
      type: 'file',
      path: `usr/lib/strata/libsample-${architecture}.so`,
      content: `pretend shared object for ${architecture}\n`,
    },
  ]
}

/** Layer 3: a cleanup step. Deleting a file leaves a whiteout; recreating a dir, an opaque one. */
export const cleanupLayer: readonly TarEntrySpec[] = [
  { type: 'whiteout', path: 'etc/motd' },
  { type: 'dir', path: 'var/cache/pkg' },
  { type: 'opaque', path: 'var/cache/pkg' },
  { type: 'file', path: 'var/cache/pkg/.keep', content: '' },
]

/** Layer 4: the application. */
export const appLayer: readonly TarEntrySpec[] = [
  { type: 'dir', path: 'app' },
  {
    type: 'file',
    path: 'app/server.sh',
    mode: 0o755,
    content:
      '#!/bin/sh\nset -eu\n/usr/bin/greet "${APP_NAME:-sample}"\n' +
      'echo "listening on port ${APP_PORT}"\nexec sleep infinity\n',
  },
  {
    type: 'file',
    path: 'app/config.json',
    content:
      JSON.stringify({ name: 'sample', port: 8080, features: ['layers', 'graph'] }, null, 2) + '\n',
  },
  {
    type: 'file',
    path: 'app/README.md',
    content: '# Sample app\n\nStarted by `CMD ["/app/server.sh"]`. Reads `config.json`.\n',
  },
]

export const sampleHistory = [
  { created_by: 'ADD rootfs.tar / # base image', comment: 'strata-sample-base 1.0' },
  { created_by: 'COPY --from=build /out/ /usr/lib/strata/ # buildkit' },
  { created_by: 'ENV APP_PORT=8080', empty_layer: true },
  {
    created_by:
      'RUN /bin/sh -c rm /etc/motd && rm -rf /var/cache/pkg && mkdir /var/cache/pkg && touch /var/cache/pkg/.keep # buildkit',
  },
  { created_by: 'WORKDIR /app', empty_layer: true },
  { created_by: 'COPY app/ /app/ # buildkit' },
  { created_by: 'USER app', empty_layer: true },
  { created_by: 'EXPOSE 8080/tcp', empty_layer: true },
  { created_by: 'CMD ["/app/server.sh"]', empty_layer: true },
] as const

// Opening tar files in place: oci-archive: (a tar of an OCI layout) and docker-archive:
// (docker save output). Both index the tar's headers once and read members by offset.

import { resolve as resolvePath } from 'node:path'
import { formatSourceRef } from '../../../shared/sourceRef'
import type { ImageSource } from '../../sources/imageSource'
import { ArchivedLayoutSource } from './archivedLayoutSource'
import { openDockerArchiveMembers } from './dockerArchiveSource'
import { entryName } from './dockerArchiveManifest'
import { dockerArchiveCommands, ociArchiveCommands } from '../discovery/storeCommands'
import { indexTarFile } from './tarFileIndex'

const OCI_ARCHIVE_EXPECTED = 'an OCI archive: a tar of an OCI image layout'
const DOCKER_ARCHIVE_EXPECTED = 'a docker-archive: a tar written by "docker save"'

export async function openOciArchive(
  path: string,
  reference: string | undefined,
  signal?: AbortSignal,
): Promise<ImageSource> {
  const archive = resolvePath(path)
  let index = await indexTarFile(archive, OCI_ARCHIVE_EXPECTED, signal)
  const ref = reference === '' ? undefined : reference
  const root: { digest?: string } = {}
  const source = new ArchivedLayoutSource(index, {
    kind: 'oci-archive',
    ref: formatSourceRef({
      transport: 'oci-archive',
      path: archive,
      ...(ref ? { reference: ref } : {}),
    }),
    label: `OCI archive ${archive}${ref ? ` (${ref})` : ''}`,
    reference: ref,
    commands: (target) => ociArchiveCommands(archive, ref, root.digest, target),
    refresh: async (refreshSignal) => {
      index = await index.refreshed(OCI_ARCHIVE_EXPECTED, refreshSignal)
      return index
    },
  })
  root.digest = (await source.resolve(signal ? { signal } : {})).digest
  return source
}

export async function openDockerArchive(
  path: string,
  reference: string | undefined,
  signal?: AbortSignal,
): Promise<ImageSource> {
  const archive = resolvePath(path)
  const index = await indexTarFile(archive, DOCKER_ARCHIVE_EXPECTED, signal)
  const ref = reference === '' ? undefined : reference
  return openDockerArchiveMembers(index, {
    kind: 'docker-archive',
    ref: formatSourceRef({
      transport: 'docker-archive',
      path: archive,
      ...(ref ? { reference: ref } : {}),
    }),
    labelPrefix: `docker-archive ${archive}`,
    reference: ref,
    ...(signal ? { signal } : {}),
    commands: (context, target) =>
      dockerArchiveCommands(
        {
          archive,
          entryRef: ref ?? entryName(context.entry),
          rootDigest: context.rootDigest,
          memberOf: context.memberOf,
          configDigest: context.configDigest,
        },
        target,
      ),
  })
}

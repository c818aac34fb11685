// What kind of source a reference reads, in the language shown: the line under a view's title
// ("OCI layout", "registry ghcr.io", "container in Docker"). Worded here from the reference
// itself rather than from the main side's English label.
import { parseSourceRef } from '../../shared/sourceRef'
import { translate } from '../i18n/i18n'

export function sourceKindText(ref: string, fallback: string): string {
  let source
  try {
    source = parseSourceRef(ref)
  } catch {
    return fallback
  }
  switch (source.transport) {
    case 'docker':
      return translate('common:source.registry', { host: source.image.registry })
    case 'oci':
      return translate('common:source.ociLayout')
    case 'oci-archive':
      return translate('common:source.ociArchive')
    case 'docker-archive':
      return translate('common:source.dockerArchive')
    case 'dir':
      return translate('common:source.dir')
    case 'containers-storage':
      return translate('common:source.containersStorage')
    case 'docker-daemon':
      return translate('common:source.dockerDaemon')
    case 'containerd':
      return translate('common:source.containerd', { namespace: source.namespace })
    case 'container':
      return source.store === 'docker-daemon'
        ? translate('common:source.dockerContainer')
        : translate('common:source.storageContainer')
  }
}

// What an equivalent command prints, in the language shown, worded from the note's code and
// data (shared/api/commands.ts). No DOM, so a unit test can check every kind in each language.
import type { CommandNote } from '../../../shared/api'
import { translate } from '../../i18n/translate'

export function commandNoteText(note: CommandNote): string {
  const t = translate
  switch (note.kind) {
    case 'rawManifest':
      return t('commands:note.rawManifest')
    case 'imageSummary':
      return note.forThisMachine
        ? t('commands:note.imageSummaryForThisMachine')
        : t('commands:note.imageSummary')
    case 'layersAndHistory':
      return t('commands:note.layersAndHistory')
    case 'layoutIndex':
      return t('commands:note.layoutIndex')
    case 'manifestFile':
      return t('commands:note.manifestFile')
    case 'objectFile':
      return t('commands:note.objectFile')
    case 'blobFile':
      return t('commands:note.blobFile', { file: note.file })
    case 'archiveMember':
      return t('commands:note.archiveMember')
    case 'archiveLayer':
      return t('commands:note.archiveLayer')
    case 'dockerSaveManifest':
      return t('commands:note.dockerSaveManifest')
    case 'synthesizedManifest':
      return note.from === 'archive'
        ? t('commands:note.synthesizedFromArchive')
        : t('commands:note.synthesizedFromDaemon')
    case 'storedManifest':
      return t('commands:note.storedManifest')
    case 'storeImage':
      return t('commands:note.storeImage', { tool: note.tool })
    case 'buildSteps':
      return t('commands:note.buildSteps')
    case 'storageLayerRecord':
      return t('commands:note.storageLayerRecord')
    case 'layerDirectory':
      return t('commands:note.layerDirectory')
    case 'runtimeConfig':
      return t('commands:note.runtimeConfig')
    case 'exportedConfig':
      return t('commands:note.exportedConfig')
    case 'exportedLayer':
      return t('commands:note.exportedLayer')
    case 'containerdRecord':
      return t('commands:note.containerdRecord')
    case 'contentConfig':
      return t('commands:note.contentConfig')
    case 'contentLayer':
      return t('commands:note.contentLayer', { compression: note.compression })
    case 'hubToken':
      return t('commands:note.hubToken')
    case 'blobToStdout':
      return note.hubToken ? t('commands:note.blobToStdoutHub') : t('commands:note.blobToStdout')
    case 'copyImage':
      return note.blobFile !== undefined
        ? t('commands:note.copyImageBlob', { file: note.blobFile })
        : t('commands:note.copyImage')
    case 'containerChanges':
      return t('commands:note.containerChanges')
    case 'containerSizes':
      return note.tool === 'docker'
        ? t('commands:note.containerSizesDocker')
        : t('commands:note.containerSizesPodman')
  }
}

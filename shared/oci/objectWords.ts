// Which words name an object and say what it is, as keys: the renderer words them in the language
// shown (its image catalogue's object.label and object.explanation); the English label and
// explanation sent beside them are for logs and the command line.

export type ObjectLabelKey =
  | 'ociIndex'
  | 'dockerManifestList'
  | 'ociManifest'
  | 'dockerManifest'
  | 'dockerSchema1'
  | 'dockerSchema1Signed'
  | 'ociConfig'
  | 'dockerConfig'
  | 'emptyConfig'
  | 'gzipLayer'
  | 'zstdLayer'
  | 'tarLayer'
  | 'dockerGzipLayer'
  | 'foreignLayer'
  | 'nondistributableLayer'
  | 'nondistributableGzipLayer'
  | 'nondistributableZstdLayer'
  | 'dockerPluginConfig'
  | 'artifactBlob'
  | 'imageConfig'
  | 'attestationManifest'
  | 'blob'
  | 'jsonBlob'

export type ObjectExplanationKey =
  | 'ociIndex'
  | 'dockerManifestList'
  | 'ociManifest'
  | 'dockerManifest'
  | 'dockerSchema1'
  | 'dockerSchema1Signed'
  | 'ociConfig'
  | 'dockerConfig'
  | 'emptyConfig'
  | 'gzipLayer'
  | 'zstdLayer'
  | 'tarLayer'
  | 'dockerGzipLayer'
  | 'foreignLayer'
  | 'nondistributableLayer'
  | 'nondistributableGzipLayer'
  | 'nondistributableZstdLayer'
  | 'dockerPluginConfig'
  | 'guessedGzipLayer'
  | 'guessedZstdLayer'
  | 'guessedTarLayer'
  | 'artifactBlob'
  | 'recognizedConfig'
  | 'attestationManifest'
  | 'textBlob'
  | 'configBlob'
  | 'jsonBlob'

export interface ObjectWords {
  readonly label: ObjectLabelKey
  readonly explanation: ObjectExplanationKey
}

// Two small images ("one", "two") written to a source layout, then copied by the real skopeo into
// another OCI layout as v1 (one), v2 (two) and latest (one): a layout whose tags a real tool
// wrote, for the tag and history tests of OCI layouts.

import { OciLayoutBuilder } from './ociBuilder'
import { runTool } from './tools'

export type SourceImage = 'one' | 'two'

/** `created` gives each image's config a creation time; without it configs carry none. */
export async function writeSkopeoTaggedLayout(
  source: string,
  layout: string,
  created?: Readonly<Record<SourceImage, string>>,
): Promise<void> {
  const builder = new OciLayoutBuilder(source)
  for (const name of ['one', 'two'] as const) {
    const layer = builder.addLayer([{ type: 'file', path: `${name}.txt`, content: name }], {
      compression: 'gzip',
    })
    const config = builder.addConfig({
      ...(created ? { created: created[name] } : {}),
      architecture: 'amd64',
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: [layer.diffId] },
    })
    builder.tag(name, builder.addManifest({ config, layers: [layer] }))
  }
  await builder.write()
  for (const [from, to] of [
    ['one', 'v1'],
    ['two', 'v2'],
    ['one', 'latest'],
  ] as const) {
    await runTool('skopeo', ['copy', '-q', `oci:${source}:${from}`, `oci:${layout}:${to}`])
  }
}

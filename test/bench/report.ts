// The benchmark's output: a readable table, then the closing lines in the exact form the
// issues ask for (one `name: value` per figure, last in the output).

import type { DigestRateFigures } from './digestRate'
import type { FirstEntryFigures } from './firstEntry'
import type { IndexFigures } from './indexTiming'
import type { Node24IndexFigures } from './node24Index'
import type { TocListFigures } from './tocListing'
import type { OneFileFigures } from './oneFileFetch'
import type { PeakRssFigure } from './peakRss'
import type { RandomReadFigures } from './randomReads'

export interface BenchResults {
  readonly index: IndexFigures
  readonly oneFile: OneFileFigures
  readonly rss: PeakRssFigure
  readonly digests: DigestRateFigures
  readonly randomReads: RandomReadFigures
  readonly firstEntry: FirstEntryFigures
  readonly node24Index: Node24IndexFigures
  readonly tocList: TocListFigures
}

interface Row {
  readonly figure: string
  readonly strata: string
  readonly reference: string
  readonly ratio: string
  readonly target: string
}

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`
const ms = (value: number): string => `${value.toFixed(0)} ms`
const fraction = (part: number, whole: number): string => (part / whole).toFixed(3)

export function closingLines(r: BenchResults): Record<string, string> {
  const { index } = r
  return {
    index_vs_gunzip: (index.strataGzipMs / index.gunzipMs).toFixed(2),
    index_vs_tar: (index.strataGzipMs / index.tarGzipMs).toFixed(2),
    index_zstd_vs_native: (index.strataZstdMs / index.zstdTarMs).toFixed(2),
    index_zstd_vs_native_node24:
      'skip' in r.node24Index
        ? 'skipped'
        : (r.node24Index.strataMs / r.node24Index.zstdTarMs).toFixed(2),
    toc_list_fraction: (r.tocList.listBytes / r.tocList.layerSize).toFixed(3),
    one_file_fetch_fraction: (r.oneFile.coldBytes / r.oneFile.layerSize).toFixed(3),
    reopen_ms: index.reopenMs.toFixed(0),
    peak_rss_mb: r.rss.peakRssMb.toFixed(0),
    digest_rate_vs_undici: (r.digests.strataTagsPerSecond / r.digests.bareTagsPerSecond).toFixed(2),
    random_read_ok: (r.randomReads.exact / r.randomReads.reads).toFixed(2),
    random_read_p95_ms: r.randomReads.registry.p95Ms.toFixed(0),
    first_entry_ms: r.firstEntry.firstEntryMs.toFixed(0),
  }
}

function rows(r: BenchResults): Row[] {
  const { index, oneFile, rss, digests, randomReads } = r
  const lines = closingLines(r)
  return [
    {
      figure: 'index gzip layer vs Node gunzip',
      strata: ms(index.strataGzipMs),
      reference: `${ms(index.gunzipMs)} (createGunzip → null)`,
      ratio: lines.index_vs_gunzip ?? '',
      target: '≤ 1.15',
    },
    {
      figure: 'index gzip layer, worker started via tsx',
      strata: ms(index.strataGzipTsxWorkerMs),
      reference: `${ms(index.gunzipMs)} (createGunzip → null)`,
      ratio: (index.strataGzipTsxWorkerMs / index.gunzipMs).toFixed(2),
      target: '(dev mode only)',
    },
    {
      figure: 'index gzip layer vs GNU tar',
      strata: ms(index.strataGzipMs),
      reference: `${ms(index.tarGzipMs)} (tar -tzvf)`,
      ratio: lines.index_vs_tar ?? '',
      target: '≤ 0.65',
    },
    {
      figure: 'index zstd layer vs zstd | tar',
      strata: ms(index.strataZstdMs),
      reference: `${ms(index.zstdTarMs)} (zstd -dc | tar -tv)`,
      ratio: lines.index_zstd_vs_native ?? '',
      target: '—',
    },
    {
      figure: 'index zstd layer vs zstd | tar, Node 24',
      strata:
        'skip' in r.node24Index
          ? 'skipped'
          : `${ms(r.node24Index.strataMs)} (${r.node24Index.version})`,
      reference:
        'skip' in r.node24Index
          ? r.node24Index.skip
          : `${ms(r.node24Index.zstdTarMs)} (zstd -dc | tar -tv)`,
      ratio: lines.index_zstd_vs_native_node24 ?? '',
      target: '≤ 1.3',
    },
    ...('skip' in r.node24Index
      ? []
      : [
          {
            figure: 'the same, the next layer (index thread already up)',
            strata: ms(r.node24Index.nextLayerMs),
            reference: `${ms(r.node24Index.zstdTarMs)} (zstd -dc | tar -tv)`,
            ratio: (r.node24Index.nextLayerMs / r.node24Index.zstdTarMs).toFixed(2),
            target: '—',
          },
          {
            figure: 'the same, with the index thread starting first (once per launch)',
            strata: ms(r.node24Index.withThreadStartMs),
            reference: `${ms(r.node24Index.zstdTarMs)} (zstd -dc | tar -tv)`,
            ratio: (r.node24Index.withThreadStartMs / r.node24Index.zstdTarMs).toFixed(2),
            target: '—',
          },
        ]),
    {
      figure: `list a ${r.tocList.format} rootfs layer from its TOC`,
      strata: `${(r.tocList.listBytes / 1024).toFixed(0)} KiB fetched`,
      reference: `${mib(r.tocList.layerSize)} layer, ${r.tocList.entries} entries`,
      ratio: lines.toc_list_fraction ?? '',
      target: '≤ 0.02',
    },
    {
      figure: `read /${oneFile.path} (${(oneFile.fileSize / 1024).toFixed(0)} KiB)`,
      strata: `${mib(oneFile.coldBytes)} fetched`,
      reference: `${mib(oneFile.layerSize)} layer`,
      ratio: lines.one_file_fetch_fraction ?? '',
      target:
        oneFile.spanPlusFileBytes !== undefined
          ? `≤ ${fraction(oneFile.spanPlusFileBytes, oneFile.layerSize)} (one span + the file)`
          : '≤ one span + the file (no checkpoints recorded)',
    },
    {
      figure: 'reopen index from cache',
      strata: `${index.reopenMs.toFixed(1)} ms`,
      reference: `${index.entries} entries`,
      ratio: '',
      target: '< 50 ms',
    },
    {
      figure: `peak RSS indexing ${mib(rss.uncompressedBytes)} (${mib(rss.compressedBytes)} gz)`,
      strata: `${rss.peakRssMb.toFixed(0)} MB`,
      reference: `${mb(rss.baselineRssKiB * 1024)} before reading; ${rss.entries} entries`,
      ratio: '',
      target: '≤ 200 MB',
    },
    {
      figure: `resolve ${digests.tags} tag digests (${digests.concurrency} in flight)`,
      strata: `${digests.strataTagsPerSecond.toFixed(0)} tags/s`,
      reference: `${digests.bareTagsPerSecond.toFixed(0)} tags/s (undici HEAD loop)`,
      ratio: lines.digest_rate_vs_undici ?? '',
      target: '≥ 0.9',
    },
    {
      figure: `${randomReads.reads} random file reads equal to GNU tar's`,
      strata: `${randomReads.exact} exact`,
      reference: 'tar -x of the same files',
      ratio: lines.random_read_ok ?? '',
      target: '1.00',
    },
    {
      figure: 'random read p95, registry (empty blob cache)',
      strata: ms(randomReads.registry.p95Ms),
      reference: `p50 ${ms(randomReads.registry.p50Ms)}, max ${ms(randomReads.registry.maxMs)}`,
      ratio: '',
      target: '< 150 ms',
    },
    {
      figure: 'random read p95, local OCI layout',
      strata: ms(randomReads.layout.p95Ms),
      reference: `p50 ${ms(randomReads.layout.p50Ms)}, max ${ms(randomReads.layout.maxMs)}`,
      ratio: '',
      target: '—',
    },
    {
      figure: `first entries of an un-indexed ${mib(r.firstEntry.layerSize)} layer at 20 MiB/s`,
      strata: `${ms(r.firstEntry.firstEntryMs)} (${mib(r.firstEntry.firstEntryBytes)} in)`,
      reference: `${ms(r.firstEntry.wholeLayerMs)} (whole layer downloaded and indexed)`,
      ratio: '',
      target: '< 1000 ms',
    },
  ]
}

export function formatTable(r: BenchResults): string {
  const header: Row = {
    figure: 'figure',
    strata: 'Strata',
    reference: 'reference',
    ratio: 'ratio',
    target: 'target',
  }
  const all = [header, ...rows(r)]
  const keys = Object.keys(header) as (keyof Row)[]
  const widths = keys.map((k) => Math.max(...all.map((row) => row[k].length)))
  const line = (row: Row): string =>
    keys
      .map((k, i) => row[k].padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd()
  const rule = widths.map((w) => '-'.repeat(w)).join('  ')
  return [line(header), rule, ...all.slice(1).map(line)].join('\n')
}

/** A markdown version of the same table, for the README. */
export function formatMarkdown(r: BenchResults): string {
  const cell = (text: string): string => text.replaceAll('|', '\\|')
  const body = rows(r).map(
    (row) =>
      `| ${cell(row.figure)} | ${cell(row.strata)} | ${cell(row.reference)} | ${row.ratio} | ` +
      `${cell(row.target)} |`,
  )
  return [
    '| figure | Strata | reference | ratio | target |',
    '| --- | --- | --- | --- | --- |',
    ...body,
  ].join('\n')
}

export function formatClosing(r: BenchResults): string {
  return Object.entries(closingLines(r))
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n')
}

// CSV and JSON of file lists: RFC 4180 quoting, formulas defused in text cells only, a header
// row, stable keys; file names after the image.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { FileListItem } from '../../../shared/api'
import {
  FILE_CHANGE_COLUMNS,
  FILE_LIST_COLUMNS,
} from '../../../renderer/components/fileListColumns'
import { csvField, exportFileName, toCsv, toJson } from '../../../renderer/components/listExport'

const entry = {
  type: 'file' as const,
  mode: 0o755,
  uid: 0,
  gid: 0,
  size: 12,
  mtime: 1_700_000_000,
  headerOffset: 0,
  dataOffset: 512,
  storedSize: 12,
}

test('CSV fields: quotes doubled, commas and line breaks quoted, formulas defused', () => {
  assert.equal(csvField('plain'), 'plain')
  assert.equal(csvField('a,b'), '"a,b"')
  assert.equal(csvField('say "hi"'), '"say ""hi"""')
  assert.equal(csvField('two\nlines'), '"two\nlines"')
  assert.equal(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`)
  assert.equal(csvField('+1'), "'+1")
  assert.equal(csvField('-rf'), "'-rf")
  assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)")
  assert.equal(csvField('\tx'), "'\tx")
  // Numbers are data, not text a spreadsheet would parse as a formula.
  assert.equal(csvField(-3), '-3')
  assert.equal(csvField(null), '')
  assert.equal(csvField(false), 'false')
})

test('a file list as CSV: header row, one CRLF line per item, same rows as JSON', () => {
  const items: FileListItem[] = [
    {
      path: 'etc/motd',
      layer: 1,
      change: 'modified',
      entry: { ...entry, path: 'etc/motd', mode: 0o644 },
    },
    { path: '=cmd|calc', layer: 1, change: 'added', entry: { ...entry, path: '=cmd|calc' } },
    {
      path: 'bin/sh',
      layer: 0,
      entry: { ...entry, path: 'bin/sh', type: 'symlink', size: 0, linkname: 'busybox' },
    },
    { path: 'etc/gone', layer: 1, change: 'deleted' },
  ]
  const csv = toCsv(FILE_LIST_COLUMNS, items)
  const lines = csv.split('\r\n')
  assert.equal(lines.at(-1), '', 'ends with CRLF')
  assert.equal(lines[0], 'path,kind,change,size,mode,uid,gid,modified,linkTarget,layer')
  assert.equal(lines[1], '/etc/motd,file,modified,12,0644,0,0,2023-11-14T22:13:20.000Z,,2')
  assert.equal(lines[2]?.split(',')[0], '/=cmd|calc', 'starts with a slash: not a formula')
  assert.equal(lines[3], '/bin/sh,symlink,,0,0755,0,0,2023-11-14T22:13:20.000Z,busybox,1')
  assert.equal(lines[4], '/etc/gone,,deleted,,,,,,,2')
  const json: unknown = JSON.parse(toJson(FILE_LIST_COLUMNS, items))
  assert.ok(Array.isArray(json))
  assert.equal(json.length, items.length)
  assert.deepEqual(
    Object.keys(json[0] as object),
    FILE_LIST_COLUMNS.map((c) => c.key),
  )
  assert.deepEqual(json[3], {
    path: '/etc/gone',
    kind: null,
    change: 'deleted',
    size: null,
    mode: null,
    uid: null,
    gid: null,
    modified: null,
    linkTarget: null,
    layer: 2,
  })
})

test('file names after the image, whatever the transport', () => {
  assert.equal(exportFileName('alpine:3.20', 'graph', 'svg'), 'alpine-3.20-graph.svg')
  assert.equal(
    exportFileName('docker://docker.io/library/alpine:3.20', 'graph', 'png'),
    'alpine-3.20-graph.png',
  )
  assert.equal(exportFileName('localhost:5000/class/app:1', 'history', 'svg'), 'app-1-history.svg')
  assert.equal(exportFileName('oci:/tmp/layout:demo', 'files', 'csv'), 'layout-demo-files.csv')
  assert.equal(
    exportFileName(`ghcr.io/o/r@sha256:${'ab'.repeat(32)}`, 'graph', 'svg'),
    'r-abababababab-graph.svg',
  )
  assert.equal(
    exportFileName('containers-storage:[vfs@/g+/r]example.com/x:v1', 'layer-2-files', 'json'),
    'x-v1-layer-2-files.json',
  )
})

test('a compare diff as CSV: path, kind, change, both sizes and the delta', () => {
  const csv = toCsv(FILE_CHANGE_COLUMNS, [
    {
      path: 'etc/motd',
      status: 'changed',
      kind: 'file',
      leftSize: 10,
      rightSize: 4,
      sizeDelta: -6,
    },
    { path: 'usr/bin/new', status: 'added', kind: 'file', rightSize: 7, sizeDelta: 7 },
  ])
  assert.equal(
    csv,
    'path,kind,change,leftSize,rightSize,sizeDelta\r\n/etc/motd,file,changed,10,4,-6\r\n/usr/bin/new,file,added,,7,7\r\n',
  )
})

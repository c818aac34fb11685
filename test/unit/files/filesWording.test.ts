// The files feature's main-side notes are data: every TOC warning and every inspect problem
// kind gets words in English and in Spanish from the files catalogues (different words, no raw
// key or placeholder left, the parameters in the text), and the shared English formatter
// words every kind for logs.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import i18next from 'i18next'
import type { InspectProblem, TocWarning } from '../../../shared/api/files'
import { englishInspectProblem } from '../../../shared/inspectProblemText'
import { englishTocWarning } from '../../../shared/tocWarningText'
import { tocWarningText } from '../../../renderer/features/files/tocWarningText'
import { inspectProblemText } from '../../../renderer/features/files/inspect/inspectProblemText'
import { initTranslations } from '../../../renderer/i18n/translate'

const DIGEST_A = `sha256:${'a'.repeat(64)}`
const DIGEST_B = `sha256:${'b'.repeat(64)}`

/** Each warning with the parameters its words must show. */
const WARNINGS: readonly [TocWarning, readonly string[]][] = [
  [
    {
      kind: 'tocIgnored',
      format: 'estargz',
      error: { code: 'MALFORMED', message: 'the estargz table of contents: bad entry 0' },
    },
    ['estargz'],
  ],
  [
    { kind: 'fileRangeUnreadable', path: 'usr/bin/tool', start: 1234, end: 5678 },
    ['/usr/bin/tool', '1234', '5678'],
  ],
  [
    {
      kind: 'fileDigestMismatch',
      path: 'etc/os-release',
      expectedDigest: DIGEST_A,
      actualDigest: DIGEST_B,
    },
    ['/etc/os-release', DIGEST_A, DIGEST_B],
  ],
]

const PROBLEMS: readonly [InspectProblem, readonly string[]][] = [
  [{ kind: 'elfNoMagic' }, []],
  [{ kind: 'elfUnknownClass', value: 7 }, ['7']],
  [{ kind: 'elfUnknownEncoding', value: 9 }, ['9']],
  [{ kind: 'elfHeaderCutShort' }, []],
  [{ kind: 'elfFieldOutOfRange', field: 'segmentSize' }, []],
  [{ kind: 'elfPartTooLarge', part: 'programHeaders', limitBytes: 1024 * 1024 }, ['1 MiB']],
  [{ kind: 'elfPartOutsideFile', part: 'sectionHeaders' }, []],
  [{ kind: 'elfPartCutShort', part: 'dynamicStrings' }, []],
  [{ kind: 'elfEntriesTooSmall', table: 'programHeaders', entryBytes: 12 }, ['12']],
  [{ kind: 'elfEntriesTooSmall', table: 'sectionHeaders', entryBytes: 13 }, ['13']],
  [{ kind: 'elfNoDynamicStrings' }, []],
  [{ kind: 'pemBlockUndecodable', block: 3, label: 'CERTIFICATE' }, ['3', 'CERTIFICATE']],
  [
    {
      kind: 'pemBlockUndecodable',
      block: 2,
      label: 'TRUSTED CERTIFICATE',
      cause: 'ERR_OSSL_ASN1_WRONG_TAG',
    },
    ['2', 'TRUSTED CERTIFICATE', 'ERR_OSSL_ASN1_WRONG_TAG'],
  ],
]

function wordAll<T>(items: readonly [T, readonly string[]][], word: (item: T) => string) {
  initTranslations('en')
  const english = items.map(([item]) => word(item))
  void i18next.changeLanguage('es')
  const spanish = items.map(([item]) => word(item))
  return { english, spanish }
}

function checkWords<T extends { kind: string }>(
  items: readonly [T, readonly string[]][],
  english: readonly string[],
  spanish: readonly string[],
): void {
  for (const [i, [item, params]] of items.entries()) {
    const en = english[i] ?? ''
    const es = spanish[i] ?? ''
    for (const text of [en, es]) {
      assert.ok(text.trim() !== '', `${item.kind} has words`)
      assert.doesNotMatch(text, /\{\{|files:|inspect\.|toc\./, `${item.kind}: no raw key`)
      for (const param of params) assert.ok(text.includes(param), `${item.kind}: ${text}`)
    }
    assert.notEqual(es, en, `${item.kind} is worded in Spanish`)
  }
  assert.equal(new Set(english).size, english.length, 'each kind reads differently')
}

test('every TOC warning kind is worded in English and Spanish with its parameters', () => {
  const { english, spanish } = wordAll(WARNINGS, tocWarningText)
  checkWords(WARNINGS, english, spanish)
  assert.equal(
    spanish[2],
    `/etc/os-release: los bytes a los que apunta la tabla de contenidos tienen el resumen ${DIGEST_B}, no el ${DIGEST_A} que ella indica; el archivo se leyó de la capa entera.`,
  )
  // The ignored TOC's nested error is worded by the errors catalogue, not its English message.
  assert.ok(!(spanish[0] ?? '').includes('bad entry 0'))
})

test('every inspect problem kind is worded in English and Spanish with its parameters', () => {
  const { english, spanish } = wordAll(PROBLEMS, inspectProblemText)
  checkWords(PROBLEMS, english, spanish)
  assert.equal(spanish[6], 'la tabla de cabeceras de sección queda fuera del archivo')
})

test('the English formatters word every kind for logs, as the renderer does in English', () => {
  for (const [warning, params] of WARNINGS) {
    const text = englishTocWarning(warning)
    for (const param of params) assert.ok(text.includes(param), text)
  }
  const { english } = wordAll(PROBLEMS, inspectProblemText)
  // Inspect problems read the same on the page in English as in the log.
  assert.deepEqual(
    english,
    PROBLEMS.map(([problem]) => englishInspectProblem(problem)),
  )
})

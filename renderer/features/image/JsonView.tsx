// A JSON document pretty-printed with React elements. Strings that are digests are buttons:
// they select the node when it is in the graph, otherwise fetch the object by digest.
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { CopyButton } from '../../components/CopyButton'
import { useFormat } from '../../i18n/useFormat'
import { jsonLines, parseDocument, type JsonToken } from './jsonLines'

interface JsonViewProps {
  readonly text: string
  /** Replaces "N characters as received" when the text is not the document as fetched. */
  readonly note?: string
  readonly isInGraph: (digest: string) => boolean
  readonly onDigest: (digest: string, mediaType: string | undefined) => void
}

export function JsonView({ text, note, isInGraph, onDigest }: JsonViewProps) {
  const { t } = useTranslation('image')
  const format = useFormat()
  const parsed = useMemo(() => parseDocument(text), [text])
  const lines = useMemo(() => (parsed ? jsonLines(parsed.value) : undefined), [parsed])
  const pretty = useMemo(
    () => (parsed ? JSON.stringify(parsed.value, null, 2) : text),
    [parsed, text],
  )
  return (
    <div className="json-view">
      <div className="json-toolbar">
        <span className="hint">
          {note ??
            t('json.received', { count: text.length, formatted: format.number(text.length) })}
        </span>
        <CopyButton text={pretty} what={t('copy.document')} />
      </div>
      <pre className="json" data-testid="details-json">
        {lines
          ? lines.map((line, i) => (
              <div key={i} className="json-line">
                {'  '.repeat(line.indent)}
                {line.tokens.map((token, j) => (
                  <Token key={j} token={token} isInGraph={isInGraph} onDigest={onDigest} />
                ))}
              </div>
            ))
          : text}
      </pre>
    </div>
  )
}

function Token({
  token,
  isInGraph,
  onDigest,
}: {
  readonly token: JsonToken
  readonly isInGraph: (digest: string) => boolean
  readonly onDigest: (digest: string, mediaType: string | undefined) => void
}) {
  const { t } = useTranslation('image')
  if (token.kind !== 'digest') return <span className={`json-${token.kind}`}>{token.text}</span>
  if (token.diffId) {
    return (
      <span className="json-string json-diffid" title={t('json.diffId')}>
        {token.text}
      </span>
    )
  }
  const inGraph = isInGraph(token.digest)
  return (
    <span className="json-string">
      &quot;
      <button
        type="button"
        className={inGraph ? 'json-digest in-graph' : 'json-digest'}
        data-digest={token.digest}
        title={inGraph ? t('json.select') : t('json.fetch')}
        onClick={() => onDigest(token.digest, token.mediaType)}
      >
        {token.digest}
      </button>
      &quot;
    </span>
  )
}

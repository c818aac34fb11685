// A JSON document pretty-printed with React elements. Strings that are digests are buttons:
// they select the node when it is in the graph, otherwise fetch the object by digest.
import { useMemo } from 'react'
import { CopyButton } from '../../components/CopyButton'
import { jsonLines, parseDocument, type JsonToken } from './jsonLines'

interface JsonViewProps {
  readonly text: string
  /** Replaces "N characters as received" when the text is not the document as fetched. */
  readonly note?: string
  readonly isInGraph: (digest: string) => boolean
  readonly onDigest: (digest: string, mediaType: string | undefined) => void
}

export function JsonView({ text, note, isInGraph, onDigest }: JsonViewProps) {
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
          {note ?? `${text.length.toLocaleString()} characters as received`}
        </span>
        <CopyButton text={pretty} what="document" />
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
  if (token.kind !== 'digest') return <span className={`json-${token.kind}`}>{token.text}</span>
  if (token.diffId) {
    return (
      <span
        className="json-string json-diffid"
        title="diff ID: the digest of the uncompressed layer tar. Registries store the compressed layer, so this digest is not fetchable."
      >
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
        title={inGraph ? 'Select this object in the graph' : 'Fetch this object by digest'}
        onClick={() => onDigest(token.digest, token.mediaType)}
      >
        {token.digest}
      </button>
      &quot;
    </span>
  )
}

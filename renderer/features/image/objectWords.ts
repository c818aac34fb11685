// The words for what an object is. The main side names objects in English (shared/oci/mediaTypes
// and the graph builder); the English catalogue holds the same sentences, so each one is found
// there by its text and shown in the chosen language. Text the catalogue lacks stays as sent.
import type { GraphNode } from '../../../shared/api'
import { translate } from '../../i18n/translate'
import { image as english } from '../../i18n/en/image'

type LabelKey = keyof typeof english.object.label
type ExplanationKey = keyof typeof english.object.explanation

function keyOf<K extends string>(table: Readonly<Record<K, string>>, text: string): K | undefined {
  return (Object.keys(table) as K[]).find((key) => table[key] === text)
}

/** "OCI index" → "índice OCI" in Spanish. */
export function objectLabel(label: string): string {
  const key: LabelKey | undefined = keyOf(english.object.label, label)
  return key ? translate(`image:object.label.${key}` as const, {}) : label
}

/** The one sentence saying what an object is, in the chosen language. */
export function objectExplanation(explanation: string): string {
  const key: ExplanationKey | undefined = keyOf(english.object.explanation, explanation)
  return key ? translate(`image:object.explanation.${key}` as const, {}) : explanation
}

export function nodeLabel(node: Pick<GraphNode, 'label'>): string {
  return objectLabel(node.label)
}

export function nodeExplanation(node: Pick<GraphNode, 'explanation'>): string {
  return objectExplanation(node.explanation)
}

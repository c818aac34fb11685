// The words for what an object is, in the language shown, from the keys the main side sends
// beside its English label (shared/oci/objectWords.ts). An object without keys (the container
// node the renderer adds) shows its label as it is.
import type { GraphNode } from '../../../shared/api'
import type {
  ObjectExplanationKey,
  ObjectLabelKey,
  ObjectWords,
} from '../../../shared/oci/objectWords'
import { translate } from '../../i18n/translate'
import type { image as english } from '../../i18n/en/image'

// Every key the main side may send has words in the catalogue (tsc checks it here).
type Covers<K extends string, T> = [K] extends [keyof T] ? true : never
const LABELS_WORDED: Covers<ObjectLabelKey, typeof english.object.label> = true
const EXPLANATIONS_WORDED: Covers<ObjectExplanationKey, typeof english.object.explanation> = true
void LABELS_WORDED
void EXPLANATIONS_WORDED

/** "OCI index" → "índice OCI" in Spanish. */
export function objectLabel(words: ObjectWords | undefined, label: string): string {
  return words ? translate(`image:object.label.${words.label}` as const) : label
}

/** The one sentence saying what an object is, in the language shown. */
export function objectExplanation(words: ObjectWords | undefined, explanation: string): string {
  return words ? translate(`image:object.explanation.${words.explanation}` as const) : explanation
}

export function nodeLabel(node: Pick<GraphNode, 'label' | 'words'>): string {
  return objectLabel(node.words, node.label)
}

export function nodeExplanation(node: Pick<GraphNode, 'explanation' | 'words'>): string {
  return objectExplanation(node.words, node.explanation)
}

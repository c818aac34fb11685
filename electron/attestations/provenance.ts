// SLSA provenance predicates (v0.2 and v1) summarised: who built it (builder id), how (build
// type, parameters, steps where recorded), from what (materials / resolved dependencies) and
// when. Everything else stays in the raw statement.

import type { ProvenanceSummary } from '../../shared/api/attestations'
import { digestSet, isRecord, list, rec, shortText, str } from './jsonFields'

const MAX_ROWS = 500

export const SLSA_V02 = 'https://slsa.dev/provenance/v0.2'
export const SLSA_V1 = 'https://slsa.dev/provenance/v1'

export function isProvenanceType(predicateType: string): boolean {
  return predicateType === SLSA_V02 || predicateType.startsWith(SLSA_V1)
}

export function summarizeProvenance(
  predicateType: string,
  predicate: unknown,
): ProvenanceSummary | undefined {
  if (!isRecord(predicate)) return undefined
  return summarize(predicateType === SLSA_V02 ? fieldsOfV02(predicate) : fieldsOfV1(predicate))
}

/** Where one SLSA version keeps each part of the summary. */
interface ProvenanceFields {
  readonly slsaVersion: ProvenanceSummary['slsaVersion']
  readonly builderId: string | undefined
  readonly buildType: string | undefined
  readonly parameters: readonly { name: string; value: string }[]
  readonly steps: readonly string[]
  readonly materials: readonly unknown[]
  readonly startedOn: string | undefined
  readonly finishedOn: string | undefined
}

function fieldsOfV02(predicate: Record<string, unknown>): ProvenanceFields {
  const invocation = rec(predicate, 'invocation')
  const metadata = rec(predicate, 'metadata')
  return {
    slsaVersion: '0.2',
    builderId: str(rec(predicate, 'builder'), 'id'),
    buildType: str(predicate, 'buildType'),
    parameters: [
      ...entries(rec(invocation, 'configSource'), 'configSource.'),
      ...entries(rec(invocation, 'parameters'), 'parameters.'),
    ],
    steps: steps(rec(predicate, 'buildConfig')),
    materials: list(predicate, 'materials'),
    startedOn: str(metadata, 'buildStartedOn'),
    finishedOn: str(metadata, 'buildFinishedOn'),
  }
}

function fieldsOfV1(predicate: Record<string, unknown>): ProvenanceFields {
  const definition = rec(predicate, 'buildDefinition')
  const run = rec(predicate, 'runDetails')
  const metadata = rec(run, 'metadata')
  return {
    slsaVersion: '1',
    builderId: str(rec(run, 'builder'), 'id'),
    buildType: str(definition, 'buildType'),
    parameters: [
      ...entries(rec(definition, 'externalParameters'), ''),
      ...entries(rec(definition, 'internalParameters'), 'internal.'),
    ],
    steps: steps(rec(definition, 'internalParameters') ?? rec(definition, 'externalParameters')),
    materials: list(definition, 'resolvedDependencies'),
    startedOn: str(metadata, 'startedOn'),
    finishedOn: str(metadata, 'finishedOn'),
  }
}

function summarize(fields: ProvenanceFields): ProvenanceSummary {
  const { builderId, buildType, startedOn, finishedOn } = fields
  return {
    slsaVersion: fields.slsaVersion,
    ...(builderId !== undefined ? { builderId } : {}),
    ...(buildType !== undefined ? { buildType } : {}),
    parameters: [...fields.parameters],
    steps: [...fields.steps],
    materials: materials(fields.materials),
    ...(startedOn !== undefined ? { startedOn } : {}),
    ...(finishedOn !== undefined ? { finishedOn } : {}),
  }
}

function entries(
  record: Record<string, unknown> | undefined,
  prefix: string,
): { name: string; value: string }[] {
  if (record === undefined) return []
  return Object.entries(record)
    .slice(0, MAX_ROWS)
    .map(([name, value]) => ({ name: `${prefix}${name}`, value: shortText(value) }))
}

/** Steps where the predicate lists them: `steps` (generic builders) or buildkit's LLB ops. */
function steps(config: Record<string, unknown> | undefined): string[] {
  const listed = list(config, 'steps')
  if (listed.length > 0) {
    return listed.slice(0, MAX_ROWS).map((step) => {
      const command = list(step, 'command')
      if (command.length > 0) return command.map((c) => shortText(c)).join(' ')
      return str(step, 'name') ?? shortText(step)
    })
  }
  return list(config, 'llbDefinition')
    .slice(0, MAX_ROWS)
    .map((op) => {
      const exec = rec(rec(op, 'op'), 'exec')
      const args = list(rec(exec, 'meta'), 'args')
      if (args.length > 0) return `RUN ${args.map((a) => shortText(a)).join(' ')}`
      const source = str(rec(rec(op, 'op'), 'source'), 'identifier')
      return source !== undefined ? `FROM ${source}` : shortText(rec(op, 'op') ?? op, 160)
    })
}

function materials(items: readonly unknown[]): { uri: string; digest?: string }[] {
  return items.slice(0, MAX_ROWS).flatMap((item) => {
    const uri = str(item, 'uri') ?? str(item, 'name')
    if (uri === undefined) return []
    const first = digestSet(rec(item, 'digest'))[0]
    return [
      { uri, ...(first !== undefined ? { digest: `${first.algorithm}:${first.value}` } : {}) },
    ]
  })
}

// The timeline's geometry: one lane per tag, one bar per segment (x = time), the same colour
// for the same digest in every lane, a marker per move. Pure (d3 scales only), so it is
// unit-tested; HistoryTimeline.tsx draws what this returns.
import { scaleUtc, type ScaleTime } from 'd3'
import type { RepositoryTimeline, TagMove } from '../../../shared/api/history'

/** Distinct colours the timeline cycles through (same digest = same colour index). */
export const DIGEST_COLOURS = 10

export interface TimelineLayout {
  readonly width: number
  /** Room on the left for the tag names. */
  readonly labelWidth: number
  readonly laneHeight: number
  /** Room on top for the time axis. */
  readonly axisHeight: number
}

export interface PlacedSegment {
  readonly tag: string
  readonly digest: string
  readonly from: string
  readonly to: string
  readonly observations: number
  readonly colour: number
  readonly x: number
  readonly width: number
  readonly lane: number
}

export interface PlacedMove extends TagMove {
  readonly lane: number
  /** Where the new digest was first seen. */
  readonly x: number
  /** Where the old one was last seen: the move happened somewhere in between. */
  readonly xBefore: number
}

export interface TimelineModel {
  readonly lanes: readonly string[]
  readonly segments: readonly PlacedSegment[]
  readonly moves: readonly PlacedMove[]
  readonly colours: ReadonlyMap<string, number>
  readonly scale: ScaleTime<number, number>
  readonly height: number
}

/** A bar never gets narrower than this, so a single sighting can still be hovered. */
export const MIN_SEGMENT_WIDTH = 6
/** Around a single instant (one sighting), the timeline shows a minute either side. */
const LONE_PAD = 60_000

/**
 * Colour indexes by first sighting (earliest `from`, ties by digest): stable for a journal
 * that only grows, so a digest keeps its colour as new observations arrive.
 */
export function digestColours(timeline: RepositoryTimeline): Map<string, number> {
  const first = new Map<string, number>()
  for (const tag of timeline.tags) {
    for (const segment of tag.segments) {
      const ms = Date.parse(segment.from)
      const known = first.get(segment.digest)
      if (known === undefined || ms < known) first.set(segment.digest, ms)
    }
  }
  const ordered = [...first].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
  return new Map(ordered.map(([digest], i) => [digest, i % DIGEST_COLOURS]))
}

/** The time span shown: every sighting, padded a little; two minutes around sightings within one. */
export function timeDomain(timeline: RepositoryTimeline, now?: number): [Date, Date] {
  let min = Infinity
  let max = -Infinity
  for (const tag of timeline.tags) {
    for (const segment of tag.segments) {
      min = Math.min(min, Date.parse(segment.from))
      max = Math.max(max, Date.parse(segment.to))
    }
  }
  if (!Number.isFinite(min) || !Number.isFinite(max)) {
    const at = now ?? 0
    return [new Date(at - LONE_PAD), new Date(at + LONE_PAD)]
  }
  // Sightings within a minute (a demo recording twice): two minutes around them, so the axis
  // ticks fall seconds apart and read differently.
  if (max - min < LONE_PAD) {
    const middle = (min + max) / 2
    return [new Date(middle - LONE_PAD), new Date(middle + LONE_PAD)]
  }
  const pad = (max - min) * 0.03
  return [new Date(min - pad), new Date(max + pad)]
}

/** Lane order: the focused tag first, then the rest by name as the journal sorted them. */
export function laneOrder(timeline: RepositoryTimeline, focus?: string): string[] {
  const names = timeline.tags.map((t) => t.tag)
  if (focus === undefined || !names.includes(focus)) return names
  return [focus, ...names.filter((n) => n !== focus)]
}

export function buildTimeline(
  timeline: RepositoryTimeline & { readonly moves: readonly TagMove[] },
  layout: TimelineLayout,
  focus?: string,
): TimelineModel {
  const lanes = laneOrder(timeline, focus)
  const laneOf = new Map(lanes.map((tag, i) => [tag, i]))
  const colours = digestColours(timeline)
  // UTC, as every time in the history view is printed: ticks fall on UTC hours and days.
  const scale = scaleUtc()
    .domain(timeDomain(timeline))
    .range([layout.labelWidth, Math.max(layout.labelWidth + 1, layout.width - 12)])
  const segments: PlacedSegment[] = []
  for (const tag of timeline.tags) {
    const lane = laneOf.get(tag.tag) ?? 0
    for (const segment of tag.segments) {
      const x0 = scale(new Date(segment.from))
      const x1 = scale(new Date(segment.to))
      const width = Math.max(MIN_SEGMENT_WIDTH, x1 - x0)
      segments.push({
        tag: tag.tag,
        digest: segment.digest,
        from: segment.from,
        to: segment.to,
        observations: segment.observations,
        colour: colours.get(segment.digest) ?? 0,
        // A too-short bar grows around its middle.
        x: x1 - x0 >= MIN_SEGMENT_WIDTH ? x0 : (x0 + x1) / 2 - MIN_SEGMENT_WIDTH / 2,
        width,
        lane,
      })
    }
  }
  const moves = timeline.moves
    .filter((move) => laneOf.has(move.tag))
    .map((move) => ({
      ...move,
      lane: laneOf.get(move.tag) ?? 0,
      x: scale(new Date(move.at)),
      xBefore: scale(new Date(move.lastSeenBefore)),
    }))
  return {
    lanes,
    segments,
    moves,
    colours,
    scale,
    height: layout.axisHeight + lanes.length * layout.laneHeight + 8,
  }
}

// `meshcast top`'s screen as a pure function of two samples of a node: rates are counter
// differences over the real time between the samples. No I/O, no clock: top.ts samples the
// node through its control socket and draws what this returns.
import type { DropCounts, NodeStats, NodeTopicView } from '../node/mesh-node.ts'
import type { TopicCounts } from '../node/topic-counters.ts'

/** One sample of a node: what the control socket's 'info', 'stats' and 'topics' returned. */
export interface TopSample {
  peerId: string
  /** Wall-clock time of the sample (ms since the epoch), shown in the header. */
  time: number
  stats: NodeStats
  topics: NodeTopicView[]
}

/** Messages per second; null when there is no earlier sample to compare with. */
export interface Rates {
  published: number | null
  delivered: number | null
  forwarded: number | null
}

export interface TopTopicRow {
  topic: string
  role: NodeTopicView['role']
  subscribed: boolean
  depth: number
  parent: string | null
  children: number
  /** Subscribers in this node's subtree. */
  subscribers: number
  rates: Rates
  counts: TopicCounts
  /** Messages of this topic dropped on this node since it started, all reasons. */
  dropped: number
}

/** What `meshcast top --json` prints, and what the screen shows. */
export interface TopSnapshot {
  peerId: string
  time: string
  /** The real time between the two samples the rates come from (0: one sample). */
  elapsedMs: number
  peers: number
  routingTable: number
  rates: Rates
  counts: TopicCounts
  queued: { libp2p: number, zeromq: number, pending: number }
  dropped: DropCounts
  /** Drops per second by reason (empty with one sample). */
  dropRates: Record<string, number>
  /** Peers whose data goes over a ZeroMQ lane or libp2p, and their lanes' states; zeromqPlane false with --lan off. */
  lanes: { zeromq: number, libp2p: number, states: Record<string, number>, zeromqPlane: boolean }
  core: { repairs: number, rootTakeovers: number, handovers: number }
  /** Busiest first. */
  topics: TopTopicRow[]
}

function rates (prev: TopicCounts | undefined, cur: TopicCounts, elapsedMs: number): Rates {
  const per = (k: keyof TopicCounts): number | null =>
    prev === undefined || elapsedMs <= 0 ? null : Math.max(0, cur[k] - prev[k]) * 1000 / elapsedMs
  return { published: per('published'), delivered: per('delivered'), forwarded: per('forwarded') }
}

const sum = (d: DropCounts): number => Object.values(d).reduce((n, v) => n + (v ?? 0), 0)
const activity = (r: Rates): number => (r.published ?? 0) + (r.delivered ?? 0) + (r.forwarded ?? 0)
const total = (c: TopicCounts): number => c.published + c.delivered + c.forwarded

/**
 * The figures of a snapshot. `prev` undefined (or elapsedMs 0): a first sample, rates null.
 * A topic absent from `prev` has null rates too: its counters may predate its tree.
 */
export function topSnapshot (prev: TopSample | undefined, cur: TopSample, elapsedMs: number): TopSnapshot {
  const s = cur.stats
  const had = prev === undefined ? undefined : new Map(prev.topics.map(t => [t.topic, t.counts]))
  const topics: TopTopicRow[] = cur.topics.map(t => ({
    topic: t.topic,
    role: t.role,
    subscribed: t.subscribed,
    depth: t.depth,
    parent: t.parent,
    children: t.children.length,
    subscribers: t.subscribers,
    rates: rates(had?.get(t.topic), t.counts, elapsedMs),
    counts: { ...t.counts },
    dropped: sum(t.dropped)
  }))
  topics.sort((a, b) => activity(b.rates) - activity(a.rates) || total(b.counts) - total(a.counts) ||
    b.dropped - a.dropped || (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0))
  const dropRates: Record<string, number> = {}
  if (prev !== undefined && elapsedMs > 0) {
    for (const [reason, n] of Object.entries(s.dropped)) dropRates[reason] = Math.max(0, (n ?? 0) - (prev.stats.dropped[reason as keyof DropCounts] ?? 0)) * 1000 / elapsedMs
  }
  const states: Record<string, number> = {}
  let zeromq = 0
  for (const p of s.paths) {
    if (p.path === 'zeromq') zeromq++
    const state = p.lane?.state ?? 'none'
    states[state] = (states[state] ?? 0) + 1
  }
  return {
    peerId: cur.peerId,
    time: new Date(cur.time).toISOString(),
    elapsedMs: prev === undefined ? 0 : elapsedMs,
    peers: s.peers,
    routingTable: s.routingTable,
    rates: rates(prev?.stats.counts, s.counts, elapsedMs),
    counts: { ...s.counts },
    queued: { libp2p: s.queued.libp2p, zeromq: s.queued.zeromq, pending: s.pending },
    dropped: { ...s.dropped },
    dropRates,
    lanes: { zeromq, libp2p: s.paths.length - zeromq, states, zeromqPlane: s.lan !== undefined },
    core: { repairs: s.core.repairs, rootTakeovers: s.core.rootTakeovers, handovers: s.core.handovers },
    topics
  }
}

/** 0.5, 12.3, 123, 12.3k, 123k, 3.4M: at most 6 characters; '-' for no rate. */
export function formatRate (r: number | null): string {
  if (r === null) return '-'
  if (r < 99.95) return r.toFixed(1)
  if (r < 9999.5) return Math.round(r).toString()
  if (r < 99_950) return `${(r / 1000).toFixed(1)}k`
  if (r < 999_500) return `${Math.round(r / 1000)}k`
  return `${(r / 1_000_000).toFixed(1)}M`
}

/** A peer id's last characters (the first ones, 12D3KooW..., are the same for every peer). */
export function shortPeer (p: string | null): string {
  if (p === null) return '-'
  return p.length <= 8 ? p : `…${p.slice(-6)}`
}

function clip (line: string, columns: number): string {
  if (line.length <= columns) return line
  return columns <= 0 ? '' : line.slice(0, columns - 1) + '…'
}

function clock (time: number): string {
  const d = new Date(time)
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map(n => String(n).padStart(2, '0')).join(':')
}

const COLUMNS = [
  { title: 'ROLE', width: 10, left: true },
  { title: 'DEPTH', width: 5 },
  { title: 'PARENT', width: 7, left: true },
  { title: 'CHILD', width: 5 },
  { title: 'SUBS', width: 6 },
  { title: 'PUB/S', width: 7 },
  { title: 'DELIV/S', width: 7 },
  { title: 'FWD/S', width: 7 },
  { title: 'DROPS', width: 6 }
] as const
const GAP = '  '
const FIXED = COLUMNS.reduce((n, c) => n + c.width + GAP.length, 0)

function row (topic: string, topicWidth: number, cells: readonly string[]): string {
  const t = topic.length > topicWidth ? topic.slice(0, topicWidth - 1) + '…' : topic.padEnd(topicWidth)
  return t + COLUMNS.map((c, i) => GAP + ('left' in c ? cells[i].padEnd(c.width) : cells[i].padStart(c.width))).join('').trimEnd()
}

export interface TopScreen {
  /** Lines available: the output never has more (Infinity: no limit). */
  rows: number
  /** Characters per line: longer lines are cut, ending in '…' (Infinity: no limit). */
  columns: number
  /** Live view: the header says how to quit. */
  live?: boolean
}

/**
 * The screen for two samples `elapsedMs` apart (prev undefined: the first sample, rates '-'):
 * at most `rows` lines of at most `columns` characters, no escape codes.
 */
export function renderTop (prev: TopSample | undefined, cur: TopSample, elapsedMs: number, screen: TopScreen): string[] {
  return renderSnapshot(topSnapshot(prev, cur, elapsedMs), cur.time, screen)
}

export function renderSnapshot (s: TopSnapshot, time: number, { rows, columns, live = false }: TopScreen): string[] {
  const r = s.rates
  const drops = Object.entries(s.dropped).filter(([, n]) => (n ?? 0) > 0)
    .map(([reason, n]) => `${reason} ${n}${reason in s.dropRates ? ` (${formatRate(s.dropRates[reason])}/s)` : ''}`)
  const states = Object.entries(s.lanes.states).sort(([a], [b]) => a < b ? -1 : 1).map(([st, n]) => `${st} ${n}`)
  const every = s.elapsedMs > 0 ? `rates over ${(s.elapsedMs / 1000).toFixed(1)}s` : 'first sample'
  const head = [
    `meshcast top  ${s.peerId}  ${clock(time)}${live ? '  (q: quit)' : ''}`,
    `peers ${s.peers}  routing table ${s.routingTable}  topics ${s.topics.length}  ${every}`,
    `msgs/s   published ${formatRate(r.published)}  delivered ${formatRate(r.delivered)}  forwarded ${formatRate(r.forwarded)}`,
    `queues   libp2p ${s.queued.libp2p}  zeromq ${s.queued.zeromq}  pending ${s.queued.pending}`,
    `dropped  ${drops.length === 0 ? 'none' : drops.join('  ')}`,
    `lanes    ${s.lanes.zeromqPlane ? `zeromq ${s.lanes.zeromq}  libp2p ${s.lanes.libp2p}${states.length === 0 ? '' : `  (${states.join(', ')})`}` : `off (libp2p only, ${s.lanes.libp2p} peers)`}`,
    `tree     repairs ${s.core.repairs}  root takeovers ${s.core.rootTakeovers}  handovers ${s.core.handovers}`,
    ''
  ]
  const longest = s.topics.reduce((n, t) => Math.max(n, t.topic.length), 'TOPIC'.length)
  const topicWidth = Math.max(8, Math.min(longest, columns - FIXED))
  const table = [row('TOPIC', topicWidth, COLUMNS.map(c => c.title))]
  for (const t of s.topics) {
    table.push(row(t.topic, topicWidth, [
      t.role, String(t.depth), shortPeer(t.parent), String(t.children), String(t.subscribers),
      formatRate(t.rates.published), formatRate(t.rates.delivered), formatRate(t.rates.forwarded), String(t.dropped)
    ]))
  }
  if (s.topics.length === 0) table.push('(this node is in no topic tree)')
  let lines = [...head, ...table]
  if (lines.length > rows) {
    lines = lines.slice(0, Math.max(0, rows))
    const shown = lines.length - head.length - 1
    const hidden = s.topics.length - Math.max(0, shown)
    // The last line says how many topics did not fit (when the table's header is on screen).
    if (shown >= 1 && hidden > 0) lines[lines.length - 1] = `… ${hidden + 1} more topics`
  }
  return lines.map(l => clip(l, columns))
}

// Requests the benchmark parent sends its worker processes over IPC, and their answers.
export type System = 'meshcast' | 'gossipsub'

export type Request = { id: number } & (
  /**
   * lan false: data over libp2p only (no ZeroMQ lanes), so the byte meter sees every byte.
   * core: protocol options of the meshcast node (bench:reliable caps k to get deeper trees).
   */
  | { op: 'start', bootstrap: string[], lan?: boolean, core?: { k?: number, maxChildren?: number } }
  | { op: 'connect', addrs: string[] }
  /** reliable: a meshcast subscription with { reliable: true } (bench:reliable). */
  | { op: 'subscribe', system: System, topic: string, timeoutMs: number, reliable?: boolean }
  | { op: 'unsubscribe', topic: string }
  | { op: 'gossip-ready', topic: string, subscribers: number, mesh: number, timeoutMs: number }
  /**
   * rate messages per second, or 0 for a burst in chunks of `chunk`. ack (meshcast only):
   * publish with { ack: true }, up to `window` (default 256) unacknowledged at a time.
   */
  | { op: 'publish', system: System, topic: string, phaseId: number, count: number, rate: number, chunk: number, timeLimitMs: number, ack?: boolean, window?: number }
  | { op: 'collect', phaseId: number }
  | { op: 'count', phaseId: number }
  /** Bytes on the wire and CPU time so far (the parent takes differences). */
  | { op: 'snapshot' }
  | { op: 'stats', topic: string }
  /** CPU profile of one phase (node:inspector), written to `file` on profile-stop. */
  | { op: 'profile-start' }
  | { op: 'profile-stop', file: string }
  | { op: 'stop' }
)

export type Response = { id: number } & ({ ok: true, result: unknown } | { ok: false, error: string })

export interface PublishReport {
  /** Publishes that resolved (with ack: that were acknowledged). */
  sent: number
  errors: number
  lastError: string
  startedAt: number
  endedAt: number
  /** Publishes started: indices 0..launched-1. */
  launched?: number
  /** Indices of the publishes that rejected (with ack: or were still unacknowledged at the end). */
  failed?: number[]
  /** With ack: ms from publish() to its acknowledgement. */
  ackMs?: { p50: number | null, p99: number | null, max: number | null }
  /** With ack: ms to each message's acknowledgement by index (-1: none). */
  ackByIndex?: number[]
}

export interface PhaseReport {
  delivered: number
  duplicates: number
  first: number | null
  last: number | null
  /** ms from publish to delivery, one per delivered message, in arrival order. */
  latencies: number[]
  /** The message index of each latency. */
  indices: number[]
}

export interface Snapshot {
  written: number
  read: number
  writes: number
  connections: number
  byProtocol: Record<string, number>
  /** process.cpuUsage() user + system, microseconds. */
  cpuMicros: number
  rssMiB: number
  /** Bytes of data frames sent over ZeroMQ lanes (application frames, before ZeroMQ/CURVE framing). */
  laneWritten?: number
}

export interface StatsReport {
  role: string
  /** This node's parent in the topic's tree (a peer id), null at the root or when not in it. */
  parent?: string | null
  children: number
  depth: number
  gossipMesh: number
  gossipSubscribers: number
  dataSent: number
  dataReceived: number
  publishSent: number
  publishReceived: number
  heartbeatsSent: number
  framesSent: number
  rssMiB: number
  /** Counters that explain a lost message (summed over nodes per phase by the parent). */
  counters: Record<string, number>
}

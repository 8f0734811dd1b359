// Requests the benchmark parent sends its worker processes over IPC, and their answers.
export type System = 'meshcast' | 'gossipsub'

export type Request = { id: number } & (
  | { op: 'start', bootstrap: string[] }
  | { op: 'connect', addrs: string[] }
  | { op: 'subscribe', system: System, topic: string, timeoutMs: number }
  | { op: 'gossip-ready', topic: string, subscribers: number, mesh: number, timeoutMs: number }
  /** rate messages per second, or 0 for a burst in chunks of `chunk`. */
  | { op: 'publish', system: System, topic: string, phaseId: number, count: number, rate: number, chunk: number, timeLimitMs: number }
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
  sent: number
  errors: number
  lastError: string
  startedAt: number
  endedAt: number
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
}

export interface StatsReport {
  role: string
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

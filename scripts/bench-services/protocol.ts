// Requests the bench:services parent sends its worker processes over IPC (./worker.ts).
// Every worker process holds one meshcast node and one NATS connection; a phase uses one of
// the two ('system'), the other stays idle.
export type System = 'meshcast' | 'nats'

export type Request = { id: number } & (
  /**
   * Starts the meshcast node (bootstrap: the first node's addresses; lan false: data over
   * libp2p only, no ZeroMQ lanes) and connects to nats-server.
   */
  | { op: 'start', bootstrap: string[], natsPort: number, lan: boolean }
  | { op: 'connect', addrs: string[] }
  /**
   * Joins queue group `group` of `topic`. respond: answer every message with its own payload
   * (a request/reply responder); otherwise record the payload's index (a work-queue worker).
   */
  | { op: 'queue-subscribe', system: System, topic: string, group: string, respond: boolean, timeoutMs: number }
  | { op: 'unsubscribe', system: System, topic: string }
  /** Members of `group` the meshcast root of `topic` has registered; -1 when this node is not the root. */
  | { op: 'queue-members', topic: string, group: string }
  /** `count` 100-byte messages as fast as possible, a turn of the event loop every `chunk`. */
  | { op: 'produce', system: System, topic: string, phaseId: number, count: number, chunk: number, timeLimitMs: number }
  /** `warmup` + `count` sequential requests; round trips of the last `count`. */
  | { op: 'requests', system: System, topic: string, count: number, warmup: number, timeoutMs: number, timeLimitMs: number }
  /** Distinct deliveries of a phase so far. */
  | { op: 'count', phaseId: number }
  | { op: 'collect', phaseId: number }
  /** Messages the meshcast node dropped (by reason, and for full send queues), for a loss. */
  | { op: 'drops' }
  | { op: 'stop' }
)

export interface StartResult { peerId: string, addrs: string[] }

export interface ProduceReport {
  sent: number
  errors: number
  lastError: string
  startedAt: number
  endedAt: number
}

export interface CollectReport {
  /** Indices delivered to this worker, once each, in arrival order. */
  indices: number[]
  duplicates: number
  /** Wall-clock ms (payload.ts wallNow) of the first and last delivery; null when none. */
  first: number | null
  last: number | null
}

export interface RequestsReport {
  /** Round trips in ms of the measured requests that got a reply, in order. */
  rttMs: number[]
  errors: number
  lastError: string
  /** Replies whose payload was not the request's (a mixed-up reply). */
  wrongReplies: number
  elapsedMs: number
}

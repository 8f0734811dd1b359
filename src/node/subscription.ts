// A subscription in the shape nats.js users know: an async iterable of messages (or, with the
// `callback` option, a function called for each message as it arrives, no queue, no promise)
// with unsubscribe(), drain(), a closed promise, counters and Symbol.asyncDispose. `ready`
// resolves once the topic's tree acknowledged the subscription: from then on every message
// published reaches it.
import type { AppMessage } from '../core/wire/types.ts'

export interface Message {
  topic: string
  data: Uint8Array
  /** The publishing node's peer id. */
  publisher: string
  /** Per publisher and topic, from 1. */
  seq: number
  headers: Record<string, string>
  /** The payload as UTF-8 text. */
  string: () => string
  /** The payload parsed as JSON. */
  json: <T = unknown>() => T
  /**
   * Answers a request (a message sent with node.request): the reply goes straight to the
   * requesting node. False when the message is not a request (as in nats.js).
   */
  respond: (data?: Uint8Array | string, options?: { headers?: Record<string, string> }) => boolean
  /**
   * Queue groups with `ack: 'explicit'` (as JetStream): processed; not processed, deliver it again
   * (to another member if one has room) after `delayMs`; still working on it (restarts the ack
   * wait); never deliver it again. Each returns false when the message takes no answer (not from
   * such a group, or already answered).
   */
  ack: () => boolean
  nak: (delayMs?: number) => boolean
  working: () => boolean
  term: () => boolean
  /** How many times the message was delivered to the group (1: the first time). */
  deliveries: number
}

const decoder = new TextDecoder()

/**
 * Messages a subscription will not see, with why: `slow-consumer` (the consumer fell more than
 * maxPending behind, the oldest were dropped), `gap` (a publisher's messages that never arrived
 * here, or too late to keep its order: lost upstream, for example while the tree repaired),
 * `mailbox-overflow` (a durable subscription's mailbox dropped its oldest messages over its bounds).
 */
export interface DropEvent {
  reason: 'slow-consumer' | 'gap' | 'mailbox-overflow'
  count: number
  /** For a gap: whose messages are missing. */
  publisher?: string
}

export interface SubscribeOptions {
  /**
   * Called with each message as it arrives, as in nats.js (the error argument is always null
   * here). The subscription is then not iterable. An exception thrown by the callback is
   * counted in `callbackErrors` and does not reach the node.
   */
  callback?: (err: Error | null, msg: Message) => void
  /**
   * Called when messages will not reach this subscription, with the reason and count (nats.js
   * reports slow consumers; gossipsub and ZeroMQ drop silently). Slow-consumer drops are
   * reported at most once per turn of the event loop, summed. An exception it throws is
   * counted in `callbackErrors`.
   */
  onDrop?: (event: DropEvent) => void
  /**
   * No loss while the tree repairs: nodes on this subscription's path keep the topic's recent
   * messages, and what this node misses (a gap in a publisher's numbers, or the time it was
   * detached) is asked for again and delivered in order. What is beyond the buffers (1,024
   * messages, 1 MiB and 30 s per topic and node) is reported as a gap. docs/protocol.md.
   */
  reliable?: boolean
  /**
   * Start with what the topic's root retained (up to 1,024 messages, 1 MiB, 30 s): from this
   * sequence number (of every publisher), from this time (the root's clock), or each
   * publisher's last N;
   * then live, in order, nothing twice at the seam. Implies `reliable`; `ready` resolves once
   * the history arrived. Only for the first subscription of a topic on a node.
   */
  since?: number | Date | { last: number }
  /**
   * Join this queue group (as in NATS): each message of the topic goes to one member of the
   * group among all the nodes' subscriptions in it, round-robin, instead of to all of them.
   * Plain queue groups are at most once: a message given to a member that died before the
   * topic's root noticed is not delivered by the group (docs/protocol.md).
   */
  queue?: string
  /**
   * With `queue`: 'explicit' makes each message wait for msg.ack() (or nak/working/term); one not
   * acknowledged within the ack wait (30 s), or whose member leaves or dies, is delivered to
   * another member, and after 5 deliveries it goes to `$DLQ.<topic>` (docs/protocol.md).
   */
  ack?: 'explicit' | 'none'
  /** With ack 'explicit': the most unacknowledged messages this subscription's node takes (default 1000). */
  maxAckPending?: number
  /**
   * A durable subscription (as MQTT's persistent sessions and JetStream's durable consumers):
   * while no subscription of this name is open anywhere, the topic's messages are kept for it
   * by the two nodes closest to the mailbox's key, on disk where they have a data directory, and
   * delivered in order when a subscription of this name opens again, on any node. A message is
   * acknowledged when the node hands it over, or with `ack: 'explicit'` by msg.ack(). Bounded
   * (10,000 messages, 16 MiB, 7 days by default; the oldest go, reported as a
   * 'mailbox-overflow' drop). `unsubscribe({ delete: true })` removes the mailbox. Not with
   * queue, since or a wildcard. docs/protocol.md.
   */
  durable?: string
}

/**
 * Timings of the messages of a subscription, for metrics. The node sets one only when metrics
 * are on; without one a subscription reads no clock. These are times on this node alone:
 * latency across hosts would need synchronized clocks and is not measured here.
 */
export interface SubscriptionObserver {
  /** A message waited this long (seconds) between reaching the subscription and the application taking it. */
  waited: (seconds: number) => void
  /**
   * The application spent this long (seconds) on a message: a callback's run (its synchronous
   * part), or for an iterator the time from yielding the message to the next `next()` call.
   */
  handled: (seconds: number) => void
}

/** Sends a reply to a request; given by the node to the messages it delivers. */
export type Responder = (m: AppMessage, data: Uint8Array | string, headers: Record<string, string>) => boolean
/** Answers for a message of a queue group with acknowledgements. */
export type Acker = (kind: 'ack' | 'nak' | 'working' | 'term', delayMs: number) => boolean

export function toMessage (m: AppMessage, responder?: Responder, acker?: Acker, deliveries = 1): Message {
  let answered = false
  const answer = (kind: 'ack' | 'nak' | 'working' | 'term', delayMs = 0): boolean => {
    if (acker === undefined || answered) return false
    if (kind !== 'working') answered = true
    return acker(kind, delayMs)
  }
  const headers: Record<string, string> = {}
  for (const h of m.headers) headers[h.key] = h.value
  return {
    topic: m.topic,
    data: m.payload,
    publisher: m.publisher,
    seq: m.seq,
    headers,
    string: () => decoder.decode(m.payload),
    json: <T>() => JSON.parse(decoder.decode(m.payload)) as T,
    respond: (data = new Uint8Array(), options = {}) => responder?.(m, data, options.headers ?? {}) ?? false,
    ack: () => answer('ack'),
    nak: (delayMs = 0) => answer('nak', delayMs),
    working: () => answer('working'),
    term: () => answer('term'),
    deliveries
  }
}

export class Subscription implements AsyncIterable<Message> {
  readonly topic: string
  /** The topic the node subscribes to for it: the topic, or a wildcard pattern's family topic. */
  readonly route: string
  /** A wildcard subscription: the original topics it takes. */
  readonly matches: ((topic: string) => boolean) | undefined
  /** Asked for reliable delivery (SubscribeOptions.reliable). */
  readonly reliable: boolean
  /** The queue group this subscription is in (SubscribeOptions.queue). */
  readonly group: string | undefined
  /** In a queue group, or durable, with explicit acknowledgements. */
  readonly explicit: boolean
  /** A durable subscription's name (SubscribeOptions.durable). */
  readonly durable: string | undefined
  /** unsubscribe({ delete: true }) of a durable subscription: its mailbox goes too. */
  deleteMailbox = false
  /** Subscribed `since`: ready once the history arrived. */
  readonly catchingUp: boolean
  /** Resolves when the tree acknowledged the subscription. */
  readonly ready: Promise<void>
  /** Resolves when the subscription is closed (unsubscribed, drained, or the node stopped). */
  readonly closed: Promise<void>
  /** Messages handed to this subscription. */
  received = 0
  /** Messages the consumer took. */
  processed = 0
  /** Messages dropped because the consumer fell more than maxPending behind. */
  dropped = 0
  /** Messages of publishers that never arrived here (reported as gaps). */
  gaps = 0
  /** Exceptions thrown by the callback. */
  callbackErrors = 0
  private readonly queue: Message[] = []
  /** With an observer: when each queued message arrived (performance.now()), in queue order. */
  private readonly arrivals: number[] = []
  /** With an observer: when the iterator last yielded a message, until the next next(). */
  private yieldedAt: number | undefined
  private readonly observer: SubscriptionObserver | undefined
  private waiting: ((r: IteratorResult<Message>) => void) | undefined
  private isClosed = false
  private draining = false
  private readonly maxPending: number
  private readonly onClose: (s: Subscription) => void
  private readonly callback: SubscribeOptions['callback']
  private readonly onDrop: SubscribeOptions['onDrop']
  /** Slow-consumer drops not reported yet (reported together after this turn). */
  private unreportedDrops = 0
  private resolveReady!: () => void
  private resolveClosed!: () => void

  constructor (topic: string, maxPending: number, onClose: (s: Subscription) => void, options: SubscribeOptions = {}, observer?: SubscriptionObserver, wildcard?: { family: string, matches: (topic: string) => boolean }) {
    this.route = wildcard?.family ?? topic
    this.matches = wildcard?.matches
    this.topic = topic
    this.observer = observer
    this.callback = options.callback
    this.onDrop = options.onDrop
    this.reliable = options.reliable === true || options.since !== undefined
    this.group = options.queue
    this.explicit = options.ack === 'explicit'
    this.durable = options.durable
    this.catchingUp = options.since !== undefined
    this.maxPending = maxPending
    this.onClose = onClose
    this.ready = new Promise(resolve => { this.resolveReady = resolve })
    this.closed = new Promise(resolve => { this.resolveClosed = resolve })
  }

  /** Messages waiting for the consumer. */
  get pending (): number {
    return this.queue.length
  }

  get isDraining (): boolean {
    return this.draining
  }

  /** @internal the node calls these */
  markReady (): void {
    this.resolveReady()
  }

  push (m: Message): void {
    if (this.isClosed || this.draining) return
    this.received++
    const observer = this.observer
    if (this.callback !== undefined) {
      this.processed++
      const start = observer === undefined ? 0 : performance.now()
      if (observer !== undefined) observer.waited(0) // taken at once: a callback has no queue
      try {
        this.callback(null, m)
      } catch {
        this.callbackErrors++
      }
      if (observer !== undefined) observer.handled((performance.now() - start) / 1000)
      return
    }
    if (this.waiting !== undefined) {
      const w = this.waiting
      this.waiting = undefined
      this.processed++
      if (observer !== undefined) {
        observer.waited(0) // the consumer was waiting for it
        this.yieldedAt = performance.now()
      }
      w({ value: m, done: false })
      return
    }
    if (this.queue.length >= this.maxPending) {
      this.queue.shift()
      if (observer !== undefined) this.arrivals.shift()
      this.dropped++
      if (this.onDrop !== undefined && this.unreportedDrops++ === 0) queueMicrotask(() => { this.reportDrops() })
    }
    this.queue.push(m)
    if (observer !== undefined) this.arrivals.push(performance.now())
  }

  /** @internal the node reports a publisher's messages that will not arrive */
  missed (publisher: string, count: number): void {
    if (this.isClosed || this.draining) return
    this.gaps += count
    this.report({ reason: 'gap', count, publisher })
  }

  private reportDrops (): void {
    const count = this.unreportedDrops
    this.unreportedDrops = 0
    if (count > 0) this.report({ reason: 'slow-consumer', count })
  }

  private report (e: DropEvent): void {
    if (this.onDrop === undefined) return
    try {
      this.onDrop(e)
    } catch {
      this.callbackErrors++
    }
  }

  /** @internal a durable subscription's mailbox dropped messages over its bounds */
  overflowed (count: number): void {
    if (this.isClosed || this.draining) return
    this.report({ reason: 'mailbox-overflow', count })
  }

  /**
   * Stops at once; messages not yet taken are discarded. A durable subscription's mailbox keeps
   * collecting for its name, unless `delete` (then it is removed with what it holds).
   */
  unsubscribe (options: { delete?: boolean } = {}): void {
    if (this.isClosed) return
    if (options.delete === true) this.deleteMailbox = true
    this.isClosed = true
    this.queue.length = 0
    this.arrivals.length = 0
    this.finish()
  }

  /** Stops receiving; the iterator still yields what is queued, then ends. */
  async drain (): Promise<void> {
    if (this.isClosed) return
    this.draining = true
    this.onClose(this)
    if (this.queue.length === 0) this.unsubscribe()
    await this.closed
  }

  private finish (): void {
    this.onClose(this)
    this.resolveReady()
    this.resolveClosed()
    const w = this.waiting
    this.waiting = undefined
    w?.({ value: undefined, done: true })
  }

  [Symbol.asyncIterator] (): AsyncIterator<Message> {
    if (this.callback !== undefined) throw new TypeError('a subscription with a callback is not iterable')
    return {
      next: async () => {
        const observer = this.observer
        if (observer !== undefined) this.handledLast(observer)
        const m = this.queue.shift()
        if (m !== undefined) {
          this.processed++
          if (observer !== undefined) {
            const now = performance.now()
            observer.waited((now - (this.arrivals.shift() ?? now)) / 1000)
            this.yieldedAt = now
          }
          if (this.draining && this.queue.length === 0) queueMicrotask(() => { this.unsubscribe() })
          return { value: m, done: false }
        }
        if (this.isClosed || this.draining) {
          if (!this.isClosed) this.unsubscribe()
          return { value: undefined, done: true }
        }
        return await new Promise(resolve => { this.waiting = resolve })
      },
      return: async () => {
        // A consumer that breaks out of its loop is done with the message it had.
        if (this.observer !== undefined) this.handledLast(this.observer)
        this.unsubscribe()
        return { value: undefined, done: true }
      }
    }
  }

  /** The consumer asked for more (or stopped): it is done with the message it was yielded. */
  private handledLast (observer: SubscriptionObserver): void {
    if (this.yieldedAt === undefined) return
    observer.handled((performance.now() - this.yieldedAt) / 1000)
    this.yieldedAt = undefined
  }

  async [Symbol.asyncDispose] (): Promise<void> {
    this.unsubscribe()
  }
}

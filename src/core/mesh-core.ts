// The meshcast protocol for one node, sans I/O (in the manner of quinn-proto): inputs are
// handle*(now, ...) and application commands, outputs are polled (pollTransmit, pollEvent,
// pollTimeout). No clock, timers, sockets or global randomness: time comes in as `now` (ms),
// randomness from the injected Rng. The simulator and the real node drive this same class.
//
// Key-based routing on a Kademlia table, and one SCRIBE tree per topic on it:
// JOIN / JOIN-ACK / LEAVE build and prune trees, PUBLISH goes to the root, DATA goes down.
// See docs/protocol.md for the state machine and its reasons.
import { utf8ByteLength } from './utf8.ts'
import { coreOptions } from './defaults.ts'
import type { CoreOptions } from './defaults.ts'
import { DedupWindow } from './dedup.ts'
import { InvalidTopicError, MeshcastError, PayloadTooLargeError } from './errors.ts'
import { compareDistance, topicKey } from './id.ts'
import type { NodeId } from './id.ts'
import { RoutingTable } from './routing-table.ts'
import type { PeerRef } from './routing-table.ts'
import type { Rng } from './rng.ts'
import { TopicState } from './topic-state.ts'
import { decodeFrame } from './wire/codec.ts'
import { MSG_TYPES } from './wire/types.ts'
import type { AppMessage, Header, Msg, MsgType, TopicCount } from './wire/types.ts'

export interface CoreInit {
  /** How the transport names this node. */
  ref: PeerRef
  /** This node's 256-bit id. */
  id: NodeId
  rng: Rng
  /** Time (ms) at creation. */
  now: number
  /** This node's publishing session; drawn from rng when absent. */
  epoch?: number
  options?: Partial<CoreOptions>
}

export interface Transmit {
  to: PeerRef
  msg: Msg
}

export type CoreEvent =
  | { type: 'deliver', message: AppMessage }
  /** The local subscription is acknowledged by the tree: what is published from now on arrives. */
  | { type: 'ready', topic: string }
  | { type: 'peer-failed', peer: PeerRef }
  /** A topic's root reported its subscriber count to us, a publisher. */
  | { type: 'subscribers', topic: string, count: number }

export interface CoreStats {
  sent: Record<MsgType, number>
  received: Record<MsgType, number>
  malformedFrames: number
  duplicates: number
  droppedNoRoute: number
  repairs: number
  redirects: number
  rootTakeovers: number
  handovers: number
  cyclesAvoided: number
}

export interface TopicView {
  topic: string
  subscribed: boolean
  role: 'root' | 'forwarder' | 'subscriber' | 'detached'
  parent: PeerRef | null
  /** The root as the parent last reported it (null while detached). */
  root: PeerRef | null
  attached: boolean
  children: PeerRef[]
  depth: number
  /** Subscribers in this node's subtree (the topic's total at the root). */
  subscribers: number
}

interface PeerRecord {
  lastHeard: number
  lastSent: number
  lastRefresh: number
}

interface Inflight {
  hop: PeerRef
  deadline: number
  message: AppMessage
  tries: number
}

/** Routed publishes are re-routed around silent hops at most this often. */
const MAX_ROUTE_TRIES = 3

interface ReplicaRecord {
  root: PeerRef
  children: PeerRef[]
  rank: number
  /** Set once the root is known dead: when this replica takes over unless a new root speaks first. */
  takeoverAt: number | null
}

const NEVER = -Infinity
const HEARTBEAT: Msg = Object.freeze({ type: 'heartbeat', topics: [], counts: [], roots: [] })
// Returned by the drains when there is nothing (no allocation); callers only read it.
const NONE: never[] = []
const MAX_PATH = 63

function zeroCounts (): Record<MsgType, number> {
  const r = {} as Record<MsgType, number>
  for (const t of MSG_TYPES) r[t] = 0
  return r
}

export class MeshCore {
  readonly ref: PeerRef
  readonly id: NodeId
  readonly epoch: number
  readonly options: CoreOptions
  readonly table: RoutingTable
  readonly stats: CoreStats = {
    sent: zeroCounts(),
    received: zeroCounts(),
    malformedFrames: 0,
    duplicates: 0,
    droppedNoRoute: 0,
    repairs: 0,
    redirects: 0,
    rootTakeovers: 0,
    handovers: 0,
    cyclesAvoided: 0
  }

  private readonly rng: Rng
  private readonly topics = new Map<string, TopicState>()
  private readonly rooted = new Set<TopicState>()
  private readonly joining = new Set<TopicState>()
  private readonly replicas = new Map<string, ReplicaRecord>()
  private readonly rootCache = new Map<string, PeerRef>()
  /** Routed publishes sent and not yet acknowledged by their next hop. */
  private readonly inflight = new Map<string, Inflight>()
  private readonly pubSeq = new Map<string, number>()
  /** As a publisher: the subscriber count each topic's root last reported. */
  private readonly reported = new Map<string, number>()
  private readonly peers = new Map<PeerRef, PeerRecord>()
  private outbox: Transmit[] = []
  private events: CoreEvent[] = []
  private nextTickAt: number
  private ticks = 0
  private childEntries = 0

  constructor (init: CoreInit) {
    this.ref = init.ref
    this.id = init.id
    this.rng = init.rng
    this.options = coreOptions(init.options)
    this.epoch = init.epoch ?? (init.rng.nextUint32() || 1)
    this.table = new RoutingTable(init.id, this.options.k, this.options.proximity)
    // A random phase keeps the heartbeats of many nodes from beating in step.
    this.nextTickAt = init.now + this.rng.next() * this.tickMs
  }

  private get tickMs (): number {
    return this.options.heartbeatIntervalMs / 2
  }

  // ---------------------------------------------------------------- outputs

  pollTransmit (): Transmit | undefined {
    return this.outbox.shift()
  }

  /** All pending transmits at once, in order (cheaper than pollTransmit in a loop). */
  drainTransmits (): Transmit[] {
    if (this.outbox.length === 0) return NONE
    const out = this.outbox
    this.outbox = []
    return out
  }

  pollEvent (): CoreEvent | undefined {
    return this.events.shift()
  }

  drainEvents (): CoreEvent[] {
    if (this.events.length === 0) return NONE
    const out = this.events
    this.events = []
    return out
  }

  /** The time at which handleTimeout must next be called. */
  pollTimeout (): number {
    let t = this.nextTickAt
    for (const s of this.joining) if (s.joinDeadline < t) t = s.joinDeadline
    return t
  }

  // ---------------------------------------------------------------- getters

  topicView (topic: string): TopicView | undefined {
    const t = this.topics.get(topic)
    return t === undefined ? undefined : this.view(t)
  }

  topicViews (): TopicView[] {
    return [...this.topics.values()].map(t => this.view(t))
  }

  /** Internal tree state, read-only, for the simulator's invariant checks. */
  topicState (topic: string): Readonly<TopicState> | undefined {
    return this.topics.get(topic)
  }

  topicStates (): IterableIterator<Readonly<TopicState>> {
    return this.topics.values()
  }

  /** Child entries over all topics (what the fan-out cap limits). */
  get childCount (): number {
    return this.childEntries
  }

  private view (t: TopicState): TopicView {
    const role = t.isRoot ? 'root' : !t.attached ? 'detached' : t.children.size > 0 ? 'forwarder' : 'subscriber'
    const root = t.isRoot ? this.ref : t.attached ? t.path[t.path.length - 1] ?? null : null
    return { topic: t.name, subscribed: t.subscribed, role, parent: t.parent, root, attached: t.attached, children: [...t.children.keys()], depth: t.depth, subscribers: subtreeCount(t) }
  }

  // ---------------------------------------------------------------- application commands

  subscribe (now: number, topic: string): void {
    this.checkTopic(topic)
    const t = this.topicOrCreate(topic, now)
    if (!t.subscribed) t.countDirty = true
    t.subscribed = true
    if (t.attached) this.markReady(t)
    else if (t.parent === null) this.join(now, t)
  }

  unsubscribe (now: number, topic: string): void {
    const t = this.topics.get(topic)
    if (t === undefined || !t.subscribed) return
    t.subscribed = false
    t.readySent = false
    t.countDirty = true
    this.maybeLeave(t)
  }

  /** Publishes a message; returns its sequence number (per topic, from 1). */
  publish (now: number, topic: string, payload: Uint8Array, headers: Header[] = []): number {
    this.checkTopic(topic)
    if (payload.byteLength > this.options.maxPayloadBytes) throw new PayloadTooLargeError(payload.byteLength, this.options.maxPayloadBytes)
    const seq = (this.pubSeq.get(topic) ?? 0) + 1
    this.pubSeq.set(topic, seq)
    const message: AppMessage = { topic, publisher: this.ref, epoch: this.epoch, seq, payload, headers }
    const t = this.topics.get(topic)
    if (t?.isRoot === true) {
      this.disseminate(now, t, message, null)
      return seq
    }
    const root = this.rootCache.get(topic)
    if (root !== undefined && now - this.heard(root) <= this.options.failureTimeoutMs) {
      this.send(now, root, { type: 'publish', message, direct: true })
      return seq
    }
    this.rootCache.delete(topic)
    this.routePublish(now, message, 0)
    return seq
  }

  // ---------------------------------------------------------------- network and timer inputs

  /** A connection to a peer is up (or its round-trip time was measured again). */
  handlePeerUp (now: number, ref: PeerRef, id: NodeId, rtt: number = Infinity): void {
    if (ref === this.ref) return
    // A live connection is news of the peer, but only peers we deal with get a record.
    const rec = this.peers.get(ref)
    if (rec !== undefined && rec.lastHeard < now) rec.lastHeard = now
    this.table.add(ref, id, rtt)
    for (const t of [...this.rooted]) {
      if (compareDistance(id, this.id, t.key) < 0) this.handover(now, t)
    }
  }

  /** The transport lost the peer (connection closed, send failed). */
  handlePeerDown (now: number, ref: PeerRef): void {
    this.fail(now, ref)
  }

  /** Bytes of one frame from a peer. A malformed frame is counted and dropped; returns false then. */
  handleFrame (now: number, from: PeerRef, bytes: Uint8Array): boolean {
    let msgs: Msg[]
    try {
      msgs = decodeFrame(bytes, this.options)
    } catch (err) {
      if (!(err instanceof MeshcastError)) throw err
      this.stats.malformedFrames++
      return false
    }
    for (const m of msgs) this.handleMessage(now, from, m)
    return true
  }

  handleMessage (now: number, from: PeerRef, msg: Msg): void {
    if (from === this.ref) return
    this.touch(from, now)
    this.stats.received[msg.type]++
    switch (msg.type) {
      case 'join': this.onJoin(now, from, msg.topic, msg.subscribers); break
      case 'joinAck': this.onJoinAck(now, from, msg); break
      case 'leave': this.onLeave(from, msg.topic); break
      case 'publish': this.onPublish(now, from, msg.message, msg.direct); break
      case 'data': this.onData(now, from, msg.message); break
      case 'heartbeat':
        for (let i = 0; i < msg.topics.length; i++) this.onRefresh(now, from, msg.topics[i], msg.counts[i] ?? 0)
        for (const r of msg.roots) if (this.rootCache.get(r.topic) === from) this.report(r.topic, r.subscribers)
        break
      case 'replica': this.onReplica(from, msg); break
      case 'redirect': this.onRedirect(now, from, msg.topic, msg.candidates); break
      case 'rootInfo':
        this.rootCache.set(msg.topic, from)
        this.report(msg.topic, msg.subscribers)
        break
      case 'routeAck': this.inflight.delete(inflightKey(msg.publisher, msg.topic, msg.seq)); break
    }
  }

  handleTimeout (now: number): void {
    if (now >= this.nextTickAt) {
      this.tick(now)
      while (this.nextTickAt <= now) this.nextTickAt += this.tickMs
    }
    for (const t of [...this.joining]) {
      if (t.joinTo !== null && now >= t.joinDeadline) this.fail(now, t.joinTo)
    }
  }

  // ---------------------------------------------------------------- tree construction

  private onJoin (now: number, from: PeerRef, topic: string, subscribers: number): void {
    const t = this.topicOrCreate(topic, now)
    if (t.childCounts.get(from) !== subscribers) {
      t.childCounts.set(from, subscribers)
      t.countDirty = true
    }
    // Our ancestor asks to become our child: it learnt that we are closer to the key (a root
    // handover) or followed a stale route. If we are the closest node we know, we are the
    // rightful root: leave our parent and take the tree.
    if (!t.isRoot && (t.parent === from || t.path.includes(from)) && this.table.nextHop(t.key) === undefined) {
      if (t.parent !== null) this.send(now, t.parent, { type: 'leave', topic })
      this.becomeRoot(now, t)
    }
    const isNew = !t.children.has(from)
    if (isNew) {
      t.children.set(from, { redirected: false })
      this.childEntries++
      if (t.isRoot) t.replicaDirty = true
    }
    // A forwarder new to the tree joins first: if that makes it the root, the root's
    // notification already answers this child.
    const wasAttached = t.attached
    if (!t.attached && t.parent === null) this.join(now, t)
    if (wasAttached || !t.isRoot) this.send(now, from, this.ackFor(t))
    if (isNew) this.enforceFanout(now)
  }

  private onJoinAck (now: number, from: PeerRef, m: Extract<Msg, { type: 'joinAck' }>): void {
    const t = this.topics.get(m.topic)
    if (t === undefined) {
      this.send(now, from, { type: 'leave', topic: m.topic })
      return
    }
    if (m.replaces !== '') {
      // A new root adopts the children of the dead one.
      // Taken when we still hang below the dead root or are looking for a parent anyway.
      const wanting = t.parent === m.replaces || t.parent === null || !t.attached
      if (t.isRoot || !wanting || m.path.includes(this.ref)) {
        if (t.parent !== from) this.send(now, from, { type: 'leave', topic: m.topic })
        return
      }
      this.setJoin(t, null)
      t.parent = from
    } else if (from !== t.parent) {
      if (from !== t.leaveOnAck) this.send(now, from, { type: 'leave', topic: m.topic })
      return
    }
    if (t.joinTo === from) {
      this.setJoin(t, null)
      if (t.leaveOnAck !== null && t.leaveOnAck !== from) this.send(now, t.leaveOnAck, { type: 'leave', topic: m.topic })
      t.leaveOnAck = null
    }
    if (!m.attached) {
      this.setAttached(t, false, now)
      return
    }
    if (m.path.includes(this.ref) || m.path.length >= MAX_PATH) {
      // The parent reaches the root through us: taking it would close a cycle.
      this.stats.cyclesAvoided++
      this.send(now, from, { type: 'leave', topic: m.topic })
      t.avoid.set(from, now + this.options.avoidMs)
      t.parent = null
      this.setAttached(t, false, now)
      this.join(now, t)
      return
    }
    const changed = !t.attached || !samePath(t.path, m.path)
    t.ancestors = []
    this.setAttached(t, true, now)
    t.path = m.path
    if (changed) this.notifyChildren(now, t)
    this.markReady(t)
  }

  /** A child says it is still our child: rebuild the entry if we lost it (a JOIN in effect). */
  private onRefresh (now: number, from: PeerRef, topic: string, count: number): void {
    if (this.topics.get(topic)?.children.has(from) !== true) this.onJoin(now, from, topic, count)
    const t = this.topics.get(topic)
    if (t?.children.has(from) === true && t.childCounts.get(from) !== count) {
      t.childCounts.set(from, count)
      t.countDirty = true
    }
  }

  private report (topic: string, count: number): void {
    if (this.reported.get(topic) === count) return
    this.reported.set(topic, count)
    this.events.push({ type: 'subscribers', topic, count })
  }

  /**
   * The number of subscribers the topic's tree reports: the count of our subtree when we are
   * the root, the root's last report when we publish to it, 0 when a publish found no tree,
   * undefined when not known yet. Counts travel up the tree with the children's refreshes.
   */
  subscribers (topic: string): number | undefined {
    const t = this.topics.get(topic)
    if (t?.isRoot === true) return subtreeCount(t)
    return this.reported.get(topic)
  }

  private onLeave (from: PeerRef, topic: string): void {
    const t = this.topics.get(topic)
    if (t === undefined) return
    if (this.removeChild(t, from)) this.maybeLeave(t)
  }

  /** Routes a JOIN toward the topic key, or takes the root when no known node is closer. */
  private join (now: number, t: TopicState): void {
    if (!t.wanted) return
    let skip: Set<PeerRef> | undefined
    for (const [p, until] of t.avoid) {
      if (until <= now) t.avoid.delete(p)
      else (skip ??= new Set()).add(p)
    }
    for (let a = t.ancestors.shift(); a !== undefined; a = t.ancestors.shift()) {
      if (a === this.ref || skip?.has(a) === true) continue
      this.unroot(t)
      t.parent = a
      this.setAttached(t, false, now)
      t.path = []
      this.touch(a, now)
      this.setJoin(t, a, now + this.options.joinTimeoutMs)
      this.send(now, a, { type: 'join', topic: t.name, subscribers: subtreeCount(t) })
      return
    }
    const next = this.table.nextHop(t.key, skip)
    if (next === undefined) {
      if (skip !== undefined && this.table.nextHop(t.key) !== undefined) {
        // Every closer peer answered with a path through us: stay detached, retry next tick.
        this.unroot(t)
        this.setJoin(t, null)
        t.parent = null
        this.setAttached(t, false, now)
        return
      }
      this.becomeRoot(now, t)
      return
    }
    this.unroot(t)
    t.parent = next.ref
    this.setAttached(t, false, now)
    t.path = []
    this.setJoin(t, next.ref, now + this.options.joinTimeoutMs)
    this.send(now, next.ref, { type: 'join', topic: t.name, subscribers: subtreeCount(t) })
  }

  private becomeRoot (now: number, t: TopicState): void {
    this.setJoin(t, null)
    t.parent = null
    t.path = []
    this.setAttached(t, true, now)
    if (!t.isRoot) {
      t.isRoot = true
      this.rooted.add(t)
      t.replicaDirty = true
    }
    this.notifyChildren(now, t)
    this.markReady(t)
  }

  private unroot (t: TopicState): void {
    if (!t.isRoot) return
    t.isRoot = false
    this.rooted.delete(t)
    for (const r of t.replicaTargets) this.queue(r, { type: 'replica', topic: t.name, children: [], dropped: true, rank: 0 })
    t.replicaTargets = []
    t.publishers.clear()
  }

  /** A closer node appeared: it is the rightful root; join it and let the tree follow. */
  private handover (now: number, t: TopicState): void {
    this.stats.handovers++
    this.unroot(t)
    this.setAttached(t, false, now)
    this.join(now, t)
  }

  private ackFor (t: TopicState): Msg {
    return { type: 'joinAck', topic: t.name, attached: t.attached, path: t.attached ? [this.ref, ...t.path] : [], replaces: '' }
  }

  private notifyChildren (now: number, t: TopicState): void {
    if (t.children.size === 0) return
    const ack = this.ackFor(t)
    for (const c of t.children.keys()) this.send(now, c, ack)
  }

  private markReady (t: TopicState): void {
    if (t.subscribed && t.attached && !t.readySent) {
      t.readySent = true
      this.events.push({ type: 'ready', topic: t.name })
    }
  }

  private maybeLeave (t: TopicState): void {
    if (t.wanted) return
    if (t.parent !== null) this.queue(t.parent, { type: 'leave', topic: t.name })
    this.unroot(t)
    this.setJoin(t, null)
    this.topics.delete(t.name)
  }

  private removeChild (t: TopicState, child: PeerRef): boolean {
    if (!t.children.delete(child)) return false
    t.childCounts.delete(child)
    t.countDirty = true
    this.childEntries--
    if (t.isRoot) t.replicaDirty = true
    return true
  }

  // ---------------------------------------------------------------- bottleneck remover

  private enforceFanout (now: number): void {
    const cap = this.options.maxChildren
    let active = 0
    for (const t of this.topics.values()) for (const e of t.children.values()) if (!e.redirected) active++
    while (active > cap) {
      // The topic with the most children gives up its farthest child (highest round-trip time).
      let busiest: TopicState | undefined
      let most = 1
      for (const t of this.topics.values()) {
        let n = 0
        for (const e of t.children.values()) if (!e.redirected) n++
        if (n > most) { most = n; busiest = t }
      }
      if (busiest === undefined) return
      const active2 = [...busiest.children].filter(([, e]) => !e.redirected).map(([c]) => c)
      active2.sort((a, b) => this.rtt(a) - this.rtt(b))
      const orphan = active2[active2.length - 1]
      const candidates = active2.slice(0, Math.min(16, active2.length - 1))
      const entry = busiest.children.get(orphan)
      if (entry === undefined) return
      entry.redirected = true
      this.stats.redirects++
      this.send(now, orphan, { type: 'redirect', topic: busiest.name, candidates })
      active--
    }
  }

  private onRedirect (now: number, from: PeerRef, topic: string, candidates: PeerRef[]): void {
    const t = this.topics.get(topic)
    if (t === undefined || t.parent !== from || t.joinTo !== null) return
    let best: PeerRef | undefined
    let bestRtt = Infinity
    for (const c of candidates) {
      if (c === this.ref || c === from || t.children.has(c)) continue
      const r = this.rtt(c) + this.rng.next() * 1e-6
      if (best === undefined || r < bestRtt) { best = c; bestRtt = r }
    }
    if (best === undefined) return
    t.leaveOnAck = from
    t.parent = best
    this.touch(best, now)
    this.setJoin(t, best, now + this.options.joinTimeoutMs)
    this.send(now, best, { type: 'join', topic, subscribers: subtreeCount(t) })
  }

  private rtt (ref: PeerRef): number {
    return this.table.get(ref)?.rtt ?? Infinity
  }

  // ---------------------------------------------------------------- data plane

  /** Sends a PUBLISH one hop toward the root and remembers it until the hop acknowledges. */
  private routePublish (now: number, message: AppMessage, tries: number): void {
    const t = this.topics.get(message.topic)
    if (t?.isRoot === true) {
      this.disseminate(now, t, message, null)
      return
    }
    const next = this.table.nextHop(topicKey(message.topic))
    if (next === undefined || tries >= MAX_ROUTE_TRIES) {
      // We are the closest node we know and hold no tree: nobody subscribes.
      this.stats.droppedNoRoute++
      if (message.publisher === this.ref) this.report(message.topic, 0)
      // The route ends here with no tree: tell the publisher nobody listens, and where the
      // root would be.
      else if (tries === 0) this.send(now, message.publisher, { type: 'rootInfo', topic: message.topic, subscribers: 0 })
      return
    }
    this.send(now, next.ref, { type: 'publish', message, direct: false })
    this.inflight.set(inflightKey(message.publisher, message.topic, message.seq), { hop: next.ref, deadline: now + this.options.joinTimeoutMs, message, tries })
  }

  private onPublish (now: number, from: PeerRef, message: AppMessage, direct: boolean): void {
    if (!direct) this.send(now, from, { type: 'routeAck', topic: message.topic, publisher: message.publisher, seq: message.seq })
    const t = this.topics.get(message.topic)
    if (t?.isRoot === true) {
      if (direct) t.publishers.set(from, now)
      else if (message.publisher !== this.ref) this.send(now, message.publisher, { type: 'rootInfo', topic: t.name, subscribers: subtreeCount(t) })
      this.disseminate(now, t, message, null)
      return
    }
    this.routePublish(now, message, 0)
  }

  private onData (now: number, from: PeerRef, message: AppMessage): void {
    const t = this.topics.get(message.topic)
    if (t === undefined) {
      this.send(now, from, { type: 'leave', topic: message.topic })
      return
    }
    if (from !== t.parent && from !== t.leaveOnAck) {
      // A former parent still sends to us: keep the message (de-duplication protects), stop it.
      this.send(now, from, { type: 'leave', topic: message.topic })
    }
    this.disseminate(now, t, message, from)
  }

  private disseminate (now: number, t: TopicState, message: AppMessage, from: PeerRef | null): void {
    let w = t.dedup.get(message.publisher)
    if (w === undefined) {
      w = new DedupWindow(this.options.dedupWindow, message.epoch)
      t.dedup.set(message.publisher, w)
    }
    if (!w.accept(message.epoch, message.seq)) {
      this.stats.duplicates++
      return
    }
    if (t.subscribed) this.events.push({ type: 'deliver', message })
    if (t.children.size === 0) return
    const data: Msg = { type: 'data', message }
    for (const c of t.children.keys()) if (c !== from) this.send(now, c, data)
  }

  // ---------------------------------------------------------------- root replicas

  private replicate (now: number, t: TopicState): void {
    t.replicaDirty = false
    const targets = this.table.closest(t.key, this.options.replicas).map(c => c.ref)
    for (const old of t.replicaTargets) {
      if (!targets.includes(old)) this.send(now, old, { type: 'replica', topic: t.name, children: [], dropped: true, rank: 0 })
    }
    t.replicaTargets = targets
    const children = [...t.children.keys()]
    targets.forEach((r, rank) => this.send(now, r, { type: 'replica', topic: t.name, children, dropped: false, rank }))
  }

  private onReplica (from: PeerRef, m: Extract<Msg, { type: 'replica' }>): void {
    if (m.dropped) {
      if (this.replicas.get(m.topic)?.root === from) this.replicas.delete(m.topic)
      return
    }
    this.replicas.set(m.topic, { root: from, children: m.children, rank: m.rank, takeoverAt: null })
  }

  /** The root we replicate died and no new root spoke up: take over and adopt its children. */
  private takeover (now: number, topic: string, rep: ReplicaRecord): void {
    this.replicas.delete(topic)
    const t = this.topicOrCreate(topic, now)
    if (t.isRoot) return
    if (t.parent !== null && t.parent !== rep.root) this.send(now, t.parent, { type: 'leave', topic })
    this.stats.rootTakeovers++
    for (const c of rep.children) {
      if (c === this.ref || c === rep.root || t.children.has(c)) continue
      t.children.set(c, { redirected: false })
      this.childEntries++
      this.touch(c, now)
      this.send(now, c, { type: 'joinAck', topic, attached: true, path: [this.ref], replaces: rep.root })
    }
    if (!t.wanted) {
      this.topics.delete(topic)
      return
    }
    this.becomeRoot(now, t)
    this.replicate(now, t)
    this.enforceFanout(now)
    // Adopting first loses no child; a closer node we know of then takes the tree.
    if (this.table.nextHop(t.key) !== undefined) this.handover(now, t)
  }

  // ---------------------------------------------------------------- liveness

  /** A peer is gone: drop it everywhere and repair what depended on it. */
  private fail (now: number, ref: PeerRef): void {
    this.table.remove(ref)
    this.peers.delete(ref)
    for (const [topic, root] of this.rootCache) if (root === ref) this.rootCache.delete(topic)
    for (const [key, f] of [...this.inflight]) {
      if (f.hop !== ref) continue
      this.inflight.delete(key)
      this.routePublish(now, f.message, f.tries + 1)
    }
    for (const [topic, rep] of [...this.replicas]) {
      if (rep.root !== ref || rep.takeoverAt !== null) continue
      // Rank 0, or whoever knows no closer node, takes over at once; rank k waits k delays.
      if (rep.rank === 0 || this.table.nextHop(topicKey(topic)) === undefined) this.takeover(now, topic, rep)
      else rep.takeoverAt = now + rep.rank * this.options.takeoverStaggerMs
    }
    for (const t of [...this.topics.values()]) {
      this.removeChild(t, ref)
      t.publishers.delete(ref)
      if (t.leaveOnAck === ref) t.leaveOnAck = null
      if (t.parent === ref) {
        this.stats.repairs++
        // Local repair: try the ancestors above the dead parent before routing afresh.
        if (t.path.length > 0 && t.path[0] === ref) t.ancestors = t.path.slice(1)
        this.setJoin(t, null)
        t.parent = null
        this.setAttached(t, false, now)
        t.path = []
        this.join(now, t)
      }
      this.maybeLeave(t)
    }
    this.events.push({ type: 'peer-failed', peer: ref })
  }

  private tick (now: number): void {
    this.ticks++
    const o = this.options
    // One pass over the topics gathers what needs acting on; actions follow, since they
    // change the topics. Watched peers: parents (and, below, the roots we replicate).
    let suspects: Set<PeerRef> | undefined
    let detached: TopicState[] | undefined
    let expired: Array<[TopicState, PeerRef]> | undefined
    let unattached: TopicState[] | undefined
    // Heartbeat targets: children (and, below, replicas and direct publishers) every heartbeat
    // interval, since they watch us; parents every refresh interval, with the topics we are
    // their child in.
    const fast = new Set<PeerRef>()
    // A refresh goes out early when a subscriber count in it changed (urgent).
    const refresh = new Map<PeerRef, { topics: string[], counts: number[], roots: TopicCount[], urgent: boolean }>()
    for (const t of this.topics.values()) {
      if (t.parent !== null) {
        if (t.joinTo === null && now - this.heard(t.parent) > o.failureTimeoutMs) (suspects ??= new Set()).add(t.parent)
        else if (t.joinTo === null && !t.attached && now - t.joinSentAt >= o.joinTimeoutMs) (unattached ??= []).push(t)
        if (t.joinTo === null) {
          const r = refresh.get(t.parent)
          if (r === undefined) refresh.set(t.parent, { topics: [t.name], counts: [subtreeCount(t)], roots: [], urgent: t.countDirty })
          else { r.topics.push(t.name); r.counts.push(subtreeCount(t)); r.urgent ||= t.countDirty }
          t.countDirty = false
        }
      } else if (!t.isRoot && t.wanted) {
        (detached ??= []).push(t)
      }
      for (const c of t.children.keys()) {
        if (now - this.heard(c) > o.childTimeoutMs) (expired ??= []).push([t, c])
        else fast.add(c)
      }
    }
    for (const rep of this.replicas.values()) {
      if (rep.takeoverAt === null && now - this.heard(rep.root) > o.failureTimeoutMs) (suspects ??= new Set()).add(rep.root)
    }
    if (suspects !== undefined) for (const p of suspects) this.fail(now, p)
    // A routed publish its next hop did not acknowledge: the hop may be silently dead. Drop
    // it from the table (it returns when heard from again) and route around it.
    if (this.inflight.size > 0) {
      for (const [key, f] of [...this.inflight]) {
        if (now < f.deadline) continue
        this.inflight.delete(key)
        this.table.remove(f.hop)
        this.routePublish(now, f.message, f.tries + 1)
      }
    }
    if (this.replicas.size > 0) {
      for (const [topic, rep] of [...this.replicas]) {
        if (rep.takeoverAt !== null && now >= rep.takeoverAt) this.takeover(now, topic, rep)
      }
    }
    // A parent that answered but never said it reached the root: ask again (the answer is
    // soft state; it may have been lost).
    if (unattached !== undefined) {
      for (const t of unattached) {
        if (t.parent === null || t.attached || t.joinTo !== null || this.topics.get(t.name) !== t) continue
        this.setJoin(t, t.parent, now + o.joinTimeoutMs)
        this.send(now, t.parent, { type: 'join', topic: t.name, subscribers: subtreeCount(t) })
      }
    }
    // Detached trees retry their JOIN.
    if (detached !== undefined) {
      for (const t of detached) if (t.parent === null && !t.isRoot && t.wanted && this.topics.get(t.name) === t) this.join(now, t)
    }
    // Children are soft state.
    if (expired !== undefined) {
      for (const [t, c] of expired) if (this.removeChild(t, c)) this.maybeLeave(t)
    }
    if (this.rooted.size > 0) {
      // A root that knows a node closer to the key hands the tree over to it.
      for (const t of [...this.rooted]) {
        if (this.table.nextHop(t.key) !== undefined) this.handover(now, t)
      }
      // Root replicas: on change, and every 10 ticks since the closest nodes may change.
      for (const t of this.rooted) {
        for (const [p, at] of t.publishers) if (now - at > o.publisherTtlMs) t.publishers.delete(p)
        if (t.replicaDirty || this.ticks % 10 === 0) this.replicate(now, t)
        for (const r of t.replicaTargets) fast.add(r)
        const total = subtreeCount(t)
        for (const p of t.publishers.keys()) {
          // Publishers hear the topic's subscriber count with the refreshes.
          const r = refresh.get(p)
          if (r === undefined) refresh.set(p, { topics: [], counts: [], roots: [{ topic: t.name, subscribers: total }], urgent: false })
          else r.roots.push({ topic: t.name, subscribers: total })
          fast.add(p)
        }
      }
    }
    // One heartbeat per neighbour for all topics; a liveness beat is skipped when other
    // traffic went there lately, a refresh is not.
    for (const [p, r] of refresh) {
      const rec = this.peers.get(p)
      if (!r.urgent && rec !== undefined && now - rec.lastRefresh < o.refreshIntervalMs) continue
      this.send(now, p, { type: 'heartbeat', topics: r.topics, counts: r.counts, roots: r.roots })
      if (rec !== undefined) rec.lastRefresh = now
      fast.delete(p)
    }
    for (const p of fast) {
      if (now - this.lastSent(p) >= o.heartbeatIntervalMs) this.send(now, p, HEARTBEAT)
    }
  }

  private heard (ref: PeerRef): number {
    return this.peers.get(ref)?.lastHeard ?? NEVER
  }

  private lastSent (ref: PeerRef): number {
    return this.peers.get(ref)?.lastSent ?? NEVER
  }

  private touch (ref: PeerRef, now: number): void {
    const p = this.peers.get(ref)
    if (p === undefined) this.peers.set(ref, { lastHeard: now, lastSent: NEVER, lastRefresh: NEVER })
    else if (p.lastHeard < now) p.lastHeard = now
  }

  // ---------------------------------------------------------------- helpers

  private send (now: number, to: PeerRef, msg: Msg): void {
    const p = this.peers.get(to)
    if (p === undefined) this.peers.set(to, { lastHeard: NEVER, lastSent: now, lastRefresh: NEVER })
    else p.lastSent = now
    this.queue(to, msg)
  }

  /** Queues without touching liveness records (for messages sent while forgetting a peer). */
  private queue (to: PeerRef, msg: Msg): void {
    if (to === this.ref) return
    this.stats.sent[msg.type]++
    this.outbox.push({ to, msg })
  }

  private setAttached (t: TopicState, attached: boolean, now: number): void {
    if (t.attached === attached) return
    t.attached = attached
    t.attachedChangedAt = now
  }

  private setJoin (t: TopicState, to: PeerRef | null, deadline = 0): void {
    t.joinTo = to
    t.joinDeadline = deadline
    if (to !== null) t.joinSentAt = deadline - this.options.joinTimeoutMs
    if (to === null) this.joining.delete(t)
    else this.joining.add(t)
  }

  private topicOrCreate (topic: string, now: number): TopicState {
    let t = this.topics.get(topic)
    if (t === undefined) {
      t = new TopicState(topic, topicKey(topic))
      t.attachedChangedAt = now
      this.topics.set(topic, t)
    }
    return t
  }

  private checkTopic (topic: string): void {
    assertTopic(topic, this.options.maxTopicBytes)
  }
}

function inflightKey (publisher: PeerRef, topic: string, seq: number): string {
  return `${publisher}\u0000${topic}\u0000${seq}`
}

/** Subscribers in t's subtree: ourselves if subscribed, plus what each child last reported. */
function subtreeCount (t: TopicState): number {
  let n = t.subscribed ? 1 : 0
  for (const c of t.childCounts.values()) n += c
  return n
}

/** Throws InvalidTopicError unless topic is a string of 1..maxTopicBytes UTF-8 bytes. */
export function assertTopic (topic: string, maxTopicBytes: number): void {
  if (typeof topic !== 'string' || topic.length === 0) throw new InvalidTopicError('topic must be a non-empty string')
  const n = utf8ByteLength(topic)
  if (n > maxTopicBytes) throw new InvalidTopicError(`topic of ${n} bytes is over the limit of ${maxTopicBytes} (option maxTopicBytes)`)
}

function samePath (a: readonly PeerRef[], b: readonly PeerRef[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

// The meshcast protocol for one node, sans I/O (in the manner of quinn-proto): inputs are
// handle*(now, ...) and application commands, outputs are drained (drainTransmits,
// drainEvents, pollTimeout). No clock, timers, sockets or global randomness: time comes in as
// `now` (ms), randomness from the injected Rng. The simulator and the real node drive this
// same class.
//
// Key-based routing on a Kademlia table, and one SCRIBE tree per topic on it. This class is
// the facade; the protocol lives in its parts:
//   membership.ts       JOIN / JOIN-ACK / LEAVE / refresh, roots, handover, local repair
//   fanout.ts           the fan-out cap and the bottleneck remover (REDIRECT)
//   publish-routing.ts  PUBLISH toward the root, ROUTE-ACK, ROOT-INFO, subscriber counts
//   publisher.ts        this node's epoch and sequence numbers
//   dissemination.ts    DATA down the tree, de-duplication, delivery
//   delivery-order.ts   per-publisher order at the subscriber, gaps reported
//   recovery.ts         reliable subscriptions: buffers, NACK and REPLAY
//   acks.ts             acknowledged publishes: STASH with the replicas, PUBLISH-ACK, retries
//   catch-up.ts         late joiners: what the root retained, then live, in order
//   replicas.ts         root replicas and takeover
//   tick.ts, heartbeats.ts  failure detection, retries, heartbeats
//   liveness.ts, outputs.ts the peers' records; the collected transmits and events
// See docs/protocol.md for the state machine and its reasons.
import type { CoreContext } from './core-context.ts'
import type { CoreEvent, CoreInit, CoreStats, TopicView, Transmit } from './core-types.ts'
import { emptyStats } from './core-stats.ts'
import { coreOptions } from './defaults.ts'
import type { CoreOptions } from './defaults.ts'
import { Acks } from './acks.ts'
import { CatchUp } from './catch-up.ts'
import { Delegation } from './delegation.ts'
import { DeliveryOrder } from './delivery-order.ts'
import { Dissemination } from './dissemination.ts'
import { MeshcastError } from './errors.ts'
import { Fanout } from './fanout.ts'
import { compareDistance } from './id.ts'
import type { NodeId } from './id.ts'
import { Liveness } from './liveness.ts'
import { MailboxService } from './mailbox-service.ts'
import { MemoryMailboxStore } from './mailbox-store.ts'
import { Membership } from './membership.ts'
import { Outputs } from './outputs.ts'
import { PublishRouting } from './publish-routing.ts'
import { Publisher } from './publisher.ts'
import { QueueGroups } from './queue-groups.ts'
import { Recovery } from './recovery.ts'
import { Replicas } from './replicas.ts'
import { RoutingTable } from './routing-table.ts'
import type { PeerRef } from './routing-table.ts'
import { tick } from './tick.ts'
import { WildcardForwarding } from './wildcards.ts'
import { dispatch } from './dispatch.ts'
import type { CoreParts } from './dispatch.ts'
import type { SinceSpec, TopicState } from './topic-state.ts'
import { decodeFrame } from './wire/codec.ts'
import type { AppMessage, Header, MessageRef, Msg, QueueAckKind } from './wire/types.ts'
import { assertTopic } from './topic-name.ts'

export type { CoreEvent, CoreInit, CoreStats, TopicView, Transmit } from './core-types.ts'
export { assertTopic } from './topic-name.ts'

export class MeshCore {
  readonly ref: PeerRef
  readonly id: NodeId
  readonly options: CoreOptions
  readonly table: RoutingTable
  readonly stats: CoreStats = emptyStats()

  private readonly ctx: CoreContext
  private readonly membership: Membership
  private readonly delegation: Delegation
  private readonly fanout: Fanout
  private readonly dissemination: Dissemination
  private readonly order: DeliveryOrder
  private readonly recovery: Recovery
  private readonly acks: Acks
  private readonly catchUp: CatchUp
  private readonly routing: PublishRouting
  private readonly publisher: Publisher
  private readonly replicas: Replicas
  private readonly queueGroups: QueueGroups
  private readonly mail: MailboxService
  /** Topics the local application subscribed (a held mailbox subscribes too). */
  private readonly appTopics = new Set<string>()
  private readonly parts: CoreParts
  private nextTickAt: number

  constructor (init: CoreInit) {
    this.ref = init.ref
    this.id = init.id
    this.options = coreOptions(init.options)
    const epoch = init.epoch ?? (init.rng.nextUint32() || 1)
    this.table = new RoutingTable(init.id, this.options.k, this.options.proximity)
    const peers = new Liveness()
    this.ctx = {
      ref: init.ref,
      id: init.id,
      options: this.options,
      rng: init.rng,
      table: this.table,
      stats: this.stats,
      topics: new Map<string, TopicState>(),
      out: new Outputs(init.ref, this.stats, peers, this.options.dataSuppressesHeartbeats),
      peers,
      guard: init.guard
    }
    this.delegation = new Delegation(this.ctx)
    this.recovery = new Recovery(this.ctx)
    this.membership = new Membership(this.ctx, this.delegation, this.recovery, (now, t) => { this.fanout.enforce(now, t) })
    this.fanout = new Fanout(this.ctx, this.membership)
    this.order = new DeliveryOrder(this.ctx, this.recovery)
    this.dissemination = new Dissemination(this.ctx, this.order, this.recovery)
    this.queueGroups = new QueueGroups(this.ctx, this.delegation, (now, topic, payload, headers) => { this.publisher.publish(now, topic, payload, headers) })
    this.dissemination.assign = (now, t, m) => { this.queueGroups.assign(now, t, m) }
    this.queueGroups.holdsMailbox = topic => this.mail.holders.holds(topic)
    this.catchUp = new CatchUp(this.ctx, this.order, init.wallOffset ?? 0)
    this.recovery.bind(this.dissemination, this.catchUp)
    this.routing = new PublishRouting(this.ctx, this.dissemination)
    this.acks = new Acks(this.ctx, this.routing)
    this.publisher = new Publisher(this.ctx, epoch, this.routing, this.dissemination, this.acks)
    this.replicas = new Replicas(this.ctx, this.membership, this.fanout)
    this.routing.onRootPublish = (now, t, m) => { this.acks.atRoot(now, t, m) }
    if (this.options.wildcards) {
      const wildcards = new WildcardForwarding(this.ctx, (now, topic, payload, headers) => { this.publisher.publish(now, topic, payload, headers) }, topic => this.routing.subscribers(topic))
      this.dissemination.entered = (now, m) => { wildcards.entered(now, m, false) }
      this.routing.onRouteEnd = (now, m) => { wildcards.entered(now, m, true) }
    }
    // A replica that becomes the root (taking over the dead root's tree, or asked by a JOIN
    // first) sends what the dead root stashed with it down the tree, and keeps it to resend.
    this.membership.onRooted = (now, t) => { for (const m of this.acks.takeStash(t.name)) this.dissemination.disseminate(now, t, m, null) }
    // A root that gives way (two roots met after a split, or a closer node came) sends the
    // acknowledged publishes it kept on to the root that stays: they were acknowledged to their
    // publishers and reach that root's part of the tree too (de-duplicated where known).
    this.membership.onUnrooted = (now, t) => {
      for (const m of t.buffer?.all() ?? []) if (m.ack === true) this.routing.route(now, m, 0)
    }
    // A node holding a mailbox subscribes its topic (reliable) for as long as it does.
    this.mail = new MailboxService(this.ctx, init.mailboxStore ?? new MemoryMailboxStore(), init.wallOffset ?? 0, (now, topic, on) => {
      if (on) this.membership.subscribe(now, topic, true)
      else if (!this.appTopics.has(topic)) this.membership.unsubscribe(now, topic)
    })
    this.order.delivered = m => { this.mail.holders.delivered(m) }
    this.mail.holders.restore(init.now)
    this.replicas.onDropped = topic => { this.acks.dropStash(topic) }
    // A replica whose root died and that does not take the tree over itself (another node is
    // root, or no tree is left to adopt) routes what it stashed to the topic's root now.
    this.replicas.onHandOn = (now, topic) => { for (const m of this.acks.takeStash(topic)) this.routing.route(now, m, 0) }
    this.parts = { membership: this.membership, delegation: this.delegation, routing: this.routing, replicas: this.replicas, acks: this.acks, catchUp: this.catchUp, queueGroups: this.queueGroups, mail: this.mail, dissemination: this.dissemination, fanout: this.fanout, recovery: this.recovery, epoch: () => this.epoch, fail: (now, ref) => { this.fail(now, ref) } }
    // A random phase keeps the heartbeats of many nodes from beating in step.
    this.nextTickAt = init.now + init.rng.next() * this.tickMs
  }

  /** This node's publishing session. */
  get epoch (): number {
    return this.publisher.epoch
  }

  private get tickMs (): number {
    return this.options.heartbeatIntervalMs / 2
  }

  // ---------------------------------------------------------------- outputs

  /** All pending transmits at once, in order. */
  drainTransmits (): Transmit[] {
    return this.ctx.out.drainTransmits()
  }

  drainEvents (): CoreEvent[] {
    return this.ctx.out.drainEvents()
  }

  /** The time at which handleTimeout must next be called. */
  pollTimeout (): number {
    return Math.min(this.nextTickAt, this.membership.joining.next(), this.order.next())
  }

  // ---------------------------------------------------------------- getters

  topicView (topic: string): TopicView | undefined {
    const t = this.ctx.topics.get(topic)
    return t === undefined ? undefined : this.membership.view(t)
  }

  topicViews (): TopicView[] { return [...this.ctx.topics.values()].map(t => this.membership.view(t)) }

  /** Internal tree state, read-only, for the simulator's invariant checks. */
  topicState (topic: string): Readonly<TopicState> | undefined { return this.ctx.topics.get(topic) }
  topicStates (): IterableIterator<Readonly<TopicState>> { return this.ctx.topics.values() }

  /** Child entries over all topics (what the fan-out cap limits). */
  get childCount (): number { return this.membership.childCount }

  /** The number of subscribers the topic's tree reports (PublishRouting.subscribers); undefined when not known yet. */
  subscribers (topic: string): number | undefined {
    return this.routing.subscribers(topic)
  }

  // ---------------------------------------------------------------- application commands

  /**
   * Subscribes the local application. Reliable: gaps are asked for again from the tree, which
   * keeps recent messages for it (recovery.ts); the last call for a topic decides.
   */
  subscribe (now: number, topic: string, options: { reliable?: boolean, since?: SinceSpec } = {}): void {
    this.checkTopic(topic)
    const since = options.since
    this.appTopics.add(topic)
    this.membership.subscribe(now, topic, options.reliable === true || since !== undefined || this.mail.holders.holds(topic))
    const t = this.ctx.topics.get(topic)
    if (since !== undefined && t !== undefined) {
      // Delivery waits until the root answered what it retained (catch-up.ts).
      t.since = since
      t.sinceUntil = Infinity
      this.catchUp.maybeRequest(now, t)
    }
    this.settle(now)
  }

  unsubscribe (now: number, topic: string): void {
    this.appTopics.delete(topic)
    if (this.mail.holders.holds(topic)) this.membership.subscribe(now, topic, true)
    else this.membership.unsubscribe(now, topic)
    this.settle(now)
  }

  /**
   * A durable subscription (mailbox-client.ts): the mailbox (name, topic), held by the two nodes
   * closest to its key, keeps the topic's messages while no subscription of that name is open,
   * and delivers them in order ('mailbox-deliver' events, answered with mailboxAck()).
   */
  openMailbox (now: number, name: string, topic: string): void {
    this.checkTopic(topic)
    this.mail.client.open(now, name, topic)
  }

  /** The durable subscription went; `remove` deletes its mailbox (else it keeps collecting). */
  closeMailbox (now: number, name: string, topic: string, remove = false): void {
    this.mail.client.close(now, name, topic, remove)
  }

  mailboxAck (now: number, name: string, topic: string, m: MessageRef): void {
    this.mail.client.ack(now, name, topic, m)
  }

  /** Mailboxes this node holds, and the messages they keep. */
  get mailboxesHeld (): number { return this.mail.holders.size }
  get mailboxMessages (): number { return this.mail.holders.messages }

  /**
   * The local application subscribes to the topic in queue group `group` (as well as
   * subscribe(), which puts the node in the topic's tree): the topic's root assigns each message
   * to one member of the group (AppMessage.queue; queue-groups.ts).
   */
  joinQueue (now: number, topic: string, group: string, maxAckPending = 0): void {
    this.checkTopic(topic)
    this.queueGroups.join(now, this.ctx.topics.get(topic) ?? topic, group, maxAckPending)
  }

  /** The local application subscribes the topic outside queue groups too (publishers must use the tree). */
  queuePlain (now: number, topic: string, plain: boolean): void {
    const t = this.ctx.topics.get(topic)
    if (t !== undefined) this.queueGroups.setPlain(now, t, plain)
  }

  /** The answer for a message a 'queue-deliver' event gave (groups with acknowledgements), to the topic's root. */
  queueAck (now: number, topic: string, group: string, m: { publisher: PeerRef, epoch: number, seq: number }, kind: QueueAckKind, delay = 0): void {
    const t = this.ctx.topics.get(topic)
    if (t !== undefined) this.queueGroups.acks.answer(now, t, group, m, kind, Math.max(0, Math.min(Math.round(delay), 0xffffffff)))
  }

  /** A message a publisher sent this node for `group`, which it has no subscription in any more: the root gives it to another member. */
  queueReturn (now: number, message: AppMessage, group: string): void {
    this.queueGroups.returned(now, message, group, m => { this.routing.route(now, m, 0) })
  }

  leaveQueue (now: number, topic: string, group: string): void {
    const t = this.ctx.topics.get(topic)
    if (t !== undefined) this.queueGroups.leave(now, t, group)
  }

  /**
   * Publishes a message; returns its sequence number (per topic, from 1). With `ack`, an
   * 'acked' event follows once the topic's root and a replica hold it, or 'ack-failed' after
   * ackTimeoutMs (acks.ts).
   */
  publish (now: number, topic: string, payload: Uint8Array, headers: Header[] = [], options: { ack?: boolean } = {}): number {
    this.checkTopic(topic)
    return this.publisher.publish(now, topic, payload, headers, options.ack === true)
  }

  /**
   * Answers a request: the reply goes straight to `to`, the node that published the request
   * (`request` is the number it gave it, in the request's `reply` header). A 'reply' event there.
   */
  reply (now: number, to: PeerRef, topic: string, request: number, payload: Uint8Array, headers: Header[] = []): void {
    this.checkTopic(topic)
    this.publisher.reply(now, to, topic, request, payload, headers)
  }

  /** Acknowledged publishes of ours still waiting. */
  get unacknowledged (): number {
    return this.acks.waiting
  }

  // ---------------------------------------------------------------- network and timer inputs

  /** A connection to a peer is up (or its round-trip time was measured again). */
  handlePeerUp (now: number, ref: PeerRef, id: NodeId, rtt: number = Infinity): void {
    if (ref === this.ref) return
    this.ctx.peers.connected(ref, now)
    this.table.add(ref, id, rtt)
    // Topics we root for which the newcomer is closer to the key: hand them over (collected
    // first, since a handover changes the rooted set; no copy of the set per peer-up).
    let closer: TopicState[] | undefined
    for (const t of this.membership.rooted) if (compareDistance(id, this.id, t.key) < 0) (closer ??= []).push(t)
    if (closer !== undefined) for (const t of closer) this.membership.handover(now, t)
  }

  /** The transport lost the peer (connection closed, send failed). */
  handlePeerDown (now: number, ref: PeerRef): void {
    this.fail(now, ref)
    this.settle(now)
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
    this.ctx.peers.touch(from, now)
    this.stats.received[msg.type]++
    dispatch(this.ctx, this.parts, now, from, msg)
    this.settle(now)
  }

  handleTimeout (now: number): void {
    if (now >= this.nextTickAt) {
      tick(this.ctx, this.parts, now)
      while (this.nextTickAt <= now) this.nextTickAt += this.tickMs
    }
    // JOINs unanswered by their deadline: the peer is taken as failed (and the JOIN re-routed).
    for (const t of this.membership.joining.takeDue(now)) {
      if (t.joinTo !== null && now >= t.joinDeadline) this.fail(now, t.joinTo)
    }
    // Held messages whose wait for a missing one ended: the gap is reported, they go out.
    this.order.takeDue(now)
    this.settle(now)
  }

  /**
   * After an input: a tree this node forwards for one child only, without subscribing, hands
   * that child to its parent (the chain collapses as soon as it forms, so a tree that stopped
   * changing has none left).
   */
  private settle (now: number): void {
    this.mail.holders.flush(now)
    const reshaped = this.membership.reshaped
    if (reshaped.size === 0) return
    for (const t of reshaped) {
      if (this.ctx.topics.get(t.name) !== t) continue
      if (t.since !== null) this.catchUp.maybeRequest(now, t)
      this.fanout.collapse(now, t)
      this.delegation.consider(now, t)
    }
    reshaped.clear()
  }

  // ---------------------------------------------------------------- failure

  /** A peer is gone: drop it everywhere and repair what depended on it. */
  private fail (now: number, ref: PeerRef): void {
    this.table.remove(ref)
    this.ctx.peers.forget(ref)
    this.routing.onPeerFailed(now, ref)
    this.replicas.onPeerFailed(now, ref)
    this.mail.onPeerFailed(now, ref)
    this.membership.limits.forget(ref)
    this.membership.onPeerFailed(now, ref)
    this.ctx.out.emit({ type: 'peer-failed', peer: ref })
  }

  private checkTopic (topic: string): void {
    assertTopic(topic, this.options.maxTopicBytes)
  }
}


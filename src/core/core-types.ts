// The core's public shapes: what it is created with, what it emits, what it counts, and the
// view of one topic it reports.
import type { NodeId } from './id.ts'
import type { Rng } from './rng.ts'
import type { PeerRef } from './routing-table.ts'
import type { CoreOptions } from './defaults.ts'
import type { MailboxStore } from './mailbox-store.ts'
import type { Guard } from './guard.ts'
import type { AppMessage, Header, Msg, MsgType } from './wire/types.ts'

export interface CoreInit {
  /** How the transport names this node. */
  ref: PeerRef
  /** This node's 256-bit id. */
  id: NodeId
  rng: Rng
  /** Time (ms) at creation. */
  now: number
  /**
   * This node's publishing session. It must grow across restarts of a node with the same ref
   * (subscribers drop a lower epoch's messages as an old session's stragglers): the node
   * passes its start time in ms. Drawn from rng when absent (the simulator: no restarts).
   */
  epoch?: number
  /** Wall-clock ms at `now` = 0 (subscriptions `since` a time compare with it); 0 when absent. */
  wallOffset?: number
  options?: Partial<CoreOptions>
  /** Where the mailboxes this node holds are kept (in memory when absent); read at creation. */
  mailboxStore?: MailboxStore
  /** Checks every message from a peer before the core handles it (guard.ts); none: all are. */
  guard?: Guard
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
  /**
   * Messages of a publisher that the local subscription will not receive: they did not arrive
   * within reorderWaitMs of a later one (lost upstream, or too late), `missed` of them.
   */
  | { type: 'gap', topic: string, publisher: PeerRef, missed: number }
  /** A subscription `since` got what the root retained (delivered, or queued in order). */
  | { type: 'caught-up', topic: string }
  /** Our acknowledged publish of `seq` is held by the topic's root set. */
  | { type: 'acked', topic: string, seq: number }
  /** Our acknowledged publish of `seq` was not acknowledged within ackTimeoutMs. */
  | { type: 'ack-failed', topic: string, seq: number }
  /**
   * A message for this node to process for queue group `group`: from the topic's root with
   * acknowledgements (attempt from 1), or straight from its publisher in a plain group (attempt 0).
   */
  | { type: 'queue-deliver', group: string, message: AppMessage, attempt: number }
  /** A durable subscription's mailbox takes the topic's messages (mailbox-client.ts). */
  | { type: 'mailbox-ready', name: string, topic: string }
  /** A durable subscription's mailbox delivers a kept message: acknowledge it with mailboxAck(). */
  | { type: 'mailbox-deliver', name: string, message: AppMessage }
  /** This node holds a mailbox now (a node looks its key up, so its table has the closest nodes). */
  | { type: 'mailbox-held', name: string, topic: string }
  /** A mailbox dropped messages over its bounds (`dropped` since it was created); at a holder or at the subscriber. */
  | { type: 'mailbox-overflow', name: string, topic: string, dropped: number, holder: boolean }
  /** A peer keeps sending what this node refuses (peer-limits.ts): the node disconnects it for a while. */
  | { type: 'peer-misbehaving', peer: PeerRef, reason: string }
  /** A node answered our request number `request` (published on `topic`). */
  | { type: 'reply', from: PeerRef, topic: string, request: number, payload: Uint8Array, headers: Header[] }

export interface CoreStats {
  sent: Record<MsgType, number>
  received: Record<MsgType, number>
  malformedFrames: number
  /** Messages the guard refused (guard.ts): forged, unsigned or not granted. */
  refused: number
  /** De-duplication windows evicted for a topic's new publisher (maxPublishersPerTopic). */
  publishersEvicted: number
  duplicates: number
  /** Messages the local subscriptions will not receive: skipped numbers reported as gaps. */
  gaps: number
  /** Messages that arrived after their number had been skipped (dropped, already in a gap). */
  late: number
  /** Messages of a publisher's earlier session (epoch) arriving after its newer one (dropped). */
  stale: number
  /** Reliable delivery (recovery.ts): NACKs this node sent for its own gaps, passed up for others, messages resent and resent to us. */
  nacksSent: number
  nacksForwarded: number
  replaysSent: number
  replaysReceived: number
  /** Acknowledged publishes sent again (their acknowledgement was late). */
  ackRetries: number
  droppedNoRoute: number
  repairs: number
  redirects: number
  /** Forwarders with one child and no subscription that handed the child to their parent. */
  collapses: number
  rootTakeovers: number
  handovers: number
  cyclesAvoided: number
  /** Queue group registrations a root refused (over its bounds of groups or members). */
  queueJoinsRefused: number
  /** Queue groups with acknowledgements, at the root: messages acknowledged, answers not from the member holding the message, deliveries after the first, messages sent to the dead-letter topic. */
  queueAcked: number
  queueAcksIgnored: number
  queueRedeliveries: number
  queueDeadLettered: number
  /** Plain queue groups: messages this node published straight to members, and received so as a member. */
  queueDirectSent: number
  queueDirectReceived: number
  /** Messages returned by a member that left its group and lost: no other member at the root, or a node that is neither the root nor on a way to it. */
  queueReturnsLost: number
  /** Durable mailboxes: not created (over maxMailboxes), deleted, messages dropped over bounds, deliveries for no durable subscription here. */
  mailboxesRefused: number
  mailboxesDeleted: number
  mailboxDropped: number
  mailboxIgnored: number
  /** JOINs (and refreshes acting as JOINs) dropped over maxTopicsPerPeer or maxTopics; peers reported as misbehaving. */
  joinsRefused: number
  peersReported: number
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
  /** At the root: the topic's queue groups and how many members each has registered. */
  queueGroups?: Record<string, number>
}

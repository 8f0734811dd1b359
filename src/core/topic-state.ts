// What one node knows of one topic's tree.
import type { DedupWindow } from './dedup.ts'
import type { OrderStream } from './delivery-order.ts'
import type { QueueGroupState } from './queue-groups.ts'
import type { QueueMembers } from './wire/types.ts'
import type { ReplayBuffer } from './replay-buffer.ts'
import type { NodeId } from './id.ts'
import type { PeerRef } from './routing-table.ts'

export interface ChildEntry {
  /** Handed to a sibling by the bottleneck remover; still served until it leaves. */
  redirected: boolean
  /** A reliable subscription is below it (its JOIN said so): keep messages to resend. */
  reliable: boolean
}

export class TopicState {
  readonly name: string
  readonly key: NodeId
  /** The application on this node subscribed. */
  subscribed = false
  /** When it did (core time): a reliable subscription asks for what was published since. */
  subscribedAt = 0
  /** The local subscription is reliable: gaps are asked for again (recovery.ts). */
  reliable = false
  /** Children whose subtree holds a reliable subscription. */
  reliableChildren = 0
  /** After the last reliable subscription below went: keep buffering until then (it may come back). */
  reliableUntil = 0
  /** A late joiner's request for retained messages, until it went to the root (catch-up.ts). */
  since: SinceSpec | null = null
  /** While catching up: delivery waits until the root's answer is complete, or until then. 0: not waiting. */
  sinceUntil = 0
  /** The catch-up asked for each publisher's last N (0: not so bounded): more held is older. */
  sinceLast = 0
  /** The numbers replayed to the catch-up so far, per publisher (for sinceLast). */
  sinceReplayed: Map<PeerRef, Set<number>> | null = null
  /** Recent messages to resend, while a reliable subscription is (or was lately) below. */
  buffer: ReplayBuffer | null = null
  /** Our parent in the tree (pending until it acknowledges); null at the root or detached. */
  parent: PeerRef | null = null
  /** Connected to the root through the parent (or we are the root). */
  attached = false
  /** When `attached` last changed (a repair in progress started then). */
  attachedChangedAt = 0
  /** When this node last lost its place below the root (reliable: what it asks for after). */
  detachedAt = 0
  /**
   * A reliable subscriber that re-attached asked for everything it missed (recovery.ts): until
   * then, a publisher first heard of waits for its lower numbers (the answer may bring them).
   */
  recoveringUntil = 0
  /** When this node took up the topic (core time). */
  createdAt = 0
  isRoot = false
  /** The parent and its ancestors up to the root, as the parent last told us. */
  path: PeerRef[] = []
  /** A JOIN is out to this peer and not yet answered. */
  joinTo: PeerRef | null = null
  joinDeadline = 0
  /** When the last JOIN went out. */
  joinSentAt = 0
  /** After the parent died: its ancestors, tried in turn before routing a new JOIN. */
  ancestors: PeerRef[] = []
  /** After a redirect: the old parent, left once the new one answers. */
  leaveOnAck: PeerRef | null = null
  /** The 'ready' event went out for the local subscription. */
  readySent = false
  readonly children = new Map<PeerRef, ChildEntry>()
  /** Subscribers below each child, as its last refresh reported. */
  readonly childCounts = new Map<PeerRef, number>()
  /** At the root: publishers that send here directly, with the time of their last message. */
  readonly publishers = new Map<PeerRef, number>()
  /** At the root: publishers that do not know us yet, or not the current count (told with the next refresh to them). */
  readonly uninformed = new Set<PeerRef>()
  /** At the root: the only child, to which publishers send directly (delegation.ts). */
  delegate: PeerRef | null = null
  /** At the root: the former delegate, until it confirms it stopped taking publishes. */
  revoking: PeerRef | null = null
  /** At the root: children whose attached JOIN-ACK waits for that confirmation. */
  readonly heldAcks = new Set<PeerRef>()
  /** At the root: the topic's queue groups and their members (queue-groups.ts); null: none. */
  queues: Map<string, QueueGroupState> | null = null
  /** At the root: the plain queue groups' members publishers may send to directly (queue-groups.ts); null: not now. */
  direct: QueueMembers[] | null = null
  /** At the root: the last delegate whose delegation was withdrawn (it kept what publishers sent it). */
  formerDelegate: PeerRef | null = null
  /** Our parent (the root) delegated the tree's data to us. */
  delegated = false
  /** At the root: the subscriber count last sent to the publishers. */
  reportedCount = -1
  /** At the root: the nodes that hold our replica. */
  replicaTargets: PeerRef[] = []
  replicaDirty = false
  /** The routing table's version when replicaTargets were chosen. */
  replicaTableVersion = -1
  /** Peers that answered a JOIN with a path through us, and until when to route around them. */
  readonly avoid = new Map<PeerRef, number>()
  /** De-duplication windows by publisher. */
  readonly dedup = new Map<PeerRef, DedupWindow>()
  /** While subscribed: each publisher's sequence as delivered here (delivery-order.ts). */
  readonly streams = new Map<PeerRef, OrderStream>()

  constructor (name: string, key: NodeId) {
    this.name = name
    this.key = key
  }

  /** Tree depth of this node: 0 at the root, path length otherwise. */
  get depth (): number {
    return this.isRoot ? 0 : this.path.length
  }

  /** The node needs a place in the tree: it subscribes or forwards for children. */
  get wanted (): boolean {
    return this.subscribed || this.children.size > 0
  }
}

/** What a late joiner asks the root for (0: no such bound): seq or later, wall-clock ms or later, each publisher's last N. */
export interface SinceSpec {
  seq: number
  time: number
  last: number
}

/** A reliable subscription is here or below. */
export function wantsReliable (t: TopicState): boolean {
  return t.reliable || t.reliableChildren > 0
}

/** Subscribers in t's subtree: ourselves if subscribed, plus what each child last reported. */
export function subtreeCount (t: TopicState): number {
  let n = t.subscribed ? 1 : 0
  for (const c of t.childCounts.values()) n += c
  return n
}

// The core's public shapes: what it is created with, what it emits, what it counts, and the
// view of one topic it reports.
import type { NodeId } from './id.ts'
import type { Rng } from './rng.ts'
import type { PeerRef } from './routing-table.ts'
import type { CoreOptions } from './defaults.ts'
import type { AppMessage, Msg, MsgType } from './wire/types.ts'

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
  /** Forwarders with one child and no subscription that handed the child to their parent. */
  collapses: number
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

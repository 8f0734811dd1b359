// The core's view of the wire messages: a tagged union, one variant per message of
// meshcast.proto. The codec (codec.ts) is the only place that maps it to and from bytes.
import type { PeerRef } from '../routing-table.ts'

export interface Header {
  key: string
  value: string
}

/** An application message as the tree carries it. */
export interface AppMessage {
  topic: string
  /** The publishing node. */
  publisher: PeerRef
  /** The publisher's session: a restarted publisher starts a new epoch and its seq anew. */
  epoch: number
  /** Per publisher and topic, from 1. */
  seq: number
  payload: Uint8Array
  headers: Header[]
  /** The publisher waits for the root set to acknowledge it (acks.ts). */
  ack?: boolean
  /** With ack: the publisher's lowest unacknowledged number on the topic when it sent this (see the .proto). */
  floor?: number
  /** Queue groups: the member node that delivers this message, per group (queue-groups.ts). */
  queue?: QueueAssign[]
  /** The publisher's signature with its Merkle path (src/security/message-seal.ts); kept as is by forwarders. */
  seal?: Uint8Array
}

/** What became of a message a queue group member was given (the .proto's QueueAck.kind). */
export type QueueAckKind = 'ack' | 'nak' | 'working' | 'term'
export const QUEUE_ACK_KINDS: readonly QueueAckKind[] = ['ack', 'nak', 'working', 'term']

export interface QueueAssign {
  group: string
  member: PeerRef
}

/** A message named by its publisher's session and number (durable mailboxes). */
export interface MessageRef {
  publisher: PeerRef
  epoch: number
  seq: number
}

/** What a MailboxOpen asks (the .proto's MailboxOpen.mode). */
export type MailboxMode = 'attach' | 'detach' | 'delete'
export const MAILBOX_MODES: readonly MailboxMode[] = ['attach', 'detach', 'delete']

export interface TopicCount {
  topic: string
  subscribers: number
  /** Publish to this peer instead of the sender ('' none): the root delegated its tree's data to it. */
  via: PeerRef
  /** Every subscriber is a member of these plain queue groups: publish straight to members (queue-groups.ts). */
  queues: QueueMembers[]
}

export interface QueueMembers {
  group: string
  members: PeerRef[]
}

/** One topic of a REPLICA message: the root's children (or, dropped, forget the replica). */
export interface ReplicaEntry {
  topic: string
  children: PeerRef[]
  dropped: boolean
  rank: number
  /** The children continue the previous entry's list for this topic. */
  more: boolean
}

export type Msg =
  | { type: 'join', topic: string, subscribers: number, reliable: boolean }
  | { type: 'joinAck', topic: string, attached: boolean, path: PeerRef[], replaces: PeerRef, delegate: boolean, withdraw: boolean }
  | { type: 'leave', topic: string }
  | { type: 'publish', message: AppMessage, direct: boolean }
  | { type: 'data', message: AppMessage }
  | { type: 'heartbeat', topics: string[], counts: number[], roots: TopicCount[] }
  | { type: 'replica', entries: ReplicaEntry[] }
  | { type: 'redirect', topic: string, candidates: PeerRef[] }
  | { type: 'rootInfo', topic: string, subscribers: number }
  | { type: 'routeAck', topic: string, publisher: PeerRef, seq: number }
  | { type: 'nack', topic: string, publisher: PeerRef, epoch: number, from: number, to: number, requester: PeerRef, maxAge: number }
  | { type: 'replay', message: AppMessage }
  | { type: 'stash', message: AppMessage }
  | { type: 'publishAck', topic: string, publisher: PeerRef, epoch: number, seq: number }
  | { type: 'since', topic: string, seq: number, time: number, last: number, done: boolean, requester: PeerRef }
  | { type: 'reply', topic: string, request: number, payload: Uint8Array, headers: Header[] }
  | { type: 'queueJoin', topic: string, group: string, leave: boolean, maxAckPending: number, plain: boolean }
  | { type: 'queueDeliver', group: string, message: AppMessage, attempt: number }
  | { type: 'queueAck', topic: string, group: string, publisher: PeerRef, epoch: number, seq: number, kind: QueueAckKind, delay: number }
  | { type: 'mailboxOpen', name: string, topic: string, subscriber: PeerRef, mode: MailboxMode }
  | { type: 'mailboxState', name: string, topic: string, ready: boolean, stored: number, dropped: number }
  | { type: 'mailboxDeliver', name: string, message: AppMessage }
  | { type: 'mailboxAck', name: string, topic: string, ids: MessageRef[] }
  | { type: 'mailboxSync', name: string, topic: string, acked: MessageRef[], messages: AppMessage[], request: boolean, hold: boolean }
  | { type: 'grants', grants: Signed[], want: PeerRef[], revocations: Signed[] }

/** A statement of the mesh's authority (an encoded Grant or Revocation) and its signature (src/security/). */
export interface Signed {
  body: Uint8Array
  signature: Uint8Array
}

export type MsgType = Msg['type']

export const MSG_TYPES: readonly MsgType[] = ['join', 'joinAck', 'leave', 'publish', 'data', 'heartbeat', 'replica', 'redirect', 'rootInfo', 'routeAck', 'nack', 'replay', 'stash', 'publishAck', 'since', 'reply', 'queueJoin', 'queueDeliver', 'queueAck', 'mailboxOpen', 'mailboxState', 'mailboxDeliver', 'mailboxAck', 'mailboxSync', 'grants']

export type DataMsg = Extract<Msg, { type: 'publish' | 'data' }>

/** PUBLISH hops and DATA copies are the data plane; everything else is control. */
export function isDataPlane (type: MsgType): boolean {
  return type === 'publish' || type === 'data'
}

/** A data-plane message (it carries an application message). */
export function isDataMsg (m: Msg): m is DataMsg {
  return isDataPlane(m.type)
}

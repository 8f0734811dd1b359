// The narrow interface between the node and a network: frames out to a peer, frames and peer
// changes in. The libp2p transport implements it; tests may use others.
import type { NodeId } from '../core/id.ts'
import type { PeerRef } from '../core/routing-table.ts'

/** Why a transport dropped a frame it had accepted. */
export type DropReason = 'lane-queue-full' | 'stream-queue-full' | 'stream-closed' | 'dial-failed' | 'peer-down'

/**
 * control: heartbeats, JOIN/JOIN-ACK, LEAVE, acks... (never dropped to make room for data);
 * data: PUBLISH hops and DATA copies (shed first under load, counted per topic).
 */
export type FrameKind = 'control' | 'data'

/** A frame and the topics of the messages in it (so a drop can be counted per topic). */
export interface OutFrame {
  bytes: Uint8Array
  /** One entry per application message in the frame; [] for a control frame. */
  topics: readonly string[]
  /** A frame is control-only or data-only (MeshNode.send splits batches). */
  kind: FrameKind
}

export interface TransportEvents {
  /** One encoded frame from a peer. */
  frame: (from: PeerRef, bytes: Uint8Array) => void
  /** A connection to the peer is up, or its round-trip time was measured (ms; Infinity if not). */
  peerUp: (peer: PeerRef, id: NodeId, rttMs: number) => void
  /** The last connection to the peer closed, or sending to it failed. */
  peerDown: (peer: PeerRef) => void
  /** A frame was dropped (bounded queues: what a slow peer cannot take is counted, not kept). */
  dropped: (reason: DropReason, frame: OutFrame) => void
}

export interface Transport {
  start: () => Promise<void>
  stop: () => Promise<void>
  /** Queues a frame for the peer; never throws (a failure is reported as peerDown or dropped). */
  send: (to: PeerRef, frame: OutFrame) => void
}

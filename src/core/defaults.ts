// Every default of the protocol core in one place, with its reason.
import { InvalidOptionError } from './errors.ts'

export interface CoreOptions {
  /** Kademlia bucket size. 20 is Kademlia's and kad-dht's k. */
  k: number
  /**
   * Prefer low round-trip peers within a full bucket (proximity neighbour selection). It is
   * what keeps the delay penalty of tree paths low; off only to measure its effect.
   */
  proximity: boolean
  /** r: the nodes closest to a topic key that keep a replica of the root's state. */
  replicas: number
  /**
   * Heartbeat interval between tree neighbours (one heartbeat per neighbour for all topics,
   * skipped when other traffic went to that neighbour within the interval). 500 ms lets a
   * subtree whose parent dies receive again within 2 s (failure timeout + one route).
   */
  heartbeatIntervalMs: number
  /**
   * A watched peer (parent, replicated root, cached root) silent for this long is taken as
   * failed: 2.5 heartbeats tolerates one lost or late heartbeat. Checks run every half
   * heartbeat, so detection lands within 3 heartbeat intervals of the last word heard.
   */
  failureTimeoutMs: number
  /**
   * Children refresh their place in a parent's child list this often. Slower than the
   * heartbeat: the parent only needs it to forget children that vanished silently (a crashed
   * process is usually reported by the transport at once).
   */
  refreshIntervalMs: number
  /** A child silent this long is dropped from the child list (children are soft state). */
  childTimeoutMs: number
  /** A JOIN not answered (even by a hop-level acknowledgement) in this time is re-routed. */
  joinTimeoutMs: number
  /** Route around a peer that answered a JOIN with a path through us for this long (its path may be stale). */
  avoidMs: number
  /**
   * Fan-out cap, per topic: children a node holds in one topic's tree before it hands its
   * farthest child there to a sibling (SCRIBE's bottleneck remover). Per topic, not per node:
   * a node that has one child in each of many trees cannot shed any (a redirect needs a
   * sibling), and a message costs a node one copy per child of its topic. Infinity turns the
   * remover off.
   */
  maxChildren: number
  /**
   * When the root dies, the replica of rank k takes over after k of these unless a new root
   * spoke first (rank 0 at once). Longer than the spread of failure detection plus one trip.
   */
  takeoverStaggerMs: number
  /** The root heartbeats a publisher that sent to it directly within this time. */
  publisherTtlMs: number
  /**
   * Data sent to a peer counts as liveness traffic (its heartbeat is skipped). True where data
   * and control share one ordered link (the simulator); the node sets false, since its data
   * travels on a stream of its own that may queue behind a burst or be shed.
   */
  dataSuppressesHeartbeats: boolean
  /** How many recent sequence numbers per publisher the de-duplication window holds. */
  dedupWindow: number
  /**
   * Publishers a topic keeps de-duplication windows and delivery order for: a new one past
   * this evicts the one heard of first (counted: publishersEvicted).
   */
  maxPublishersPerTopic: number
  /**
   * A subscriber holds a message that arrived ahead of a missing one for this long before it
   * reports the missing ones as a gap and delivers in order. Longer than the usual reordering
   * (a first publish routed while a later one goes straight to the root; a parent change); a
   * lost message delays the ones behind it by this much.
   */
  reorderWaitMs: number
  /** Messages held per publisher behind a missing one; beyond it the gap is reported at once. */
  reorderMaxHeld: number
  /**
   * A reliable subscription asks its parent again for missing messages this often, up to
   * reliableAttempts times, before it reports them as a gap. Long enough for a request to go
   * up a few levels and back; the attempts span a repair (the parent may change meanwhile).
   */
  reliableWaitMs: number
  reliableAttempts: number
  /**
   * What a node keeps per topic to resend while a reliable subscription is below it (and for
   * replayBufferAgeMs after the last one went, since it may come back through another node):
   * messages, bytes (payloads and headers), and age.
   */
  replayBufferMessages: number
  replayBufferBytes: number
  replayBufferAgeMs: number
  /** Buffers of topics a node stopped holding, kept in case it holds them again (retired-buffers.ts). */
  retiredBuffers: number
  /** A queue group member tells the topic's root again this often (queue-groups.ts). */
  queueRefreshMs: number
  /**
   * Queue groups with acknowledgements (queue-acks.ts): a message not acknowledged this long
   * after its delivery is delivered again (30 s, as JetStream's AckWait); after this many
   * deliveries it goes to `$DLQ.<topic>`.
   */
  queueAckWaitMs: number
  queueMaxDeliver: number
  /**
   * Durable mailboxes (mailboxes.ts): a durable subscriber's node tells the mailbox again this
   * often that it is there; the holders exchange acknowledgements and check who should hold the
   * mailbox at this pace too.
   */
  mailboxRefreshMs: number
  /** A message delivered from a mailbox and not acknowledged this long is delivered again. */
  mailboxAckWaitMs: number
  /** Messages a mailbox has delivered and not had acknowledged at once (then it waits). */
  mailboxWindow: number
  /**
   * Bounds of one mailbox: messages, bytes (payloads and headers) and age. Over the count or the
   * bytes the oldest messages are dropped (counted, and an event at the holder and at the
   * subscriber): the newest are what an offline device wants, as MQTT brokers and JetStream's
   * DiscardOld do.
   */
  mailboxMaxMessages: number
  mailboxMaxBytes: number
  mailboxMaxAgeMs: number
  /** Mailboxes one node holds, and their bytes in total (a message over it is dropped, counted). */
  maxMailboxes: number
  mailboxesMaxBytes: number
  /**
   * Wildcard subscriptions (wildcards.ts): every node of a mesh that uses them must forward the
   * messages that enter its trees to the wildcard families (off by default: it costs each node a
   * try of each family of the topics it roots every wildcardProbeMs, even with no wildcard
   * subscriber anywhere).
   */
  wildcards: boolean
  /** A wildcard family known to be empty is tried again this often. */
  wildcardProbeMs: number
  /**
   * An acknowledged publish not acknowledged within ackRetryMs is routed again (the root may
   * have died: the route finds its successor); after ackTimeoutMs the publish fails. The retry
   * is under the repair bound, so a takeover is found by the second or third try.
   */
  ackRetryMs: number
  ackTimeoutMs: number
  /**
   * Bounds on the tree state peers make a node hold (peer-limits.ts): topics in which one peer
   * may be a child of this node, and topics a node creates for peers' JOINs in all. A JOIN over
   * either is dropped and counted; a peer that keeps sending them is reported and disconnected.
   * 20,000 per peer is twice the issue-11 deployments' topics per node; 200,000 topics take
   * about 200 MB here (TopicState with its maps).
   */
  maxTopicsPerPeer: number
  maxTopics: number
  /** Topic names are UTF-8 strings of 1..maxTopicBytes bytes. */
  maxTopicBytes: number
  /** Largest application payload a node accepts or sends. */
  maxPayloadBytes: number
  /** Largest encoded frame (a batch of messages) a node decodes. */
  maxFrameBytes: number
}

export const CORE_DEFAULTS: Readonly<CoreOptions> = Object.freeze({
  k: 20,
  proximity: true,
  replicas: 3,
  heartbeatIntervalMs: 500,
  failureTimeoutMs: 1250,
  refreshIntervalMs: 1000,
  childTimeoutMs: 3500,
  joinTimeoutMs: 1000,
  avoidMs: 1000,
  maxChildren: 64,
  takeoverStaggerMs: 500,
  publisherTtlMs: 10_000,
  dataSuppressesHeartbeats: true,
  dedupWindow: 1024,
  maxPublishersPerTopic: 4096,
  reorderWaitMs: 200,
  reorderMaxHeld: 1024,
  reliableWaitMs: 1000,
  reliableAttempts: 4,
  replayBufferMessages: 1024,
  replayBufferBytes: 1024 * 1024,
  replayBufferAgeMs: 30_000,
  retiredBuffers: 64,
  queueRefreshMs: 1000,
  queueAckWaitMs: 30_000,
  queueMaxDeliver: 5,
  mailboxRefreshMs: 1000,
  mailboxAckWaitMs: 10_000,
  mailboxWindow: 128,
  mailboxMaxMessages: 10_000,
  mailboxMaxBytes: 16 * 1024 * 1024,
  mailboxMaxAgeMs: 7 * 24 * 3600_000,
  maxMailboxes: 1024,
  mailboxesMaxBytes: 256 * 1024 * 1024,
  wildcards: false,
  wildcardProbeMs: 2000,
  ackRetryMs: 1000,
  ackTimeoutMs: 10_000,
  maxTopicsPerPeer: 20_000,
  maxTopics: 200_000,
  maxTopicBytes: 256,
  maxPayloadBytes: 1024 * 1024,
  maxFrameBytes: 4 * 1024 * 1024
})

/**
 * Room a frame keeps beyond the largest payload (and its headers): the envelope, topic,
 * publisher id and framing of one message. A frame of a single message always fits.
 */
export const FRAME_OVERHEAD_BYTES = 64 * 1024

export function coreOptions (overrides: Partial<CoreOptions> = {}): CoreOptions {
  const o = { ...CORE_DEFAULTS }
  for (const [k, v] of Object.entries(overrides)) {
    if (v !== undefined) (o as Record<string, unknown>)[k] = v
  }
  if (o.maxFrameBytes < o.maxPayloadBytes + FRAME_OVERHEAD_BYTES) {
    throw new InvalidOptionError(`maxFrameBytes (${o.maxFrameBytes}) must be at least maxPayloadBytes (${o.maxPayloadBytes}) + ${FRAME_OVERHEAD_BYTES}: a message of the largest payload must fit in one frame`)
  }
  return o
}

// Defaults of the networked node, with their reasons. Protocol defaults live in
// src/core/defaults.ts.

export const NODE_DEFAULTS = Object.freeze({
  /** Messages a subscription buffers for a slow consumer before dropping the oldest. */
  maxPending: 65_536,
  /**
   * Topics whose messages the node counts one by one (published, delivered, forwarded: stats,
   * metrics, meshcast top); further topics share one '(other)' entry, so a peer cannot grow it.
   */
  maxCountedTopics: 10_000,
  /**
   * Data frames queued per peer on libp2p while its data stream opens or drains (oldest dropped
   * beyond: an overloaded node sheds data, counted as 'stream-queue-full').
   */
  maxQueuedFrames: 4096,
  /** The same queues (libp2p and ZeroMQ lanes) bounded in bytes too: a peer's share of memory. */
  maxQueuedBytes: 64 * 1024 * 1024,
  /**
   * Control frames (heartbeats, JOIN/JOIN-ACK, acks) queued per peer on libp2p while its
   * control stream opens or drains. They are never dropped to make room for data, and a lost
   * heartbeat or ack splits trees, so the bound is generous: a peer normally gets a few control
   * frames per heartbeat interval (500 ms), and a join storm over thousands of topics a few
   * thousand at once. A peer that lets 16,384 pile up has stopped reading: it is reported
   * down (its streams reset, counted as droppedControlQueueFull) rather than silently losing
   * heartbeats. The bound also caps the memory a stalled peer can hold (frames are small).
   */
  maxQueuedControlFrames: 16_384,
  /**
   * The same control queue bounded in bytes: control frames are small, but a reply without a
   * lane travels as control and may carry a full payload. Beyond it, as beyond the frame bound.
   */
  maxQueuedControlBytes: 64 * 1024 * 1024,
  /**
   * The yamux receive window a node grants each libp2p stream: the most a sender may have in
   * flight on it. A connection is one TCP byte stream, so a control frame written behind a
   * data stream's bytes is read only after them; yamux's default window grows to 16 MiB per
   * stream, which let a busy data stream fill the sockets' buffers (MiBs) ahead of a heartbeat.
   * With 1 MiB, what precedes a control frame is at most a window per data stream, which the
   * receiver reads and decrypts in milliseconds (its reader pauses the data stream instead of
   * processing more than a batch per turn of the event loop); whatever else the sender has
   * waits in its bounded data queue, where it is shed first. Also the most a paused stream
   * buffers: it must stay below libp2p's read-buffer limit (4 MiB, over which a stream is
   * aborted). 256 KiB (yamux's minimum) starved a healthy 60 MB/s subscriber of 64 KiB
   * messages (test/node/lan.sockets.test.ts, back-pressure); 1 MiB carries it. One stream
   * carries at most a window per round trip: 10 MB/s at 100 ms.
   */
  streamWindowBytes: 1024 * 1024,
  /**
   * Frames queued per ZeroMQ lane (the lane's high-water mark; oldest dropped beyond), once
   * ZeroMQ's own queue (lanZmqHwm batches) and the kernel's socket buffers are full.
   */
  lanSendHwm: 4096,
  /** ZeroMQ's own high-water mark per lane socket, in batches (ZMQ_SNDHWM / ZMQ_RCVHWM). */
  lanZmqHwm: 1000,
  /** Frames per ZeroMQ send: one message of length-prefixed frames, one promise, many frames. */
  lanMaxBatch: 256,
  /**
   * When a lane comes up, data keeps off it until this long after the last data frame sent to
   * that peer over libp2p: frames still in flight there land first, so the switch keeps order.
   */
  lanSwitchQuietMs: 20,
  /** Asking a peer for a lane (one message each way over libp2p) gives up after this long. */
  lanRequestTimeoutMs: 2000,
  /** A lane whose CURVE handshake has not succeeded by then falls back to libp2p. */
  lanConnectTimeoutMs: 2000,
  /** A failed lane is asked for again after this long, doubling up to lanRetryMaxMs. */
  lanRetryMs: 1000,
  lanRetryMaxMs: 30_000,
  /** Opening a stream to a peer gives up after this long (the peer is then reported down). */
  dialTimeoutMs: 5000,
  /** A DHT lookup for a topic's closest peers before subscribing gives up after this long. */
  lookupTimeoutMs: 3000,
  /** A first publish to a topic waits this long for the root's subscriber count. */
  countWaitMs: 2000,
  /** node.request gives up after this long without a reply (RequestTimeoutError), as nats.js's default. */
  requestTimeoutMs: 1000,
  /** A queue subscription with ack 'explicit' takes at most this many unacknowledged messages (JetStream's default). */
  maxAckPending: 1000,
  /** A peer the core reports as misbehaving (peer-limits.ts) is disconnected, and refused this long. */
  banMs: 60_000,
  /** Connected peers missing from the routing table are offered again this often. */
  tableCheckMs: 2000,
  /** With an authority: a connected peer that presents no valid grant this long is disconnected. */
  admissionTimeoutMs: 10_000,
  /**
   * The node looks up its own neighbourhood in the DHT this often (± 20%). Connections already
   * feed the routing table and kad-dht refreshes its own; every 30 s, 20 nodes' lookups stalled
   * a loaded 2-core machine for seconds at a time (bench:node p99), so this is rare.
   */
  refreshIntervalMs: 300_000,
  /**
   * Metrics (createNode({ metrics })): topics with their own `topic` label on the message
   * counters, the rest summed in topic="other". Every label value is a series Prometheus keeps;
   * the busiest few topics are what a dashboard shows.
   */
  metricsTopics: 20,
  /**
   * The metrics endpoint listens on loopback unless told otherwise: topic names and peer counts
   * are for the operator, not for whoever can reach the host.
   */
  metricsHost: '127.0.0.1',
  /** 0: an ephemeral port (node.metricsUrl tells which), so nodes on one host never collide. */
  metricsPort: 0
})

export type NodeDefaults = { -readonly [K in keyof typeof NODE_DEFAULTS]: typeof NODE_DEFAULTS[K] extends string ? string : number }

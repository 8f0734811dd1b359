// The composition root: a libp2p host, the meshcast transport, the ZeroMQ data plane for peers
// on this node's LAN segment, the real clock and timers, and the protocol core driven through
// the same CoreDriver the simulator uses.
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { CoreDriver } from '../core/driver.ts'
import type { CoreOptions } from '../core/defaults.ts'
import type { CoreStats, TopicView } from '../core/mesh-core.ts'
import { assertTopic, MeshCore } from '../core/mesh-core.ts'
import { idFromBytes } from '../core/id.ts'
import { Rng } from '../core/rng.ts'
import { encodeFrame, encodeFrames, validGroup } from '../core/wire/codec.ts'
import { FrameTooLargeError, InvalidGrantError, InvalidOptionError, NoAuthorityError, NotGrantedError, NodeStoppedError, NoRespondersError, PublishNotAcknowledgedError } from '../core/errors.ts'
import type { SinceSpec } from '../core/topic-state.ts'
import type { AppMessage, Header, Msg } from '../core/wire/types.ts'
import { MAX_GROUP_BYTES } from '../core/wire/limits.ts'
import { isDataMsg } from '../core/wire/types.ts'
import { createHost, loadOrCreateKey } from '../transport/libp2p/host.ts'
import { MAX_SEAL_BATCH, MessageSealer } from '../security/message-seal.ts'
import { NodeGuard } from '../security/node-guard.ts'
import type { GuardStats } from '../security/node-guard.ts'
import { parseAuthorityKey, parseGrantText, parseRevocationText } from '../security/authority.ts'
import type { KeyObject } from 'node:crypto'
import type { Signed } from '../core/wire/types.ts'
import { unsealed } from '../security/signed-messages.ts'
import { TopicKeys } from '../security/topic-keys.ts'
import type { TopicKeyStats } from '../security/topic-keys.ts'
import { deadline } from '../transport/timeout.ts'
import type { HostOptions, MeshLibp2p } from '../transport/libp2p/host.ts'
import { Libp2pTransport } from '../transport/libp2p/libp2p-transport.ts'
import type { Libp2pTransportStats } from '../transport/libp2p/libp2p-transport.ts'
import type { DropReason, OutFrame } from '../transport/transport.ts'
import { parseCidr } from '../transport/zeromq/segment.ts'
import { ZmqPlane } from '../transport/zeromq/zmq-plane.ts'
import type { LaneView, ZmqPlaneStats } from '../transport/zeromq/zmq-plane.ts'
import { peerIdFromString } from '@libp2p/peer-id'
import { NODE_DEFAULTS } from './defaults.ts'
import type { NodeDefaults } from './defaults.ts'
import { Subscription, toMessage } from './subscription.ts'
import { originOf, parsePattern } from '../core/wildcards.ts'
import { deliversFor } from '../core/queue-groups.ts'
import { boxId, mailboxKeyName } from '../core/mailbox-contents.ts'
import { MAILBOX_FILE, SqliteMailboxStore } from '../store/sqlite-mailbox-store.ts'
import { lockDataDir, unlockDataDir } from './data-lock.ts'
import type { WildcardPattern } from '../core/wildcards.ts'
import type { Acker, Message, Responder } from './subscription.ts'
import { REPLY_HEADER, replyTo, Requests } from './requests.ts'
import { TopicCounters } from './topic-counters.ts'
import { NodeMetrics } from './metrics.ts'
import { MetricsServer } from './metrics-server.ts'
import type { TopicCounts } from './topic-counters.ts'
import type { SubscribeOptions } from './subscription.ts'

export interface NodeOptions extends Omit<HostOptions, 'metrics' | 'privateKey'> {
  /** Protocol options (heartbeat, fan-out cap, limits...). */
  core?: Partial<CoreOptions>
  /** Messages a subscription buffers before dropping the oldest. */
  maxPending?: number
  /** Overrides of the node's defaults (src/node/defaults.ts): queue bounds, timeouts, lane retry. */
  tuning?: Partial<NodeDefaults>
  /** Start at once (default true). */
  start?: boolean
  /**
   * The LAN segments whose peers get data over ZeroMQ, as IPv4 CIDRs. Default: the IPv4
   * subnets of this host's interfaces (and loopback peers on this host). false: libp2p only.
   */
  lan?: readonly string[] | false
  /**
   * Serve Prometheus metrics at GET /metrics (docs/metrics.md); off by default. true: on
   * 127.0.0.1, an ephemeral port; node.metricsUrl gives the address once started.
   */
  metrics?: boolean | MetricsOptions
  /** A libp2p metrics implementation for the host (a benchmark counts bytes on the wire with it). */
  libp2pMetrics?: HostOptions['metrics']
  /**
   * The mesh's authority (docs/security.md): its public key (`mcauth1.…`, from `meshcast
   * authority init`) and this node's grant (`mcgrant1.…`, from `meshcast grant PEERID`), or a
   * function that issues one for the node's peer id. Peers without a valid grant are kept out,
   * and every message is checked against its publisher's grant at every hop.
   */
  authority?: {
    key: string
    grant: string | ((peerId: string) => string)
    /**
     * Topic keys (`mctopic1.…`, from `meshcast topic-key`, handed out with the grants): this node
     * encrypts what it publishes on their topics end to end and opens what it receives; nodes
     * without the key forward what they cannot read (docs/security.md).
     */
    topicKeys?: string[]
  }
  /**
   * Run without an authority: any peer that connects is trusted (publisher signatures are still
   * checked). Required when `authority` is absent; logs a warning.
   */
  open?: boolean
}

export interface MetricsOptions {
  /** Default 127.0.0.1 (loopback): give 0.0.0.0 or an interface's address to be scraped from elsewhere. */
  host?: string
  /** Default 0: an ephemeral port. */
  port?: number
  /** Topics with their own label on the message counters (default 20); the rest are topic="other". */
  topics?: number
}

export type DropCounts = Partial<Record<DropReason | 'slow-consumer', number>>

/** One connected peer's data path. */
export interface PeerPath {
  peer: string
  /** zeromq: its lane is up; libp2p otherwise (see lane.state for why). */
  path: 'zeromq' | 'libp2p'
  lane: LaneView | undefined
  /** Data frames sent to it over each transport. */
  dataFrames: { zeromq: number, libp2p: number }
}

export interface NodeTopicView extends TopicView {
  /** Messages of this topic dropped on this node, by reason. */
  dropped: DropCounts
  /** Messages of this topic published, delivered and forwarded by this node since it started. */
  counts: TopicCounts
}

export interface PublishOptions {
  headers?: Record<string, string>
  /**
   * Resolve only once the topic's root and one of its replicas hold the message (it is routed
   * again while the root changes); reject with PublishNotAcknowledgedError after the core's
   * ackTimeoutMs (10 s). Reliable subscriptions then receive it, also across the death of any
   * single node. docs/protocol.md.
   */
  ack?: boolean
}

export interface RequestOptions {
  /** Give up after this long without a reply: RequestTimeoutError (default 1000 ms). */
  timeout?: number
  headers?: Record<string, string>
}

export interface NodeStats {
  core: CoreStats
  transport: Libp2pTransportStats
  /** The ZeroMQ data plane (undefined with lan: false). */
  lan: ZmqPlaneStats | undefined
  /** Application messages dropped on this node, by reason (all topics). */
  dropped: DropCounts
  /** Data paths of the peers this node has sent data to. */
  paths: PeerPath[]
  /** Messages published, delivered and forwarded by this node since it started (all topics). */
  counts: TopicCounts
  /** Frames waiting in send queues now, per transport (libp2p streams; ZeroMQ lanes). */
  queued: { libp2p: number, zeromq: number }
  /** Messages waiting in local subscriptions for their consumers. */
  pending: number
  peers: number
  routingTable: number
  /** Durable mailboxes this node holds (for subscribers anywhere), and the messages they keep. */
  mailboxes: number
  mailboxMessages: number
  /** Peers disconnected for misbehaving since start, and refused now. */
  peersBanned: number
  banned: number
  /** Access control (docs/security.md): refusals by reason, seals checked and made, grants known. */
  security: GuardStats & TopicKeyStats & { open: boolean, /** Peers disconnected for presenting no valid grant in time. */ peersRefused: number, sealsVerified: number, signatureChecks: number, signaturesMade: number, grantsKnown: number, revocationsKnown: number }
}

const encoder = new TextEncoder()
/** The core's liveness beat: a HEARTBEAT with no topics, which only tells the peer we are alive. */

export async function createNode (options: NodeOptions = {}): Promise<MeshNode> {
  if (options.authority === undefined && options.open !== true) throw new NoAuthorityError()
  if (options.authority !== undefined && options.open === true) throw new InvalidOptionError('an open mesh has no authority: give the option authority or open, not both')
  const authorityKey = options.authority === undefined ? undefined : parseAuthorityKey(options.authority.key)
  if (options.lan !== undefined && options.lan !== false) options.lan.forEach(parseCidr) // a bad CIDR fails here
  const privateKey = await loadOrCreateKey(options.dataDir)
  const libp2p = await createHost({ ...options, privateKey, metrics: options.libp2pMetrics, maxStreamWindowBytes: options.tuning?.streamWindowBytes ?? NODE_DEFAULTS.streamWindowBytes })
  let secured: { authority: KeyObject, grant: Signed } | undefined
  if (authorityKey !== undefined && options.authority !== undefined) {
    const g = options.authority.grant
    secured = { authority: authorityKey, grant: parseGrantText(typeof g === 'string' ? g : g(libp2p.peerId.toString())) }
  } else warnOpen()
  const node = new MeshNode(libp2p, options, privateKey.raw, secured, new TopicKeys(options.authority?.topicKeys ?? []))
  if (options.start !== false) await node.start()
  return node
}

/** The lookups of the node's own id repeated after start: this long, this often. */
const EARLY_LOOKUPS_MS = 60_000
const EARLY_LOOKUP_EVERY_MS = 10_000
/** Topics remembered as looked up in the DHT (publish() looks a topic up once). */
const MAX_LOOKED_UP = 65_536
let warnedOpen = false
/** An open mesh is said once per process, on stderr. */
function warnOpen (): void {
  if (warnedOpen) return
  warnedOpen = true
  process.emitWarning('meshcast: an open mesh (no authority): any peer that connects is trusted. docs/security.md', { code: 'MESHCAST_OPEN_MESH' })
}

export class MeshNode {
  readonly libp2p: MeshLibp2p
  readonly peerId: string
  private readonly options: NodeOptions
  private readonly tune: NodeDefaults
  private readonly epochStart = performance.now()
  private readonly core: MeshCore
  private readonly driver: CoreDriver
  private readonly transport: Libp2pTransport
  private readonly zmq: ZmqPlane | undefined
  private readonly dropped: DropCounts = {}
  private readonly topicDrops = new Map<string, DropCounts>()
  /** Published / delivered / forwarded per topic. */
  readonly counters: TopicCounters
  private readonly dataFrames = new Map<string, { zeromq: number, libp2p: number }>()
  private readonly lastLibp2pData = new Map<string, number>()
  private readonly subs = new Map<string, Set<Subscription>>()
  /** Peers refused until a time (this.now()), for misbehaving. */
  private readonly banned = new Map<string, number>()
  private peersBanned = 0
  /** Connected peers without a valid grant yet, since when (this.now()); and those disconnected for it. */
  private readonly unadmittedSince = new Map<string, number>()
  private peersRefused = 0
  /** When (this.now()) the last early lookup of our own id ran (checkTable). */
  private lastSelfLookup = 0
  /** Publishes waiting for the end of this turn's batch (publish()). */
  private batched = 0
  /** Durable subscriptions open here, by name and topic. */
  private readonly durables = new Map<string, Subscription>()
  /** With a data directory: the mailboxes this node holds, on disk. */
  private readonly mailboxStore: SqliteMailboxStore | undefined
  private readonly looked = new Set<string>()
  private readonly countWaiters = new Map<string, Array<(n: number) => void>>()
  /** Acknowledged publishes waiting, by topic and sequence number. */
  private readonly ackWaiters = new Map<string, { resolve: () => void, reject: (err: Error) => void }>()
  private readonly requests = new Requests()
  /** Round-robin among this node's subscriptions of one queue group. */
  private queueTurn = 0
  /** Wildcard subscriptions waiting to be ready (markReady). */
  private readonly readyTimers = new Set<ReturnType<typeof setTimeout>>()
  /** Gives delivered requests their respond(): the reply goes straight to the requester. */
  private readonly responder: Responder = (m, data, headers) => {
    const id = replyTo(m.headers)
    if (id === undefined || !this.running) return false
    const payload = typeof data === 'string' ? encoder.encode(data) : data
    const h: Header[] = Object.entries(headers).map(([key, value]) => ({ key, value }))
    this.driver.input((core, now) => { core.reply(now, m.publisher, m.topic, id, payload, h) })
    return true
  }
  /** Connected peers: their ids and last measured round-trip times. */
  /** Signs this node's messages; checks everyone else's (src/security/). */
  private readonly sealer: MessageSealer
  readonly guard: NodeGuard
  /** End-to-end encryption of the topics this node has keys for. */
  private readonly topicKeys: TopicKeys
  private readonly known = new Map<string, { id: Uint8Array, rtt: number }>()
  /** With the metrics option only. */
  private readonly metrics: NodeMetrics | undefined
  private readonly metricsServer: MetricsServer | undefined
  private readonly offered = new Set<string>()
  private lastEncoded: { msg: Msg, bytes: Uint8Array } | undefined
  private offeredAt = 0
  private timer: NodeJS.Timeout | undefined
  private refreshTimer: NodeJS.Timeout | undefined
  private tableTimer: NodeJS.Timeout | undefined
  private running = false
  /** A lookup of our own id ran with a peer to ask (at the first peer-up after start). */
  private lookedUpSelf = false
  private stopped = new AbortController()
  private starting: Promise<void> | undefined

  /** `key`: the raw Ed25519 private key of the libp2p host (the node signs its messages with it). */
  constructor (libp2p: MeshLibp2p, options: NodeOptions, key: Uint8Array, secured: { authority: KeyObject, grant: Signed } | undefined, topicKeys: TopicKeys) {
    this.libp2p = libp2p
    this.options = options
    this.tune = { ...NODE_DEFAULTS, ...options.tuning }
    this.counters = new TopicCounters(this.tune.maxCountedTopics)
    if (options.metrics !== undefined && options.metrics !== false) {
      const m = options.metrics === true ? {} : options.metrics
      this.metrics = new NodeMetrics(this, { topics: m.topics ?? this.tune.metricsTopics })
      this.metricsServer = new MetricsServer(this.metrics, { host: m.host ?? this.tune.metricsHost, port: m.port ?? this.tune.metricsPort })
    }
    this.peerId = libp2p.peerId.toString()
    this.sealer = new MessageSealer(this.peerId, key)
    this.topicKeys = topicKeys
    this.guard = new NodeGuard(this.peerId, secured === undefined
      ? undefined
      : {
          ...secured,
          host: {
            wallNow: () => Date.now(),
            send: (to, msg) => { this.send(to, [msg]) },
            admitted: peer => { this.admitted(peer) },
            release: (from, msgs) => { this.driver.receive(from, msgs) },
            hangUp: peer => { this.hangUp(peer) }
          }
        })
    const seed = randomBytes(4).readUInt32LE(0)
    this.mailboxStore = options.dataDir === undefined ? undefined : new SqliteMailboxStore(join(options.dataDir, MAILBOX_FILE))
    this.core = new MeshCore({
      mailboxStore: this.mailboxStore,
      guard: this.guard,
      ref: this.peerId,
      id: idFromBytes(libp2p.peerId.toMultihash().bytes),
      rng: new Rng(seed),
      now: 0,
      // A restart must not reopen old sequence numbers: the session is the start time.
      epoch: Date.now(),
      // The core's time starts at 0 now (see now()): subscriptions since a date compare with it.
      wallOffset: Date.now() - (performance.now() - this.epochStart),
      // Data travels on streams of its own here (it may queue or be shed): it is no heartbeat.
      options: { dataSuppressesHeartbeats: false, ...options.core }
    })
    this.driver = new CoreDriver(this.core, {
      now: () => this.now(),
      send: (to, msgs) => { this.send(to, msgs) },
      event: e => {
        if (e.type === 'deliver') {
          this.counters.add(e.message.topic, 'delivered')
          const subs = this.subs.get(e.message.topic)
          if (subs !== undefined) this.hand(subs, e.message)
        } else if (e.type === 'gap') {
          for (const s of this.subs.get(e.topic) ?? []) s.missed(e.publisher, e.missed)
        } else if (e.type === 'ready') {
          // A subscription `since` is ready once it caught up (below).
          for (const s of this.subs.get(e.topic) ?? []) if (!s.catchingUp) this.markReady(s)
        } else if (e.type === 'caught-up') {
          for (const s of this.subs.get(e.topic) ?? []) s.markReady()
        } else if (e.type === 'acked' || e.type === 'ack-failed') {
          const k = `${e.topic}\u0000${e.seq}`
          const w = this.ackWaiters.get(k)
          this.ackWaiters.delete(k)
          if (e.type === 'acked') w?.resolve()
          else w?.reject(new PublishNotAcknowledgedError(e.topic, e.seq, this.core.options.ackTimeoutMs))
        } else if (e.type === 'mailbox-deliver') {
          this.handMailbox(e.name, e.message)
        } else if (e.type === 'peer-misbehaving') {
          this.ban(e.peer)
        } else if (e.type === 'mailbox-held') {
          void this.lookup(mailboxKeyName(e.name, e.topic))
        } else if (e.type === 'mailbox-ready') {
          this.durables.get(boxId(e.name, e.topic))?.markReady()
        } else if (e.type === 'mailbox-overflow') {
          if (!e.holder) this.durables.get(boxId(e.name, e.topic))?.overflowed(e.dropped)
        } else if (e.type === 'queue-deliver') {
          this.handQueued(e.group, e.message, e.attempt)
        } else if (e.type === 'reply') {
          this.requests.settle(e.from, e.topic, e.request, e.payload, e.headers)
        } else if (e.type === 'subscribers') {
          for (const w of this.countWaiters.get(e.topic) ?? []) w(e.count)
          this.countWaiters.delete(e.topic)
        }
      },
      wakeAt: at => { this.arm(at) }
    })
    this.transport = new Libp2pTransport(libp2p, {
      frame: (from, bytes) => { this.onFrame(from, bytes) },
      peerUp: (peer, id, rtt) => {
        if (!this.running) return
        if (this.isBanned(peer)) { this.hangUp(peer); return }
        this.known.set(peer, { id, rtt: Number.isFinite(rtt) ? rtt : this.known.get(peer)?.rtt ?? Infinity })
        // With an authority, the core learns of the peer once its grant checked out (admitted).
        if (!this.guard.peerUp(peer)) return
        this.peerReady(peer, id, rtt)
      },
      peerDown: peer => {
        if (!this.running) return
        this.guard.peerDown(peer)
        this.zmq?.peerDown(peer)
        this.known.delete(peer)
        this.dataFrames.delete(peer)
        this.lastLibp2pData.delete(peer)
        this.driver.input((core, now) => { core.handlePeerDown(now, peer) })
      },
      dropped: (reason, frame) => { this.countDrop(reason, frame.topics) }
    }, {
      maxFrameBytes: this.core.options.maxFrameBytes,
      maxQueuedFrames: this.tune.maxQueuedFrames,
      maxQueuedBytes: this.tune.maxQueuedBytes,
      maxQueuedControlFrames: this.tune.maxQueuedControlFrames,
      maxQueuedControlBytes: this.tune.maxQueuedControlBytes,
      dialTimeoutMs: this.tune.dialTimeoutMs
    })
    if (options.lan !== false) {
      this.zmq = new ZmqPlane(libp2p, {
        frame: (from, bytes) => { this.onFrame(from, bytes) },
        fallback: (to, frames) => { for (const f of frames) this.sendLibp2p(to, f) },
        dropped: (reason, frame) => { this.countDrop(reason, frame.topics) },
        lastLibp2pData: to => this.lastLibp2pData.get(to) ?? -Infinity,
        mayConnect: peer => this.mayHaveLane(peer)
      }, {
        lan: options.lan?.map(parseCidr),
        switchQuietMs: this.tune.lanSwitchQuietMs,
        sendHwm: this.tune.lanSendHwm,
        maxQueuedBytes: this.tune.maxQueuedBytes,
        maxBatch: this.tune.lanMaxBatch,
        zmqHwm: this.tune.lanZmqHwm,
        connectTimeoutMs: this.tune.lanConnectTimeoutMs,
        requestTimeoutMs: this.tune.lanRequestTimeoutMs,
        retryMs: this.tune.lanRetryMs,
        retryMaxMs: this.tune.lanRetryMaxMs,
        maxFrameBytes: this.core.options.maxFrameBytes
      })
    }
  }

  /**
   * Applies a revocation of the mesh's authority (`mcrevoke1.…`, from `meshcast revoke`) and
   * passes it on to every neighbour, which pass it on in turn. Returns false when it was known
   * already; throws InvalidGrantError when it does not parse or its signature does not check out.
   */
  revoke (revocation: string): boolean {
    if (this.guard.table === undefined) throw new InvalidOptionError('an open mesh has no authority: nothing to revoke')
    const s = parseRevocationText(revocation)
    if (this.guard.table.opens(s) === undefined) throw new InvalidGrantError('a revocation not signed by this mesh\'s authority')
    return this.driver.input(() => this.guard.revoke(s))
  }

  /** Multiaddrs this node listens on, with /p2p/<peer id>. */
  get addrs (): string[] {
    return this.libp2p.getMultiaddrs().map(a => a.toString())
  }

  get isRunning (): boolean {
    return this.running
  }

  /** Where Prometheus scrapes this node (http://HOST:PORT/metrics) while it runs with the metrics option. */
  get metricsUrl (): string | undefined {
    return this.metricsServer?.url
  }

  async start (): Promise<void> {
    if (this.running) return
    this.starting ??= (async () => {
      if (this.options.dataDir !== undefined) lockDataDir(this.options.dataDir)
      await this.libp2p.start()
      this.stopped = new AbortController()
      this.running = true
      await this.transport.start()
      await this.zmq?.start()
      this.driver.flush()
      void this.refresh()
      this.scheduleRefresh()
      this.tableTimer = setInterval(() => { if (this.running) this.checkTable() }, this.tune.tableCheckMs)
      this.tableTimer.unref()
      // Last: a node that cannot serve the metrics it was asked for does not run without them.
      try {
        await this.metricsServer?.start()
      } catch (err) {
        await this.stop()
        throw err
      }
    })()
    try { await this.starting } finally { this.starting = undefined }
  }

  async stop (): Promise<void> {
    if (!this.running) return
    this.running = false
    this.lookedUpSelf = false
    this.stopped.abort(new Error('node stopped'))
    clearTimeout(this.timer)
    clearTimeout(this.refreshTimer)
    clearInterval(this.tableTimer)
    this.timer = undefined
    for (const set of this.subs.values()) for (const s of [...set]) s.unsubscribe()
    this.subs.clear()
    for (const s of [...this.durables.values()]) s.unsubscribe()
    this.durables.clear()
    for (const list of this.countWaiters.values()) for (const w of list) w(0)
    this.countWaiters.clear()
    for (const w of this.ackWaiters.values()) w.reject(new NodeStoppedError('the publish was acknowledged'))
    this.ackWaiters.clear()
    this.requests.close()
    for (const t of this.readyTimers) clearTimeout(t)
    this.readyTimers.clear()
    await this.zmq?.stop()
    await this.transport.stop()
    await this.libp2p.stop()
    await this.metricsServer?.stop()
    this.mailboxStore?.close()
    if (this.options.dataDir !== undefined) unlockDataDir(this.options.dataDir)
  }

  /**
   * Subscribes to a topic. The subscription receives what is published after `await
   * sub.ready`: the tree has acknowledged it by then.
   */
  subscribe (topic: string, options: SubscribeOptions = {}): Subscription {
    this.assertRunning()
    assertTopic(topic, this.core.options.maxTopicBytes)
    const since = sinceSpec(options.since) // a bad value throws here, before anything starts
    const queue = options.queue
    if (queue !== undefined && (typeof queue !== 'string' || !validGroup(queue))) throw new InvalidOptionError(`queue: a group name of 1..${MAX_GROUP_BYTES} bytes, not ${JSON.stringify(queue)}`)
    if (queue !== undefined && since !== undefined) throw new InvalidOptionError('since and queue cannot be combined (a queue group shares messages; history would reach one member)')
    if (options.ack !== undefined && options.ack !== 'explicit' && options.ack !== 'none') throw new InvalidOptionError(`ack: 'explicit' or 'none', not ${JSON.stringify(options.ack)}`)
    const durable = options.durable
    if (durable !== undefined && (typeof durable !== 'string' || !validGroup(durable))) throw new InvalidOptionError(`durable: a name of 1..${MAX_GROUP_BYTES} bytes, not ${JSON.stringify(durable)}`)
    if (durable !== undefined && (queue !== undefined || since !== undefined)) throw new InvalidOptionError('durable takes neither queue nor since (its mailbox keeps what it missed)')
    if (options.ack === 'explicit' && queue === undefined && durable === undefined) throw new InvalidOptionError("ack: 'explicit' is for queue groups and durable subscriptions: give queue or durable too")
    const maxAckPending = options.ack === 'explicit' && queue !== undefined ? options.maxAckPending ?? this.tune.maxAckPending : 0
    if (!Number.isInteger(maxAckPending) || maxAckPending < 0 || (options.ack === 'explicit' && queue !== undefined && maxAckPending < 1)) throw new InvalidOptionError(`maxAckPending: an integer from 1, not ${String(options.maxAckPending)}`)
    // The history would reach the topic's other subscriptions here too (they share delivery).
    if (since !== undefined && (this.subs.get(topic)?.size ?? 0) > 0) throw new InvalidOptionError(`since: ${topic} already has a subscription on this node; subscribe with since first, or on another node`)
    let wildcard: WildcardPattern | undefined
    try { wildcard = parsePattern(topic) } catch (err) { throw new InvalidOptionError((err as Error).message) }
    if (wildcard !== undefined && !this.core.options.wildcards) throw new InvalidOptionError(`${topic} is a wildcard pattern: every node of the mesh must run with core option wildcards: true (meshcast node --wildcards)`)
    if (wildcard !== undefined && (queue !== undefined || since !== undefined || durable !== undefined)) throw new InvalidOptionError(`${topic}: a wildcard subscription takes neither queue, since nor durable`)
    // Its peers would refuse what needs the grant (a queue group, a mailbox); a plain topic's
    // tree would carry it anyway (forwarders relay every topic), so it is checked here too.
    this.checkGrant('subscribe', topic)
    if (durable !== undefined) return this.subscribeDurable(topic, durable, options)
    const route = wildcard?.family ?? topic
    const sub = new Subscription(topic, this.options.maxPending ?? this.tune.maxPending, s => this.removeSub(s), options, this.metrics?.observer, wildcard)
    let set = this.subs.get(route)
    if (set === undefined) this.subs.set(route, set = new Set())
    set.add(sub)
    // Find the topic's neighbourhood in the DHT first, so the route to its root is known.
    void this.lookup(route).then(() => {
      if (!this.running || set?.has(sub) !== true) return
      const reliable = this.reliable(route)
      this.driver.input((core, now) => {
        core.subscribe(now, route, { reliable, since })
        if (queue !== undefined) core.joinQueue(now, route, queue, maxAckPending)
        core.queuePlain(now, route, [...(this.subs.get(route) ?? [])].some(s => s.group === undefined))
      })
      // Another local subscription already attached the topic: its 'ready' went out then.
      if (since === undefined && this.core.topicView(route)?.attached === true) this.markReady(sub)
    })
    return sub
  }

  /**
   * Publishes; resolves with the number of subscribers the topic's tree currently reports
   * (0: nobody listens). The first publish to a topic waits for the root's answer (at most
   * NODE_DEFAULTS.countWaitMs); later ones resolve at once with the root's last report.
   */
  async publish (topic: string, data: Uint8Array | string, options: PublishOptions = {}): Promise<number> {
    this.assertRunning()
    assertTopic(topic, this.core.options.maxTopicBytes)
    this.checkGrant('publish', topic)
    const headers: Header[] = Object.entries(options.headers ?? {}).map(([key, value]) => ({ key, value }))
    const payload = this.topicKeys.seal(topic, this.peerId, typeof data === 'string' ? encoder.encode(data) : data, headers)
    if (!this.looked.has(topic)) await this.lookup(topic)
    if (!this.running) throw new NodeStoppedError('the publish went out')
    const ack = options.ack === true
    let acked: Promise<void> | undefined
    // Publishes in one turn of the event loop leave together (one frame per peer, one
    // signature per batch: message-seal.ts), at the end of the turn; awaited publishes too.
    // A batch leaves at once when it has MAX_SEAL_BATCH messages: a long burst that never
    // yields is handed to the bounded send queues as it goes, not held here.
    if (++this.batched >= MAX_SEAL_BATCH) {
      this.batched = 0
      this.driver.flush()
    }
    this.driver.inputBatched((core, now) => {
      const seq = core.publish(now, topic, payload, headers, { ack })
      // Registered before the core's outputs are handled: a lone root acknowledges at once.
      if (ack) acked = new Promise((resolve, reject) => { this.ackWaiters.set(`${topic}\u0000${seq}`, { resolve, reject }) })
    }, flush => { setImmediate(() => { this.batched = 0; flush() }) })
    this.counters.add(topic, 'published')
    if (acked !== undefined) await acked
    const known = this.core.subscribers(topic)
    if (known !== undefined) return known
    return await new Promise<number>(resolve => {
      const timer = setTimeout(() => { done(this.core.subscribers(topic) ?? 0) }, this.tune.countWaitMs)
      const done = (n: number): void => { clearTimeout(timer); resolve(n) }
      const list = this.countWaiters.get(topic)
      if (list === undefined) this.countWaiters.set(topic, [done])
      else list.push(done)
    })
  }

  /**
   * Sends a request and resolves with the first reply (a subscriber's msg.respond). Rejects
   * with NoRespondersError when the topic has no subscriber (known within one round trip to
   * the root), RequestTimeoutError after `timeout` (1000 ms) without a reply.
   */
  async request (topic: string, data: Uint8Array | string, options: RequestOptions = {}): Promise<Message> {
    this.assertRunning()
    const timeout = options.timeout ?? this.tune.requestTimeoutMs
    if (!Number.isFinite(timeout) || timeout <= 0) throw new InvalidOptionError(`timeout must be a positive number of ms, not ${String(options.timeout)}`)
    const { id, reply } = this.requests.open(topic, timeout)
    reply.catch(() => {}) // it may fail while the publish is awaited; the caller gets it below
    try {
      const subscribers = await this.publish(topic, data, { headers: { ...options.headers, [REPLY_HEADER]: String(id) } })
      if (subscribers === 0) this.requests.fail(id, new NoRespondersError(topic))
    } catch (err) {
      this.requests.fail(id, err as Error)
    }
    return await reply
  }

  topics (): NodeTopicView[] {
    return this.core.topicViews().map(v => {
      const dropped = { ...this.topicDrops.get(v.topic) }
      let slow = 0
      for (const sub of this.subs.get(v.topic) ?? []) slow += sub.dropped
      if (slow > 0) dropped['slow-consumer'] = slow
      return { ...v, dropped, counts: this.counters.get(v.topic) }
    })
  }

  peers (): string[] {
    return this.libp2p.getPeers().map(p => p.toString())
  }

  stats (): NodeStats {
    const dropped = { ...this.dropped }
    let slow = 0
    for (const set of this.subs.values()) for (const sub of set) slow += sub.dropped
    if (slow > 0) dropped['slow-consumer'] = slow
    const laneViews = this.zmq?.lanesView() ?? []
    const lanes = new Map(laneViews.map(l => [l.peer, l]))
    let pending = 0
    for (const set of this.subs.values()) for (const sub of set) pending += sub.pending
    const paths: PeerPath[] = [...this.dataFrames].map(([peer, dataFrames]) => {
      const lane = lanes.get(peer)
      return { peer, path: lane?.state === 'up' ? 'zeromq' : 'libp2p', lane, dataFrames: { ...dataFrames } }
    })
    return {
      core: this.core.stats,
      transport: this.transport.stats,
      lan: this.zmq === undefined ? undefined : { ...this.zmq.stats },
      dropped,
      paths,
      counts: { ...this.counters.totals },
      queued: { libp2p: this.transport.queuedTotal, zeromq: laneViews.reduce((n, l) => n + l.queued, 0) },
      pending,
      peers: this.libp2p.getPeers().length,
      routingTable: this.core.table.size,
      mailboxes: this.core.mailboxesHeld,
      mailboxMessages: this.core.mailboxMessages,
      peersBanned: this.peersBanned,
      banned: this.banned.size,
      security: { open: this.guard.open, ...this.guard.stats, ...this.topicKeys.stats, sealsVerified: this.guard.seals.stats.verified, signatureChecks: this.guard.seals.stats.signatureChecks, signaturesMade: this.sealer.signatures, peersRefused: this.peersRefused, grantsKnown: this.guard.table?.size.grants ?? 0, revocationsKnown: this.guard.table?.size.revocations ?? 0 }
    }
  }

  /** The ZeroMQ data plane, for tests and diagnostics (undefined with lan: false). */
  get lanPlane (): ZmqPlane | undefined {
    return this.zmq
  }

  async [Symbol.asyncDispose] (): Promise<void> {
    await this.stop()
  }

  /**
   * A receiving lane socket is bound only for an admitted peer that this node exchanges tree
   * traffic with: its parent or child in a tree, or a peer whose application messages (a
   * publish on its way to a root, a queue delivery, a reply) this node has admitted. Anyone
   * else is refused and asks again after a back-off. So at most one socket per such neighbour.
   */
  private mayHaveLane (peer: string): { ok: true } | { ok: false, why: string } {
    if (!this.guard.isAdmitted(peer)) return { ok: false, why: 'not admitted to this mesh (no valid grant)' }
    if (this.guard.sentData(peer)) return { ok: true }
    for (const t of this.core.topicStates()) if (t.parent === peer || t.children.has(peer)) return { ok: true }
    return { ok: false, why: 'not a tree neighbour of this node (no tree or data shared yet)' }
  }

  private onFrame (from: string, bytes: Uint8Array): void {
    if (!this.running || this.isBanned(from)) return
    // A peer the table dropped (after a stall made it look dead) is offered again as soon
    // as it is heard from: otherwise it never returns while its connection stays open,
    // and a root that does not know a closer node keeps a split tree.
    if (!this.core.table.has(from) && this.offerOnce(from)) this.offer(from)
    this.driver.receiveFrame(from, bytes)
  }

  /**
   * A batch for one peer is split into control frames and data frames (never mixed, also with
   * lan: false): control goes over the peer's libp2p control stream, ahead of any data; data
   * over the peer's ZeroMQ lane when it is up, over its libp2p data stream otherwise.
   */
  private send (to: string, msgs: Msg[]): void {
    // This node's messages leave signed (a batch at once); forwarded ones keep their seals.
    const own = unsealed(msgs, this.peerId)
    if (own.length > 0) this.sealer.seal(own)
    let control: Msg[] | undefined
    let data: Msg[] | undefined
    let replies: Msg[] | undefined
    for (const m of msgs) {
      if (m.type === 'reply') (replies ??= []).push(m)
      else if (isDataMsg(m)) {
        (data ??= []).push(m)
        // A DATA copy down a tree, or a PUBLISH hop for another node's message: forwarded.
        if (m.type === 'data' || m.message.publisher !== this.peerId) this.counters.add(m.message.topic, 'forwarded')
      } else (control ??= []).push(m)
    }
    if (control !== undefined) {
      for (const bytes of encodeFrames(control, this.core.options.maxFrameBytes)) this.transport.send(to, { bytes, topics: [], kind: 'control' })
    }
    if (replies !== undefined) {
      // A reply takes the ZeroMQ lane when it is up (the request came that way: the quicker
      // path), else libp2p as control traffic (never shed for data).
      for (const bytes of encodeFrames(replies, this.core.options.maxFrameBytes)) {
        if (this.zmq?.trySend(to, { bytes, topics: [], kind: 'data' }) !== true) this.transport.send(to, { bytes, topics: [], kind: 'control' })
      }
    }
    if (data === undefined) return
    for (const frame of this.frames(data)) {
      if (this.zmq?.trySend(to, frame) === true) this.countData(to).zeromq++
      else this.sendLibp2p(to, frame)
    }
  }

  /**
   * Frames for a batch that carries application messages, each with the topics of its
   * messages (drops are counted per topic). One frame unless it would be over the byte limit.
   */
  private frames (msgs: Msg[]): OutFrame[] {
    const bytes = this.encode(msgs)
    if (bytes.byteLength <= this.core.options.maxFrameBytes) return [{ bytes, topics: topicsOf(msgs), kind: 'data' }]
    // One message alone cannot be over the limit: publish checks maxPayloadBytes, which
    // coreOptions keeps below maxFrameBytes with room for the envelope.
    if (msgs.length === 1) throw new FrameTooLargeError(bytes.byteLength, this.core.options.maxFrameBytes)
    const mid = msgs.length >> 1
    return [...this.frames(msgs.slice(0, mid)), ...this.frames(msgs.slice(mid))]
  }

  private countData (to: string): { zeromq: number, libp2p: number } {
    let count = this.dataFrames.get(to)
    if (count === undefined) this.dataFrames.set(to, count = { zeromq: 0, libp2p: 0 })
    return count
  }

  /** A data frame over libp2p (no lane, or its lane failed). */
  private sendLibp2p (to: string, frame: OutFrame): void {
    this.countData(to).libp2p++
    this.lastLibp2pData.set(to, performance.now())
    this.transport.send(to, frame)
  }

  /** Counts the application messages of a dropped frame (control frames are in transport stats). */
  private countDrop (reason: DropReason, topics: readonly string[]): void {
    if (topics.length === 0) return
    this.dropped[reason] = (this.dropped[reason] ?? 0) + topics.length
    for (const t of topics) {
      let d = this.topicDrops.get(t)
      if (d === undefined) this.topicDrops.set(t, d = {})
      d[reason] = (d[reason] ?? 0) + 1
    }
  }

  /**
   * A lone message sent to many peers (one DATA copy per child) is the same object each time:
   * encode it once.
   */
  private encode (msgs: Msg[]): Uint8Array {
    if (msgs.length !== 1) return encodeFrame(msgs)
    // The copies of one message to a node's children are sent one after another.
    if (this.lastEncoded?.msg === msgs[0]) return this.lastEncoded.bytes
    const bytes = encodeFrame(msgs)
    this.lastEncoded = { msg: msgs[0], bytes }
    return bytes
  }


  private now (): number {
    return performance.now() - this.epochStart
  }

  private arm (at: number): void {
    clearTimeout(this.timer)
    if (!this.running) return
    this.timer = setTimeout(() => {
      this.timer = undefined
      if (this.running) this.driver.wake()
    }, Math.max(0, at - this.now()))
  }

  /** A durable subscription: the mailbox, found by routing to its key, delivers (mailbox-client.ts). */
  private subscribeDurable (topic: string, name: string, options: SubscribeOptions): Subscription {
    const id = boxId(name, topic)
    if (this.durables.has(id)) throw new InvalidOptionError(`durable ${name} of ${topic} is already open on this node`)
    const sub = new Subscription(topic, this.options.maxPending ?? this.tune.maxPending, s => this.removeSub(s), options, this.metrics?.observer)
    this.durables.set(id, sub)
    void this.lookup(mailboxKeyName(name, topic)).then(() => {
      if (!this.running || this.durables.get(id) !== sub) return
      this.driver.input((core, now) => { core.openMailbox(now, name, topic) })
    })
    return sub
  }

  /** A message from a durable subscription's mailbox: acknowledged once handed over, or by msg.ack(). */
  private handMailbox (name: string, sealed: AppMessage): void {
    const app = this.topicKeys.open(sealed)
    if (app === undefined) return
    const sub = this.durables.get(boxId(name, app.topic))
    if (sub === undefined) return // not acknowledged: the mailbox delivers it again
    const ack = (): boolean => {
      if (!this.running) return false
      this.driver.input((core, now) => { core.mailboxAck(now, name, app.topic, sealed) })
      return true
    }
    if (sub.explicit) {
      sub.push(toMessage(app, this.responder, kind => kind === 'ack' && ack()))
      return
    }
    sub.push(toMessage(app, this.responder))
    ack()
  }

  private removeSub (s: Subscription): void {
    if (s.durable !== undefined) {
      const id = boxId(s.durable, s.topic)
      if (this.durables.get(id) !== s) return
      this.durables.delete(id)
      const name = s.durable
      if (this.running) this.driver.input((core, now) => { core.closeMailbox(now, name, s.topic, s.deleteMailbox) })
      return
    }
    const route = s.route
    const set = this.subs.get(route)
    if (set === undefined || !set.delete(s)) return
    const group = s.group
    if (group !== undefined && this.running && ![...set].some(o => o.group === group)) {
      this.driver.input((core, now) => { core.leaveQueue(now, route, group) })
    }
    if (set.size === 0) {
      this.subs.delete(route)
      if (this.running) this.driver.input((core, now) => { core.unsubscribe(now, route) })
      return
    }
    if (s.group === undefined && this.running && ![...set].some(o => o.group === undefined)) {
      // The last subscription outside queue groups went: publishers may send to the members directly.
      this.driver.input((core, now) => { core.queuePlain(now, route, false) })
    }
    if (s.reliable && this.running && !this.reliable(route)) {
      // The last reliable subscription of the topic went: the others need no resends.
      this.driver.input((core, now) => { core.subscribe(now, route, { reliable: false }) })
    }
  }

  /**
   * A delivered message to the topic's subscriptions: every plain one, and for each queue group
   * the root gave it to this node, one of the group's subscriptions here (in turn).
   */
  private hand (subs: Set<Subscription>, sealed: AppMessage): void {
    const app = this.topicKeys.open(sealed)
    if (app === undefined) return // encrypted under a key this node lacks (counted)
    const m = toMessage(app, this.responder)
    let groups: Map<string, Subscription[]> | undefined
    let origin: AppMessage | null | undefined
    for (const s of subs) {
      if (s.matches !== undefined) {
        // A wildcard family's message: the original one, if this pattern takes its topic.
        // Delivered only if it proves to be its publisher's, on a topic that publisher may use
        // (checked on the signed message; the application gets the opened one).
        if (origin === undefined) {
          const signed = originOf(sealed)
          origin = signed !== null && this.guard.originAllowed(sealed, signed) ? originOf(app) : null
        }
        if (origin !== null && s.matches(origin.topic)) s.push(toMessage(origin, this.responder))
      } else if (s.group === undefined) s.push(m)
      else if (!s.explicit && deliversFor(app, this.peerId, s.group)) {
        groups ??= new Map()
        const list = groups.get(s.group)
        if (list === undefined) groups.set(s.group, [s])
        else list.push(s)
      }
    }
    if (groups === undefined) return
    for (const list of groups.values()) list[this.queueTurn++ % list.length].push(m)
  }

  /**
   * A message the topic's root gave this node to process for a queue group with explicit
   * acknowledgements: to one of the group's subscriptions here (in turn), with ack() and the
   * rest; with none left here, a nak sends it on at once.
   */
  private handQueued (group: string, sealed: AppMessage, attempt: number): void {
    // The application gets it opened (end-to-end encryption); the protocol keeps the signed original.
    const message = this.topicKeys.open(sealed)
    if (message === undefined) return
    if (attempt === 0) {
      // A plain group's message its publisher sent here directly (every subscriber is a member).
      const plain = [...(this.subs.get(message.topic) ?? [])].filter(s => s.group === group && !s.explicit)
      if (plain.length > 0) plain[this.queueTurn++ % plain.length].push(toMessage(message, this.responder))
      else if (this.running) this.driver.input((core, now) => { core.queueReturn(now, sealed, group) })
      return
    }
    const acker: Acker = (kind, delayMs) => {
      if (!this.running) return false
      this.driver.input((core, now) => { core.queueAck(now, message.topic, group, sealed, kind, delayMs) })
      return true
    }
    const list = [...(this.subs.get(message.topic) ?? [])].filter(s => s.group === group && s.explicit)
    if (list.length === 0) { acker('nak', 0); return }
    list[this.queueTurn++ % list.length].push(toMessage(message, this.responder, acker, attempt))
  }

  /**
   * The tree acknowledged the subscription. A wildcard one waits wildcardProbeMs more: by then
   * every root of a matching topic that found its family empty has tried it again.
   */
  private markReady (s: Subscription): void {
    if (s.matches === undefined) { s.markReady(); return }
    const timer = setTimeout(() => { this.readyTimers.delete(timer); s.markReady() }, this.core.options.wildcardProbeMs)
    this.readyTimers.add(timer)
  }

  /** A local subscription to the topic asked for reliable delivery. */
  private reliable (topic: string): boolean {
    for (const s of this.subs.get(topic) ?? []) if (s.reliable) return true
    return false
  }

  /** Asks the DHT for the peers closest to the topic key, so the route to its root is known. */
  /** A misbehaving peer: disconnected, and its frames and connections refused for banMs. */
  /** NotGrantedError unless this node's grant allows it (a wildcard pattern is taken as a topic). */
  private checkGrant (what: 'publish' | 'subscribe', topic: string): void {
    const own = this.guard.ownGrant()
    if (this.guard.open || (own !== undefined && (what === 'publish' ? own.mayPublish(topic) : own.maySubscribe(topic)))) return
    throw new NotGrantedError(what, topic)
  }

  /** A peer the core may use: connected, and admitted when the mesh has an authority. */
  private peerReady (peer: string, id: Uint8Array, rtt: number): void {
    // The first peer: now the lookup of our own id can find the rest of the mesh (the one
    // at start ran with no peer yet; the next is refreshIntervalMs away).
    if (!this.lookedUpSelf) {
      this.lookedUpSelf = true
      void this.refresh()
    }
    if (!Number.isFinite(rtt)) this.zmq?.peerUp(peer)
    this.driver.input((core, now) => { core.handlePeerUp(now, peer, id, rtt) })
  }

  /** The peer's grant checked out (called by the guard, inside the core's handling of it). */
  private admitted (peer: string): void {
    const k = this.known.get(peer)
    if (k === undefined || !this.running) return
    queueMicrotask(() => { if (this.running && this.known.has(peer)) this.peerReady(peer, k.id, Infinity) })
  }

  private ban (peer: string): void {
    if (this.banned.size >= MAX_BANNED) this.banned.delete(this.banned.keys().next().value as string)
    this.banned.set(peer, this.now() + this.tune.banMs)
    this.peersBanned++
    this.hangUp(peer)
    // After the event that reported it (the driver is flushing now).
    queueMicrotask(() => { if (this.running) this.driver.input((core, now) => { core.handlePeerDown(now, peer) }) })
  }

  private isBanned (peer: string): boolean {
    const until = this.banned.get(peer)
    if (until === undefined) return false
    if (until > this.now()) return true
    this.banned.delete(peer)
    return false
  }

  private hangUp (peer: string): void {
    try {
      void this.libp2p.hangUp(peerIdFromString(peer)).catch(() => {})
    } catch {} // not a peer id: nothing to hang up
  }

  private async lookup (topic: string): Promise<void> {
    if (this.looked.size >= MAX_LOOKED_UP) this.looked.clear() // only a shortcut: a topic looked up again costs a lookup
    this.looked.add(topic)
    await this.closestPeers(encoder.encode(topic))
  }

  /** Every refreshIntervalMs ± 20% (nodes started together must not query in step). */
  private scheduleRefresh (): void {
    const ms = this.tune.refreshIntervalMs * (0.8 + Math.random() * 0.4)
    this.refreshTimer = setTimeout(() => {
      if (!this.running) return
      void this.refresh().finally(() => { if (this.running) this.scheduleRefresh() })
    }, ms)
    this.refreshTimer.unref()
  }

  private async refresh (): Promise<void> {
    await this.closestPeers(this.libp2p.peerId.toMultihash().bytes)
  }

  /** Connected peers the table dropped (a false failure detection) are offered again. */
  private checkTable (): void {
    const now = this.now()
    // In the first minute, the lookup of our own id again every 10 s: the one at the first
    // peer-up may have asked a bootstrap node that knew nobody yet, and the next refresh is
    // refreshIntervalMs away (a node then stayed with one peer: seen in the process tests).
    if (now < EARLY_LOOKUPS_MS && now - this.lastSelfLookup >= EARLY_LOOKUP_EVERY_MS && this.libp2p.getPeers().length > 0) {
      this.lastSelfLookup = now
      void this.refresh()
    }
    // Grants expire in wall-clock time: a neighbour whose grant lapsed is dropped.
    for (const ref of this.guard.lapsed()) {
      this.hangUp(ref)
      this.driver.input((core, t) => { core.handlePeerDown(t, ref) })
    }
    for (const p of this.libp2p.getPeers()) {
      const ref = p.toString()
      if (this.core.table.has(ref)) continue
      if (this.guard.isAdmitted(ref)) { this.offer(ref); continue }
      // Connected, no valid grant yet: present ours again; one that never shows its own is
      // disconnected after admissionTimeoutMs.
      const since = this.unadmittedSince.get(ref)
      if (since === undefined) this.unadmittedSince.set(ref, now)
      else if (now - since >= this.tune.admissionTimeoutMs) {
        this.unadmittedSince.delete(ref)
        this.peersRefused++
        this.hangUp(ref)
        continue
      }
      this.guard.peerUp(ref)
    }
    for (const ref of this.unadmittedSince.keys()) if (this.guard.isAdmitted(ref) || !this.known.has(ref)) this.unadmittedSince.delete(ref)
  }

  /** True the first time a peer is seen missing since the table last removed someone. */
  private offerOnce (ref: string): boolean {
    if (this.offeredAt !== this.core.table.removals) {
      this.offered.clear()
      this.offeredAt = this.core.table.removals
    }
    if (this.offered.has(ref)) return false
    this.offered.add(ref)
    return true
  }

  private offer (ref: string): void {
    if (!this.guard.isAdmitted(ref)) return // the core hears of a peer once its grant checked out
    let k = this.known.get(ref)
    if (k === undefined) {
      try {
        k = { id: idFromBytes(peerIdFromString(ref).toMultihash().bytes), rtt: Infinity }
      } catch {
        return
      }
      this.known.set(ref, k)
    }
    const { id, rtt } = k
    this.driver.input((core, now) => { core.handlePeerUp(now, ref, id, rtt) })
  }

  private async closestPeers (key: Uint8Array): Promise<void> {
    if (this.libp2p.getPeers().length === 0) return
    const limit = deadline(this.tune.lookupTimeoutMs, this.stopped.signal)
    try {
      for await (const e of this.libp2p.services.dht.getClosestPeers(key, { signal: limit.signal })) {
        if (!this.running) break
        void e
      }
    } catch {
      // A lookup that times out leaves what it found; the tree routes with what is known.
    } finally {
      limit.clear()
    }
  }

  private assertRunning (): void {
    if (!this.running) throw new Error('the node is not running: call start() first')
  }
}

/** The topic of each application message in a batch (one entry per message). */
function topicsOf (msgs: readonly Msg[]): string[] {
  const out: string[] = []
  for (const m of msgs) if (isDataMsg(m)) out.push(m.message.topic)
  return out
}

/** The core's form of a subscription's `since` (0: no such bound). */
function sinceSpec (since: SubscribeOptions['since']): SinceSpec | undefined {
  if (since === undefined) return undefined
  if (typeof since === 'number') {
    if (!Number.isSafeInteger(since) || since < 1) throw new InvalidOptionError(`since: a sequence number is an integer from 1 (got ${since})`)
    return { seq: since, time: 0, last: 0 }
  }
  if (since instanceof Date) {
    const time = since.getTime()
    if (!Number.isFinite(time)) throw new InvalidOptionError('since: an invalid Date')
    return { seq: 0, time: Math.max(1, time), last: 0 }
  }
  const last = since?.last
  if (typeof last !== 'number' || !Number.isSafeInteger(last) || last < 1) throw new InvalidOptionError('since: give a sequence number, a Date, or { last: N } with N from 1')
  return { seq: 0, time: 0, last }
}

/** Banned peers remembered at once (the oldest ban goes first). */
const MAX_BANNED = 10_000


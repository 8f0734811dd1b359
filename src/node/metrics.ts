// A node's metrics for operators, in the Prometheus text format (prom-client). Everything but
// the two latency histograms is read at scrape time, in prom-client `collect()` callbacks, from
// what the node keeps anyway (stats(), topics(), its per-topic counters): the message path does
// no extra work for them. Each node has its own Registry (never prom-client's global one), so
// several nodes in one process do not collide. The metrics are listed in docs/metrics.md.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'
import type { Metric } from 'prom-client'
import type { CoreStats } from '../core/mesh-core.ts'
import type { LaneState, LaneView } from '../transport/zeromq/zmq-plane.ts'
import type { DropReason } from '../transport/transport.ts'
import type { NodeStats, NodeTopicView } from './mesh-node.ts'
import type { SubscriptionObserver } from './subscription.ts'
import type { TopicCounters, TopicCounts } from './topic-counters.ts'
import { TopicLabels } from './topic-labels.ts'
import type { LabelledCounts } from './topic-labels.ts'

/** What the metrics read from a node (a MeshNode). */
export interface MetricsSource {
  readonly counters: TopicCounters
  stats: () => NodeStats
  topics: () => NodeTopicView[]
  readonly lanPlane: { lanesView: () => LaneView[] } | undefined
}

// Every value of these labels is exported from the start (at 0), so dashboards see every series.
// Written as records so the compiler says when a reason, state or role is added.
const DROP_REASONS = Object.keys({
  'lane-queue-full': true, 'stream-queue-full': true, 'stream-closed': true, 'dial-failed': true, 'peer-down': true, 'slow-consumer': true
} satisfies Record<DropReason | 'slow-consumer', true>)
const LANE_STATES = Object.keys({ negotiating: true, connecting: true, up: true, down: true, off: true } satisfies Record<LaneState, true>)
const ROLES = Object.keys({ root: true, forwarder: true, subscriber: true, detached: true } satisfies Record<NodeTopicView['role'], true>)

/**
 * Histogram buckets in seconds. A message usually waits on a subscription for microseconds (the
 * consumer was waiting for it) and a slow consumer makes it wait up to seconds: 50 µs to 10 s.
 */
const SECONDS_BUCKETS = [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

type CoreCounter = { [K in keyof CoreStats]: CoreStats[K] extends number ? K : never }[keyof CoreStats]

/** Core counters (NodeStats.core): metric name, field, help. */
const CORE_COUNTERS: ReadonlyArray<[string, CoreCounter, string]> = [
  ['meshcast_tree_repairs_total', 'repairs', 'Times this node lost a parent in a topic tree and rejoined.'],
  ['meshcast_root_takeovers_total', 'rootTakeovers', 'Times this node, holding a replica of a dead root\'s state, became the topic\'s root.'],
  ['meshcast_redirects_total', 'redirects', 'Children this node handed to a sibling because it had too many (fan-out cap).'],
  ['meshcast_root_handovers_total', 'handovers', 'Times this node, a root, handed a topic to a closer node that appeared.'],
  ['meshcast_duplicate_messages_total', 'duplicates', 'Application messages received again and discarded.'],
  ['meshcast_malformed_frames_total', 'malformedFrames', 'Received frames that did not decode (dropped).'],
  ['meshcast_refused_messages_total', 'refused', 'Received messages the guard refused: forged, unsigned or not granted (dropped).'],
  ['meshcast_no_route_messages_total', 'droppedNoRoute', 'Publishes dropped here: no closer node and no tree (nobody subscribes).']
]

/** What one scrape reads from the node, once for every collector. */
interface Snapshot {
  stats: NodeStats
  topics: NodeTopicView[]
  series: LabelledCounts[]
}

let processRegistry: Registry | undefined

/**
 * Process memory, CPU, event loop, GC: prom-client's default metrics, set up once per process
 * and registered in every node's registry. Set up once per node, they would each add a
 * garbage-collection observer and a 10 ms event-loop-delay timer that prom-client never
 * releases, and report the same process anyway.
 */
function processMetrics (): Registry {
  if (processRegistry === undefined) {
    processRegistry = new Registry()
    collectDefaultMetrics({ register: processRegistry })
  }
  return processRegistry
}

export class NodeMetrics {
  readonly registry = new Registry()
  /** Set on the node's subscriptions: the two histograms. */
  readonly observer: SubscriptionObserver
  private readonly source: MetricsSource
  private readonly labels: TopicLabels
  /** Exported values of the drop counters (see dropCount). */
  private readonly drops = new Map<string, { seen: number, value: number }>()
  private snapshot: Snapshot | undefined
  private scrapes = 0

  constructor (source: MetricsSource, options: { topics: number }) {
    this.source = source
    this.labels = new TopicLabels(options.topics)
    const registers = [this.registry]
    for (const metric of processMetrics().getMetricsAsArray()) this.registry.registerMetric(metric as unknown as Metric) // the metric objects themselves

    const snap = (): Snapshot => this.snapshot ?? this.take()
    const topicCounter = (kind: keyof TopicCounts, help: string): void => {
      new Counter({
        name: `meshcast_messages_${kind}_total`, help, labelNames: ['topic'], registers,
        collect () {
          this.reset()
          for (const s of snap().series) this.inc({ topic: s.topic }, s[kind])
        }
      })
    }
    topicCounter('published', 'Messages published by this node, by topic (at most the label cap of topics; the rest in topic="other").')
    topicCounter('delivered', 'Messages delivered to subscriptions on this node, by topic.')
    topicCounter('forwarded', 'Messages this node forwarded for others (copies down a tree, publish hops toward a root), by topic.')

    const dropCount = (reason: string, now: number): number => this.dropCount(reason, now)
    new Counter({
      name: 'meshcast_messages_dropped_total', help: 'Application messages dropped on this node, by reason.', labelNames: ['reason'], registers,
      collect () {
        this.reset()
        const dropped: Record<string, number | undefined> = snap().stats.dropped
        for (const reason of new Set([...DROP_REASONS, ...Object.keys(dropped)])) this.inc({ reason }, dropCount(reason, dropped[reason] ?? 0))
      }
    })
    for (const [name, field, help] of CORE_COUNTERS) {
      new Counter({
        name, help, registers,
        collect () {
          this.reset()
          this.inc(snap().stats.core[field])
        }
      })
    }

    new Gauge({
      name: 'meshcast_send_queue_frames', help: 'Frames waiting in this node\'s send queues now, by transport.', labelNames: ['transport'], registers,
      collect () {
        const { queued } = snap().stats
        this.set({ transport: 'libp2p' }, queued.libp2p)
        this.set({ transport: 'zeromq' }, queued.zeromq)
      }
    })
    new Gauge({
      name: 'meshcast_subscription_pending_messages', help: 'Messages waiting in local subscriptions for their consumers.', registers,
      collect () { this.set(snap().stats.pending) }
    })
    const lanes = (): LaneView[] => source.lanPlane?.lanesView() ?? []
    new Gauge({
      name: 'meshcast_lanes', help: 'ZeroMQ lanes to peers, by state (up: data goes over ZeroMQ; off: the peer is not on a shared segment).', labelNames: ['state'], registers,
      collect () {
        const n = new Map<string, number>(LANE_STATES.map(s => [s, 0]))
        for (const l of lanes()) n.set(l.state, (n.get(l.state) ?? 0) + 1)
        for (const [state, count] of n) this.set({ state }, count)
      }
    })
    new Gauge({
      name: 'meshcast_peers', help: 'Peers this node is connected to.', registers,
      collect () { this.set(snap().stats.peers) }
    })
    new Gauge({
      name: 'meshcast_routing_table_peers', help: 'Peers in this node\'s routing table.', registers,
      collect () { this.set(snap().stats.routingTable) }
    })
    new Gauge({
      name: 'meshcast_topics', help: 'Topic trees this node is in, by its role in each.', labelNames: ['role'], registers,
      collect () {
        const n = new Map<string, number>(ROLES.map(r => [r, 0]))
        for (const t of snap().topics) n.set(t.role, (n.get(t.role) ?? 0) + 1)
        for (const [role, count] of n) this.set({ role }, count)
      }
    })
    new Gauge({
      name: 'meshcast_tree_children', help: 'Children of this node over all its topic trees.', registers,
      collect () { this.set(snap().topics.reduce((n, t) => n + t.children.length, 0)) }
    })

    const waited = new Histogram({
      name: 'meshcast_delivery_wait_seconds',
      help: 'Time a message waits on this node between reaching a subscription and the application taking it (not end-to-end latency: that needs synchronized clocks).',
      buckets: SECONDS_BUCKETS, registers
    })
    const handled = new Histogram({
      name: 'meshcast_handler_seconds',
      help: 'Time the application spends on a message: a callback\'s run, or from an iterator yielding a message to its next next() call.',
      buckets: SECONDS_BUCKETS, registers
    })
    this.observer = {
      waited: s => { waited.observe(s) },
      handled: s => { handled.observe(s) }
    }
  }

  /** The Prometheus text of every metric; the node is read once for all of them. */
  async scrape (): Promise<string> {
    if (this.scrapes++ === 0) this.snapshot = this.take()
    try {
      return await this.registry.metrics()
    } finally {
      if (--this.scrapes === 0) this.snapshot = undefined
    }
  }

  get contentType (): string {
    return this.registry.contentType
  }

  private take (): Snapshot {
    const topics = this.source.topics()
    const live = new Set(topics.map(t => t.topic))
    const stats = this.source.stats()
    const series = this.labels.update(this.source.counters.entries(), stats.counts, t => live.has(t))
    return { stats, topics, series }
  }

  /**
   * A drop counter that never goes down: it grows by the growth of the node's figure. The
   * node's slow-consumer count is a sum over its open subscriptions, so it falls when one
   * closes; that fall is not subtracted.
   */
  private dropCount (reason: string, now: number): number {
    let d = this.drops.get(reason)
    if (d === undefined) this.drops.set(reason, d = { seen: 0, value: 0 })
    if (now > d.seen) d.value += now - d.seen
    d.seen = now
    return d.value
  }
}

// The standard experiment: build the overlay, subscribe Zipf-sized groups, publish steadily,
// crash a fraction of peers at once, keep publishing, and report delivery, latency, repair
// time, tree shape and message costs. Scenarios are plain option objects; the same options
// and seed give the same report (bar wall time and memory).
import type { CoreOptions } from '../src/core/defaults.ts'
import type { AppMessage } from '../src/core/wire/types.ts'
import { isDataPlane, MSG_TYPES } from '../src/core/wire/types.ts'
import type { MsgType } from '../src/core/wire/types.ts'
import { DeliveredPairs, DeliveryAudit, windowDelivery } from './delivery-audit.ts'
import { attachedToLiveRoot, checkAcyclic, checkReachable, InvariantViolation } from './invariants.ts'
import type { NetworkOptions } from './network.ts'
import { Simulator } from './simulator.ts'
import { round, Samples } from './stats.ts'

export interface Scenario {
  peers: number
  topics: number
  /** Fraction of peers crashed at once at crashAtMs. */
  crash: number
  seed: number
  /** Group of rank r has round(peers · r^-zipf) members (SCRIBE's distribution). */
  zipf: number
  subscribeWindowMs: number
  publishStartMs: number
  /** Each topic publishes once per interval. */
  publishIntervalMs: number
  payloadBytes: number
  crashAtMs: number
  endMs: number
  /** Publishing stops this long before the end so the last messages land. */
  drainMs: number
  /** Rounds of churn after the crash: each crashes `churnFraction` of live peers and adds as many. */
  churnRounds: number
  churnFraction: number
  churnEveryMs: number
  /** A partition: at partitionAtMs this fraction of live peers is cut off from the rest for partitionMs (0 = none). */
  partitionFraction: number
  partitionAtMs: number
  partitionMs: number
  /** Time allowed for one route in the repair bound (3 heartbeats + one route). */
  routeAllowanceMs: number
  /** How often the acyclicity invariant runs. */
  checkEveryMs: number
  /** Encode every frame with the wire codec. */
  wire: boolean
  /**
   * A message handed to a subscriber's application twice stops the run (an InvariantViolation)
   * instead of only being counted in duplicatesDelivered.
   */
  strictDuplicates: boolean
  /** Every subscription reliable and every publish acknowledged (docs/protocol.md). */
  reliable: boolean
  network: Partial<NetworkOptions>
  core: Partial<CoreOptions>
}

export const SCENARIO_DEFAULTS: Readonly<Scenario> = Object.freeze({
  peers: 500,
  topics: 50,
  crash: 0.1,
  seed: 1,
  zipf: 1.25,
  subscribeWindowMs: 2000,
  publishStartMs: 5000,
  publishIntervalMs: 250,
  payloadBytes: 100,
  crashAtMs: 10_000,
  endMs: 20_000,
  drainMs: 1500,
  churnRounds: 0,
  churnFraction: 0.05,
  churnEveryMs: 4000,
  partitionFraction: 0,
  partitionAtMs: 12_000,
  partitionMs: 3000,
  routeAllowanceMs: 1000,
  checkEveryMs: 1000,
  wire: false,
  strictDuplicates: false,
  reliable: false,
  network: {},
  core: {}
})

export interface SimReport {
  peers: number
  topics: number
  seed: number
  deliveryBeforeCrash: number
  deliveryAfterRepair: number
  /**
   * Delivered / expected over every message published from crashAtMs to the end of publishing,
   * disruptions included. A (message, subscriber) pair is expected when the subscription had
   * become ready (the core's 'ready' event: attached below a root) at or before the publish, and
   * the subscriber's node is alive at the end of the run (so from the publish on: crashed nodes
   * never come back). Churn-added subscribers count from their ready on. Every published
   * message counts, also one whose publisher crashes right after: its loss is loss a user sees.
   * (A crashed publisher publishes nothing: the topic's next message comes from a live node.)
   */
  deliveryDuringRepair: number
  /** Expected (message, subscriber) pairs behind deliveryDuringRepair. */
  expectedDuringRepair: number
  /** Expected pairs of deliveryDuringRepair never delivered by the end of the run. */
  lossDuringRepair: number
  /** With reliable: pairs of acknowledged messages (from the crash on) and expected subscribers never delivered. */
  ackedLost: number
  /** With reliable: publishes acknowledged, and publishes whose acknowledgement failed (from the crash on included). */
  acked: number
  ackFailed: number
  /** Deliveries to an application of a (topic, publisher, epoch, seq) it already had, whole run. */
  duplicatesDelivered: number
  /**
   * First deliveries of a message with a lower seq than one the subscriber already had from the
   * same (topic, publisher, epoch): an older message after a newer one, whole run.
   */
  outOfOrderDelivered: number
  latencyMs: { p50: number, p99: number }
  repairMs: { p50: number | null, max: number | null }
  maxDepth: number
  /** The most children a node had in one topic's tree, not counting those handed on (what the fan-out cap bounds). */
  maxChildren: number
  /** The most children entries a node held over all its topics. */
  maxChildEntries: number
  messagesPerDelivery: number
  controlPerPeerPerSec: number
  /** Control messages per peer per second, by message type (where controlPerPeerPerSec comes from). */
  controlByType: Partial<Record<MsgType, number>>
  wallMs: number
  peakRssBytes: number
  crashed: number
  orphans: number
  unrepaired: number
  repairBoundMs: number
  rootMismatches: number
  /** Messages the network dropped while measuring: partition, loss, sent to a crashed peer. */
  dropped: { partition: number, loss: number, dead: number }
  subscriptions: number
  deliveries: number
  events: number
  virtualMs: number
}

export interface Progress {
  virtualMs: number
  endMs: number
  events: number
  wallMs: number
  phase: string
}

export interface RunOptions {
  onProgress?: (p: Progress) => void
  progressEveryMs?: number
  /** Called with the simulator once the scenario is set up, before it runs (tests wrap its hooks). */
  instrument?: (sim: Simulator) => void
}

export class ScenarioFailure extends Error {
  readonly replay: string
  constructor (violation: Error, replay: string) {
    super(`${violation.message}\nreplay with: ${replay}`)
    this.name = 'ScenarioFailure'
    this.replay = replay
  }
}

export function scenario (overrides: Partial<Scenario> = {}): Scenario {
  return {
    ...SCENARIO_DEFAULTS,
    ...overrides,
    network: { ...SCENARIO_DEFAULTS.network, ...overrides.network },
    core: { ...SCENARIO_DEFAULTS.core, ...overrides.core }
  }
}

/** Flags of `meshcast sim` for each scalar scenario option. */
export const SCENARIO_FLAGS: Record<string, keyof Scenario> = {
  peers: 'peers',
  topics: 'topics',
  crash: 'crash',
  seed: 'seed',
  zipf: 'zipf',
  'publish-start': 'publishStartMs',
  'publish-interval': 'publishIntervalMs',
  'payload-bytes': 'payloadBytes',
  'crash-at': 'crashAtMs',
  end: 'endMs',
  'churn-rounds': 'churnRounds',
  'churn-fraction': 'churnFraction',
  'churn-every': 'churnEveryMs',
  'partition-fraction': 'partitionFraction',
  'partition-at': 'partitionAtMs',
  'partition-for': 'partitionMs',
  wire: 'wire',
  'strict-duplicates': 'strictDuplicates',
  reliable: 'reliable'
}

/** The command that replays a scenario exactly. */
export function replayCommand (s: Scenario): string {
  const parts = ['npx meshcast sim', `--peers ${s.peers}`, `--topics ${s.topics}`, `--crash ${s.crash}`, `--seed ${s.seed}`]
  for (const [flag, key] of Object.entries(SCENARIO_FLAGS)) {
    if (['peers', 'topics', 'crash', 'seed'].includes(flag)) continue
    if (s[key] !== SCENARIO_DEFAULTS[key]) parts.push(s[key] === true ? `--${flag}` : `--${flag} ${String(s[key])}`)
  }
  if (JSON.stringify(s.network) !== '{}' || JSON.stringify(s.core) !== '{}') {
    parts.push(`# with network ${JSON.stringify(s.network)} core ${JSON.stringify(s.core)}`)
  }
  return parts.join(' ')
}

/** How often (virtual ms) orphaned subscriptions are checked for being attached again. */
const REPAIR_CHECK_MS = 50

interface Published {
  time: number
  topic: number
  expected: number
  delivered: number
}

export function runScenario (input: Partial<Scenario>, run: RunOptions = {}): SimReport {
  const s = scenario(input)
  const startWall = performance.now()
  let peakRss = process.memoryUsage().rss
  const sim = new Simulator({ seed: s.seed, network: s.network, core: s.core, wire: s.wire })
  const rng = sim.rng.fork()
  const hb = sim.heartbeatMs
  const repairBoundMs = 3 * hb + s.routeAllowanceMs
  const topicNames = Array.from({ length: s.topics }, (_, i) => `topic-${i + 1}`)
  const topicIndex = new Map(topicNames.map((t, i) => [t, i]))
  const T = s.topics

  let phase = 'overlay'
  const progress = (force = false): void => {
    const wall = performance.now() - startWall
    if (run.onProgress !== undefined && (force || wall - lastProgress >= (run.progressEveryMs ?? 1000))) {
      lastProgress = wall
      run.onProgress({ virtualMs: sim.now, endMs: s.endMs, events: sim.events, wallMs: wall, phase })
    }
  }
  let lastProgress = -Infinity
  progress(true)

  for (let i = 0; i < s.peers; i++) sim.addNode()
  sim.bootstrap()

  // Subscriptions: Zipf-sized groups, members uniform.
  const subscribers = new Map<string, number[]>(topicNames.map(t => [t, []]))
  const subscribedAt = new Map<number, number>()
  const perm = Int32Array.from({ length: s.peers }, (_, i) => i)
  let subscriptions = 0
  const subscribe = (node: number, topic: number, at: number): void => {
    subscribers.get(topicNames[topic])?.push(node)
    subscribedAt.set(node * T + topic, at)
    subscriptions++
    sim.at(at, () => {
      const n = sim.nodes[node]
      if (n.alive) n.driver.input((core, now) => core.subscribe(now, topicNames[topic], { reliable: s.reliable }))
    })
  }
  for (let r = 1; r <= T; r++) {
    const size = Math.max(1, Math.min(s.peers, Math.floor(s.peers * r ** -s.zipf + 0.5)))
    for (let i = 0; i < size; i++) {
      const j = i + rng.int(s.peers - i)
      const tmp = perm[i]; perm[i] = perm[j]; perm[j] = tmp
      subscribe(perm[i], r - 1, rng.next() * s.subscribeWindowMs)
    }
  }

  // Deliveries.
  const published: Published[] = []
  const payloadIndex = (m: AppMessage): number => new DataView(m.payload.buffer, m.payload.byteOffset, 4).getUint32(0)
  // (message, node) pairs delivered at least once, for the delivery ratios.
  const received = new DeliveredPairs()
  // Duplicates and out-of-order deliveries, by (topic, publisher, epoch) stream.
  const audit = new DeliveryAudit()
  // node * T + topic -> virtual time of the subscription's first 'ready' event.
  const readyAt = new Map<number, number>()
  sim.hooks.ready = (node, topic, now) => {
    const ti = topicIndex.get(topic)
    if (ti !== undefined && !readyAt.has(node.index * T + ti)) readyAt.set(node.index * T + ti, now)
  }
  const latency = new Samples()
  // Subscriptions cut off by the crash (node * T + topic) -> ms from the crash until the
  // subscriber hung below a live root again (-1 while not yet): checked every REPAIR_CHECK_MS
  // of virtual time, so the figure does not depend on how often topics publish.
  const orphans = new Map<number, number>()
  let deliveries = 0
  let violation: Error | undefined
  const settleMs = repairBoundMs
  sim.hooks.deliver = (node, e, now) => {
    const idx = payloadIndex(e.message)
    const p = published[idx]
    if (p === undefined) return
    // Every message has its own (topic, publisher, epoch, seq), so the audit's duplicates are
    // exactly the pairs already received.
    const verdict = audit.record(node.index, e.message)
    received.add(idx, node.index)
    if (verdict === 'duplicate') {
      if (s.strictDuplicates) violation ??= new InvariantViolation(`node ${node.index} delivered message ${idx} (topic ${e.message.topic}, seq ${e.message.seq}) twice at ${now.toFixed(1)} ms`)
      return
    }
    deliveries++
    latency.push(now - p.time)
    const key = node.index * T + p.topic
    const at = subscribedAt.get(key)
    if (at !== undefined && at <= p.time - settleMs) p.delivered++
  }

  // Acknowledged publishes (with reliable): which message each publisher's 'acked' names.
  const ackIndex = new Map<string, number>()
  const acked = new Set<number>()
  let ackFailed = 0
  sim.hooks.event = (node, e) => {
    if (e.type === 'ack-failed') ackFailed++
    if (e.type !== 'acked') return
    const idx = ackIndex.get(`${node.index}\u0000${e.topic}\u0000${e.seq}`)
    if (idx !== undefined) acked.add(idx)
  }

  // Publishing: one publisher per topic (replaced if it crashes), one message per interval.
  const publisherOf = topicNames.map(() => rng.int(s.peers))
  const publishEnd = s.endMs - s.drainMs
  const publishOnce = (topic: number): void => {
    const now = sim.now
    if (now > publishEnd) return
    sim.at(now + s.publishIntervalMs, () => publishOnce(topic))
    let pub = sim.nodes[publisherOf[topic]]
    if (!pub.alive) {
      const live = sim.liveNodes()
      pub = live[rng.int(live.length)]
      publisherOf[topic] = pub.index
    }
    let expected = 0
    for (const m of subscribers.get(topicNames[topic]) ?? []) {
      const at = subscribedAt.get(m * T + topic)
      if (sim.nodes[m].alive && at !== undefined && at <= now - settleMs) expected++
    }
    const idx = published.length
    published.push({ time: now, topic, expected, delivered: 0 })
    const payload = new Uint8Array(Math.max(4, s.payloadBytes))
    new DataView(payload.buffer).setUint32(0, idx)
    const seq = pub.driver.input((core, t) => core.publish(t, topicNames[topic], payload, [], { ack: s.reliable }))
    if (s.reliable) ackIndex.set(`${pub.index}\u0000${topicNames[topic]}\u0000${seq}`, idx)
  }
  for (let i = 0; i < T; i++) sim.at(s.publishStartMs + rng.next() * s.publishIntervalMs, () => publishOnce(i))

  // Disruptions.
  const disruptions: number[] = []
  const checkTimes: number[] = [s.publishStartMs]
  let partitioned = false
  let crashed = 0
  const crashSome = (fraction: number): number[] => {
    const live = sim.liveNodes()
    const count = Math.floor(fraction * live.length)
    const victims: number[] = []
    for (let i = 0; i < count; i++) {
      const j = i + rng.int(live.length - i)
      const tmp = live[i]; live[i] = live[j]; live[j] = tmp
      victims.push(live[i].index)
    }
    for (const v of victims) sim.crash(v)
    crashed += victims.length
    return victims
  }
  sim.at(s.crashAtMs, () => {
    disruptions.push(sim.now)
    crashSome(s.crash)
    // Orphans: live subscribers whose path to the root ran through a crashed node.
    for (const [topic, members] of subscribers) {
      const ti = topicIndex.get(topic) as number
      for (const m of members) {
        const start = sim.nodes[m]
        if (!start.alive) continue
        let cur = start
        for (let hops = 0; hops < 64; hops++) {
          const t = cur.core.topicState(topic)
          if (t === undefined || t.isRoot || t.parent === null) break
          const parent = sim.nodes[+t.parent]
          if (!parent.alive) {
            orphans.set(m * T + ti, -1)
            break
          }
          cur = parent
        }
      }
    }
    const pending = [...orphans.keys()]
    const watch = (): void => {
      let left = 0
      for (let i = 0; i < pending.length; i++) {
        const key = pending[i]
        const node = Math.floor(key / T)
        if (!sim.nodes[node].alive) continue
        if (attachedToLiveRoot(sim, topicNames[key % T], node)) orphans.set(key, sim.now - s.crashAtMs)
        else pending[left++] = key
      }
      pending.length = left
      if (left > 0 && sim.now + REPAIR_CHECK_MS <= s.endMs) sim.at(sim.now + REPAIR_CHECK_MS, watch)
    }
    sim.at(sim.now + REPAIR_CHECK_MS, watch)
  })
  for (let r = 0; r < s.churnRounds; r++) {
    sim.at(s.crashAtMs + (r + 1) * s.churnEveryMs, () => {
      disruptions.push(sim.now)
      const victims = crashSome(s.churnFraction)
      for (let i = 0; i < victims.length; i++) {
        const n = sim.joinNode()
        subscribe(n.index, rng.int(T), sim.now)
      }
    })
  }

  if (s.partitionFraction > 0) {
    const healAt = s.partitionAtMs + s.partitionMs
    sim.at(s.partitionAtMs, () => {
      disruptions.push(sim.now)
      partitioned = true
      const group = new Int8Array(sim.nodes.length + 1024)
      for (const n of sim.liveNodes()) group[n.index] = rng.next() < s.partitionFraction ? 1 : 0
      sim.setPartition(group)
    })
    sim.at(healAt, () => {
      disruptions.push(sim.now)
      partitioned = false
      sim.setPartition(null)
      // The DHT's periodic refresh lets both sides meet again.
      sim.refreshTables()
    })
    checkTimes.push(healAt + repairBoundMs)
  }

  // Invariants.
  let maxChildren = 0
  let maxChildEntries = 0
  let rootMismatches = 0
  const sampleChildren = (): void => {
    for (const n of sim.nodes) {
      if (!n.alive) continue
      if (n.core.childCount > maxChildEntries) maxChildEntries = n.core.childCount
      for (const t of n.core.topicStates()) {
        if (t.children.size <= maxChildren) continue
        // Children handed on (REDIRECT) are served until they leave, and do not count.
        let active = 0
        for (const e of t.children.values()) if (!e.redirected) active++
        if (active > maxChildren) maxChildren = active
      }
    }
  }
  for (let t = s.checkEveryMs; t <= s.endMs; t += s.checkEveryMs) {
    sim.at(t, () => {
      try {
        checkAcyclic(sim)
      } catch (err) { violation ??= err as Error }
      sampleChildren()
    })
  }
  checkTimes.push(s.crashAtMs + repairBoundMs)
  for (let r = 0; r < s.churnRounds; r++) checkTimes.push(s.crashAtMs + (r + 1) * s.churnEveryMs + repairBoundMs)
  checkTimes.push(s.endMs)
  for (const t of checkTimes) {
    sim.at(t, () => {
      // Only once the repair bound has passed since the last disruption.
      const last = disruptions.length > 0 ? disruptions[disruptions.length - 1] : -Infinity
      if (partitioned || sim.now - last < repairBoundMs) return
      try {
        const live = new Map<string, number[]>()
        for (const [topic, members] of subscribers) {
          const ti = topicIndex.get(topic) as number
          live.set(topic, members.filter(m => (subscribedAt.get(m * T + ti) ?? Infinity) <= sim.now - settleMs))
        }
        rootMismatches = checkReachable(sim, topicNames, live, repairBoundMs, (s.network.loss ?? 0) > 0).rootMismatches
      } catch (err) { violation ??= err as Error }
    })
  }

  run.instrument?.(sim)

  // Run in slices so progress shows and a violation stops the run at once.
  const sliceMs = 250
  sim.measuring = false
  sim.at(s.publishStartMs, () => { sim.measuring = true })
  for (let t = 0; t < s.endMs; t += sliceMs) {
    phase = t < s.publishStartMs ? 'building trees' : t < s.crashAtMs ? 'publishing' : 'after crash'
    sim.run(Math.min(t + sliceMs, s.endMs))
    if (violation !== undefined) throw new ScenarioFailure(violation, replayCommand(s))
    const rss = process.memoryUsage().rss
    if (rss > peakRss) peakRss = rss
    progress()
  }
  sampleChildren()
  phase = 'done'
  progress(true)

  // Figures.
  // A message counts when no disruption hit while it could be in flight (1 s before it) or
  // while trees were still repairing (the repair bound after it).
  const quiet = (t: number): boolean => disruptions.every(d => t < d - 1000 || t >= d + repairBoundMs)
  const ratio = (from: number, to: number): number => {
    let expected = 0
    let delivered = 0
    for (const p of published) {
      if (p.time >= from && p.time < to && quiet(p.time)) { expected += p.expected; delivered += p.delivered }
    }
    return expected === 0 ? NaN : delivered / expected
  }
  // From the crash to the end of publishing, nothing left out (see SimReport.deliveryDuringRepair);
  // with reliable, the acknowledged messages alone too.
  const fromCrash = (include?: (message: number) => boolean): { expected: number, delivered: number } => windowDelivery({
    published,
    from: s.crashAtMs,
    to: publishEnd,
    members: topic => subscribers.get(topicNames[topic]) ?? [],
    readyAt: (node, topic) => readyAt.get(node * T + topic),
    aliveAtEnd: node => sim.nodes[node].alive,
    delivered: (message, node) => received.has(message, node),
    include
  })
  const duringRepair = fromCrash()
  const ackedWindow = fromCrash(message => acked.has(message))
  const repairs = new Samples()
  let unrepaired = 0
  for (const v of orphans.values()) {
    if (v < 0) unrepaired++
    else repairs.push(v)
  }
  let maxDepth = 0
  for (const [topic, members] of subscribers) {
    for (const m of members) {
      const n = sim.nodes[m]
      const d = n.alive ? n.core.topicState(topic)?.depth ?? 0 : 0
      if (d > maxDepth) maxDepth = d
    }
  }
  let data = 0
  let control = 0
  const windowSec = (s.endMs - s.publishStartMs) / 1000
  const meanLive = (s.peers + sim.liveNodes().length) / 2
  const controlByType: Partial<Record<MsgType, number>> = {}
  for (const t of MSG_TYPES) {
    if (isDataPlane(t)) data += sim.counters.sent[t]
    else {
      control += sim.counters.sent[t]
      if (sim.counters.sent[t] > 0) controlByType[t] = round(sim.counters.sent[t] / meanLive / windowSec, 2)
    }
  }
  const report: SimReport = {
    peers: s.peers,
    topics: s.topics,
    seed: s.seed,
    deliveryBeforeCrash: round(ratio(s.publishStartMs, s.crashAtMs), 6),
    deliveryAfterRepair: round(ratio(s.crashAtMs, publishEnd + 1), 6),
    deliveryDuringRepair: round(duringRepair.expected === 0 ? NaN : duringRepair.delivered / duringRepair.expected, 6),
    expectedDuringRepair: duringRepair.expected,
    lossDuringRepair: duringRepair.expected - duringRepair.delivered,
    ackedLost: ackedWindow.expected - ackedWindow.delivered,
    acked: acked.size,
    ackFailed,
    duplicatesDelivered: audit.duplicates,
    outOfOrderDelivered: audit.outOfOrder,
    latencyMs: { p50: round(latency.quantile(0.5), 1), p99: round(latency.quantile(0.99), 1) },
    repairMs: {
      p50: repairs.length > 0 ? round(repairs.quantile(0.5), 1) : null,
      max: unrepaired > 0 ? null : repairs.length > 0 ? round(repairs.quantile(1), 1) : null
    },
    maxDepth,
    maxChildren,
    maxChildEntries,
    messagesPerDelivery: round(data / Math.max(1, deliveries), 3),
    controlPerPeerPerSec: round(control / meanLive / windowSec, 2),
    controlByType,
    wallMs: Math.round(performance.now() - startWall),
    peakRssBytes: peakRss,
    crashed,
    orphans: orphans.size,
    unrepaired,
    repairBoundMs,
    rootMismatches,
    dropped: { partition: sim.counters.droppedPartition, loss: sim.counters.droppedLoss, dead: sim.counters.droppedDead },
    subscriptions,
    deliveries,
    events: sim.events,
    virtualMs: s.endMs
  }
  return report
}

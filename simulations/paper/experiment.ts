// One run of the SCRIBE paper's experiment on meshcast: a transit-stub topology, N end nodes
// running the real protocol core in the simulator, groups subscribed, trees left to settle,
// one message multicast from each group's root, then the paper's metrics measured on the trees
// the cores built, beside IP multicast on the same topology.
import { coreOptions } from '../../src/core/defaults.ts'
import type { CoreOptions } from '../../src/core/defaults.ts'
import type { Simulator as SimulatorType } from '../simulator.ts'
import { Simulator } from '../simulator.ts'
import { leanBootstrap, replayBootstrap } from './bootstrap.ts'
import type { BootstrapRecording, BootstrapStats } from './bootstrap.ts'
import { ipMulticast } from './ip-multicast.ts'
import { cdf, groupDelay, LinkStress, NodeStress, summarize, treeDelays } from './metrics.ts'
import type { Summary } from './metrics.ts'
import type { TopologyOptions, TransitStub } from './topology.ts'
import { LINK_KINDS, linkDelayStats, transitStub, TransitStubLatency } from './topology.ts'
import { snapshotTree } from './trees.ts'

export interface RunConfig {
  /** 'zipf' (the paper's main experiment) or 'small-groups' (many groups of 11). */
  experiment: 'zipf' | 'small-groups'
  /** Short name of the variant, e.g. 'pns-cap64'. */
  variant: string
  nodes: number
  groups: number
  /** Members per group; 0 means the paper's Zipf-like sizes floor(nodes · r^-zipf + 0.5). */
  groupSize: number
  zipf: number
  seed: number
  /** Proximity neighbour selection in the routing tables (the core's `proximity`). */
  proximity: boolean
  /** The bottleneck remover's cap (the core's `maxChildren`); Infinity turns it off. */
  maxChildren: number
  /** Candidates a node is offered per bucket at bootstrap; PNS keeps the k fastest. */
  bucketCandidates: number
  /** Subscriptions are spread uniformly over this window. */
  subscribeWindowMs: number
  /** Give up waiting for the trees to settle at this virtual time. */
  maxVirtualMs: number
  /**
   * Liveness timers (heartbeat, refresh, failure and child timeouts) are the core's defaults
   * times this. The experiment has no failures, and heartbeats and ticks are ~80% of the
   * simulated events, so the full-scale runs slow them down; tree construction is driven by
   * JOIN, JOIN-ACK, LEAVE and REDIRECT messages and does not wait on them (the tests check that
   * the trees come out the same with the defaults).
   */
  livenessScale: number
}

/** The core's liveness options scaled by `scale` (an empty object at 1: the core's defaults). */
export function livenessOptions (scale: number): Partial<CoreOptions> {
  if (scale === 1) return {}
  const d = coreOptions()
  return {
    heartbeatIntervalMs: d.heartbeatIntervalMs * scale,
    refreshIntervalMs: d.refreshIntervalMs * scale,
    failureTimeoutMs: d.failureTimeoutMs * scale,
    childTimeoutMs: d.childTimeoutMs * scale
  }
}

export function groupSizes (c: Pick<RunConfig, 'nodes' | 'groups' | 'groupSize' | 'zipf'>): number[] {
  return Array.from({ length: c.groups }, (_, i) => c.groupSize > 0
    ? Math.min(c.nodes, c.groupSize)
    : Math.max(1, Math.min(c.nodes, Math.floor(c.nodes * (i + 1) ** -c.zipf + 0.5))))
}

export interface Progress {
  run: string
  phase: string
  virtualMs: number
  events: number
  wallMs: number
  rssBytes: number
}

export interface RunResult {
  experiment: RunConfig['experiment']
  variant: string
  config: RunConfig
  subscriptions: number
  /** Tree nodes summed over groups, and how many of them are not members (forwarders only). */
  treeNodes: number
  forwarders: number
  treeEdges: number
  maxDepth: number
  rad: Summary
  rmd: Summary
  /** Groups left out of RAD/RMD: their only member is the root (IP multicast delay 0). */
  groupsWithoutPenalty: number
  delayMs: { treeMean: number, ipMean: number }
  nodeStress: {
    /** Children entries per node over all trees, all nodes. */
    entries: Summary
    /** The most children any node has in one tree (what the per-topic fan-out cap bounds). */
    maxChildrenInOneTree: number
    /** Non-empty children tables per node (trees in which the node has children). */
    tables: Summary
    /** Trees the node is in (as member, forwarder or root). */
    trees: Summary
    /** Entries among nodes with at least one child. */
    entriesNonZero: Summary
    nodesWithChildren: number
  }
  linkStress: LinkSummary
  ipLinkStress: LinkSummary
  /** The message multicast from every root: deliveries seen by the simulator against the trees read. */
  delivery: { expected: number, delivered: number, unreached: number, maxDelayDiffMs: number, parentMismatches: number, otherRoots: number }
  build: { settled: boolean, settledAtMs: number, events: number, messages: Record<string, number>, redirects: number, bootstrapOffered: number, bootstrapCandidates: number, bootstrapReplayed: boolean }
  distributions: {
    rad: Array<[number, number]>
    rmd: Array<[number, number]>
    entries: Array<[number, number]>
    tables: Array<[number, number]>
    linkStress: Array<[number, number]>
    ipLinkStress: Array<[number, number]>
  }
  phasesMs: Record<string, number>
  wallMs: number
  peakRssBytes: number
}

export interface LinkSummary {
  /** Over the links that carry at least one copy. */
  mean: number
  max: number
  linksUsed: number
  total: number
  /** Over every link of the topology, LAN links included. */
  meanAllLinks: number
  /** By kind of link: the router link kinds and 'lan'. */
  byKind: Record<string, { linksUsed: number, mean: number, max: number }>
}

export interface TopologySummary {
  seed: number
  routers: number
  transitDomains: number
  transitRouters: number
  stubRouters: number
  links: number
  meanLinkDelayMs: number
  byKind: ReturnType<typeof linkDelayStats>['byKind']
  lanMs: number
  meanEndToEndMs: number
}

export function makeTopology (seed: number, overrides: Partial<TopologyOptions> = {}): TransitStub {
  return transitStub(seed, overrides)
}

export function describeTopology (t: TransitStub, seed: number): TopologySummary {
  const s = linkDelayStats(t)
  // Mean one-way delay between end nodes on two random stub routers (a sample of router pairs).
  let sum = 0
  let n = 0
  for (let a = t.firstStub; a < t.graph.routers; a += 37) {
    const d = t.graph.distances(a)
    for (let b = t.firstStub; b < t.graph.routers; b += 11) { sum += d[b] + 2 * t.options.lanMs; n++ }
  }
  return {
    seed,
    routers: t.graph.routers,
    transitDomains: t.options.transitDomains,
    transitRouters: t.firstStub,
    stubRouters: t.stubCount,
    links: t.graph.links,
    meanLinkDelayMs: s.meanMs,
    byKind: s.byKind,
    lanMs: t.options.lanMs,
    meanEndToEndMs: sum / n
  }
}

export interface RunHooks {
  onProgress?: (p: Progress) => void
  progressEveryMs?: number
  /**
   * Bootstraps recorded by earlier runs on the same topology, by bootstrapKey: a run whose
   * overlay is identical (variants that differ only in the fan-out cap) offers the recorded
   * contacts instead of sampling again.
   */
  bootstraps?: Map<string, BootstrapRecording>
  /** Record this run's bootstrap into `bootstraps` (a later run will replay it). */
  recordBootstrap?: boolean
}

/** Runs with equal keys on one topology build identical routing tables. */
export function bootstrapKey (c: RunConfig): string {
  return `${c.nodes}/${c.seed}/${c.bucketCandidates}/${c.proximity}`
}

const SLICE_MS = 250
const QUIET_MS = 500
const MULTICAST_SLICE_MS = 50
const TREE_MESSAGES = ['join', 'joinAck', 'leave', 'redirect'] as const

export function runExperiment (c: RunConfig, topology: TransitStub, hooks: RunHooks = {}): RunResult {
  const start = performance.now()
  const name = `${c.experiment}/${c.variant}`
  let peakRss = process.memoryUsage().rss
  const phases: Record<string, number> = {}
  let phase = 'nodes'
  let phaseStart = start
  let lastProgress = -Infinity
  const latency = new TransitStubLatency(topology)
  const s: SimulatorType = new Simulator({
    seed: c.seed,
    latency,
    // No jitter: a DATA message's delay is then exactly the sum of link delays along its tree path.
    network: { jitterMs: 0 },
    core: { proximity: c.proximity, maxChildren: c.maxChildren, ...livenessOptions(c.livenessScale) }
  })
  const progress = (force = false): void => {
    const now = performance.now()
    const rss = process.memoryUsage().rss
    if (rss > peakRss) peakRss = rss
    if (hooks.onProgress !== undefined && (force || now - lastProgress >= (hooks.progressEveryMs ?? 5000))) {
      lastProgress = now
      hooks.onProgress({ run: name, phase, virtualMs: s.now, events: s.events, wallMs: now - start, rssBytes: rss })
    }
  }
  const enter = (next: string): void => {
    const now = performance.now()
    phases[phase] = Math.round(now - phaseStart)
    phase = next
    phaseStart = now
    progress(true)
  }
  progress(true)

  for (let i = 0; i < c.nodes; i++) s.addNode()
  enter('bootstrap')
  // Sampling has its own generator (forked in every run alike), so a replayed bootstrap leaves
  // the simulator's generator, and with it the members chosen below, as sampling would.
  const bootRng = s.rng.fork()
  const recorded = hooks.bootstraps?.get(bootstrapKey(c))
  let boot: BootstrapStats
  if (recorded !== undefined) boot = replayBootstrap(s, recorded)
  else {
    const b = leanBootstrap(s, c.bucketCandidates, { rng: bootRng, record: hooks.recordBootstrap === true })
    if (b.recording !== undefined) hooks.bootstraps?.set(bootstrapKey(c), b.recording)
    boot = b
  }
  enter('subscribe')

  // Members: a uniform sample per group (partial Fisher-Yates), subscribing at uniform times.
  const rng = s.rng.fork()
  const sizes = groupSizes(c)
  const topics = sizes.map((_, g) => `group-${g + 1}`)
  const members: Int32Array[] = []
  const perm = Int32Array.from({ length: c.nodes }, (_, i) => i)
  let subscriptions = 0
  for (let g = 0; g < sizes.length; g++) {
    const m = new Int32Array(sizes[g])
    for (let i = 0; i < m.length; i++) {
      const j = i + rng.int(c.nodes - i)
      const tmp = perm[i]; perm[i] = perm[j]; perm[j] = tmp
      m[i] = perm[i]
      const node = perm[i]
      const topic = topics[g]
      s.at(rng.next() * c.subscribeWindowMs, () => { s.nodes[node].driver.input((core, now) => core.subscribe(now, topic)) })
    }
    members.push(m)
    subscriptions += m.length
  }
  enter('building trees')

  // Run until every member is attached and no JOIN, JOIN-ACK, LEAVE or REDIRECT was sent for
  // QUIET_MS, longer than any one-way delay: every tree message sent has then arrived and caused
  // nothing more. Or until maxVirtualMs.
  s.measuring = true
  const treeTraffic = (): number => TREE_MESSAGES.reduce((a, t) => a + s.counters.sent[t], 0)
  let quietSince = -1
  let lastTraffic = -1
  let settled = false
  for (let t = 0; t < c.maxVirtualMs; t += SLICE_MS) {
    s.run(t + SLICE_MS)
    progress()
    if (s.now < c.subscribeWindowMs) continue
    const traffic = treeTraffic()
    if (traffic !== lastTraffic) { lastTraffic = traffic; quietSince = s.now; continue }
    if (s.now - quietSince >= QUIET_MS && allAttached(s, topics, members)) { settled = true; break }
  }
  const settledAtMs = s.now
  enter('multicast')

  // One message from each root; the simulator's deliveries must match the trees read below.
  const seen = new Uint32Array(c.nodes)
  const snapshots = topics.map((topic, g) => snapshotTree(s, topic, members[g], seen, g + 1))
  const topicIndex = new Map(topics.map((t, g) => [t, g]))
  const measuredSum = new Float64Array(topics.length)
  const measuredCount = new Int32Array(topics.length)
  const publishAt = s.now + SLICE_MS
  let delivered = 0
  s.hooks.deliver = (_node, e, now) => {
    const g = topicIndex.get(e.message.topic)
    if (g === undefined) return
    measuredSum[g] += now - publishAt
    measuredCount[g]++
    delivered++
  }
  let expected = 0
  for (let g = 0; g < topics.length; g++) {
    const tree = snapshots[g].tree
    if (tree === undefined) continue
    const root = s.nodes[tree.root]
    const topic = topics[g]
    s.at(publishAt, () => { root.driver.input((core, now) => core.publish(now, topic, new Uint8Array(4))) })
  }
  const reachedMembers = snapshots.map((snap, g) => {
    if (snap.tree === undefined) return 0
    const inTree = new Set(snap.tree.nodes)
    let n = 0
    for (const m of members[g]) if (inTree.has(m)) n++
    return n
  })
  for (const n of reachedMembers) expected += n
  for (let t = s.now; t < publishAt + 10_000 && delivered < expected; t += MULTICAST_SLICE_MS) {
    s.run(t + MULTICAST_SLICE_MS)
    progress()
  }
  s.hooks.deliver = undefined
  const messages: Record<string, number> = { ...s.counters.sent }
  const events = s.events
  let redirects = 0
  for (const n of s.nodes) redirects += n.core.stats.redirects
  enter('metrics')

  // The paper's metrics on the trees read from the cores.
  const lat = (a: number, b: number): number => latency.latency(a, b)
  const stress = new NodeStress(c.nodes)
  const scribeLinks = new LinkStress(latency, c.nodes)
  const ipLinks = new LinkStress(latency, c.nodes)
  const mark = new Uint32Array(topology.graph.routers)
  const rads: number[] = []
  const rmds: number[] = []
  let groupsWithoutPenalty = 0
  let treeNodes = 0
  let treeEdges = 0
  let forwarders = 0
  let maxDepth = 0
  let unreached = 0
  let maxDelayDiffMs = 0
  let parentMismatches = 0
  let otherRoots = 0
  let treeDelaySum = 0
  let ipDelaySum = 0
  let delayCount = 0
  const isMember = new Uint32Array(c.nodes)
  for (let g = 0; g < topics.length; g++) {
    const snap = snapshots[g]
    parentMismatches += snap.parentMismatches
    otherRoots += snap.otherRoots
    const tree = snap.tree
    if (tree === undefined) { unreached += members[g].length; continue }
    const d = treeDelays(tree, lat)
    const gd = groupDelay(tree, members[g], lat, d)
    unreached += gd.unreached
    if (Number.isFinite(gd.rad)) { rads.push(gd.rad); rmds.push(gd.rmd) } else groupsWithoutPenalty++
    const n = gd.members - gd.unreached
    if (n > 0) {
      treeDelaySum += gd.meanTreeMs * n
      ipDelaySum += gd.meanIpMs * n
      delayCount += n
    }
    // The simulator's measured deliveries against the tree's computed delays.
    if (measuredCount[g] !== reachedMembers[g]) maxDelayDiffMs = Infinity
    else if (n > 0) maxDelayDiffMs = Math.max(maxDelayDiffMs, Math.abs(measuredSum[g] / measuredCount[g] - gd.meanTreeMs))
    stress.addTree(tree)
    scribeLinks.addTree(tree)
    ipMulticast(latency, tree.root, members[g], ipLinks, mark, g + 1)
    treeNodes += tree.nodes.length
    treeEdges += tree.nodes.length - 1
    for (const m of members[g]) isMember[m] = g + 1
    const depth = new Int32Array(tree.nodes.length)
    for (let i = 1; i < tree.nodes.length; i++) {
      depth[i] = depth[tree.parent[i]] + 1
      if (depth[i] > maxDepth) maxDepth = depth[i]
      if (isMember[tree.nodes[i]] !== g + 1) forwarders++
    }
  }
  const nonZero = stress.entries.filter(v => v > 0)
  const linkSummary = { ...scribeLinks.summary(), byKind: scribeLinks.byKind(LINK_KINDS) }
  const ipSummary = { ...ipLinks.summary(), byKind: ipLinks.byKind(LINK_KINDS) }
  const result: RunResult = {
    experiment: c.experiment,
    variant: c.variant,
    config: c,
    subscriptions,
    treeNodes,
    forwarders,
    treeEdges,
    maxDepth,
    rad: summarize(rads),
    rmd: summarize(rmds),
    groupsWithoutPenalty,
    delayMs: { treeMean: treeDelaySum / delayCount, ipMean: ipDelaySum / delayCount },
    nodeStress: {
      entries: summarize(stress.entries),
      maxChildrenInOneTree: stress.maxInOneTree,
      tables: summarize(stress.tables),
      trees: summarize(stress.trees),
      entriesNonZero: summarize(nonZero),
      nodesWithChildren: nonZero.length
    },
    linkStress: linkSummary,
    ipLinkStress: ipSummary,
    delivery: { expected, delivered, unreached, maxDelayDiffMs, parentMismatches, otherRoots },
    build: { settled, settledAtMs, events, messages, redirects, bootstrapOffered: boot.offered, bootstrapCandidates: boot.candidates, bootstrapReplayed: boot.replayed },
    distributions: {
      rad: cdf(rads),
      rmd: cdf(rmds),
      entries: cdf(stress.entries),
      tables: cdf(stress.tables),
      linkStress: cdf(scribeLinks.usedCounts()),
      ipLinkStress: cdf(ipLinks.usedCounts())
    },
    phasesMs: phases,
    wallMs: 0,
    peakRssBytes: 0
  }
  enter('done')
  delete phases.done
  result.phasesMs = phases
  result.wallMs = Math.round(performance.now() - start)
  result.peakRssBytes = peakRss
  return result
}

function allAttached (sim: SimulatorType, topics: readonly string[], members: readonly Int32Array[]): boolean {
  for (let g = 0; g < topics.length; g++) {
    for (const m of members[g]) {
      const st = sim.nodes[m].core.topicState(topics[g])
      if (st === undefined || !st.attached || st.joinTo !== null) return false
    }
  }
  return true
}

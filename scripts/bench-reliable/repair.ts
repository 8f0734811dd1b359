// Loss during repair: on a fresh topic, worker 0 publishes a paced stream to 10 subscribers
// and, a little into it, one node of the topic's tree is killed with SIGKILL (kill -9 by PID):
// an interior node (a forwarder that neither subscribes nor publishes) or the root. Then the
// parent waits until the surviving subscribers' deliveries stop changing and counts what they
// are missing of what was owed (published; acknowledged in reliable mode).
import type { PhaseReport, PublishReport, StatsReport } from '../bench-node/protocol.ts'
import { Cluster } from './cluster.ts'
import type { Mode } from './cluster.ts'
import { analyse, dump } from './deliveries.ts'
import type { DeliveryFigures } from './deliveries.ts'
import { runPhase } from './phase.ts'
import { findTopic } from './topics.ts'

export interface RepairSpec {
  mode: Mode
  victim: 'interior' | 'root'
  /** Topic names tried: `${prefix}-N`. */
  prefix: string
  subscribers: number
  count: number
  rate: number
  /** The kill comes this long after the stream started. */
  killAfterMs: number
  window: number
  /** Deliveries unchanged this long end the wait, which lasts at most settleMaxMs. */
  settleQuietMs: number
  settleMaxMs: number
  /** Topics tried for a tree with a pure forwarder before an interior subscriber is taken instead. */
  topicTries: number
  /** Append every delivery and acknowledgement time to this file (JSON lines). */
  dumpFile?: string
}

/** How the victim was chosen. */
export type VictimCase = 'pure forwarder' | 'interior subscriber (not counted)' | 'root' | 'root, a subscriber (not counted)'

export interface RepairResult extends DeliveryFigures {
  mode: Mode['name']
  kind: RepairSpec['victim']
  topic: string
  victim: number
  victimCase: VictimCase
  victimChildren: number
  /** Counted subscribers whose path to the root went through the victim. */
  orphans: number[]
  subscribers: number[]
  nodesBefore: number
  root: number
  /** The root after the repair (-1: none seen), and how many nodes say they are root. */
  rootAfter: number
  rootsAfter: number
  launched: number
  publishErrors: number
  lastError: string
  ackMs: PublishReport['ackMs'] | null
  settleMs: number
  counters: Record<string, number>
  treeBefore: string
  treeAfter: string
}

const sleep = async (ms: number): Promise<void> => { await new Promise(resolve => setTimeout(resolve, ms)) }

/** Workers below `victim` in the tree (following parents up, at most 32 hops). */
function below (cluster: Cluster, stats: Map<number, StatsReport>, victim: number, among: readonly number[]): number[] {
  return among.filter(i => {
    let at = i
    for (let hop = 0; hop < 32; hop++) {
      const parent = cluster.indexOf(stats.get(at)?.parent)
      if (parent < 0) return false
      if (parent === victim) return true
      at = parent
    }
    return false
  })
}

export async function runRepair (cluster: Cluster, spec: RepairSpec, log: (s: string) => void): Promise<RepairResult> {
  const tag = `[bench:reliable] ${spec.mode.name}, kill of the ${spec.victim}`
  let from = 0
  for (let attempt = 1; ; attempt++) {
    const live = cluster.live()
    const found = findTopic(spec.prefix, cluster.ids, live, r => r !== 0, from)
    from = found.next
    const topic = found.topic
    // The subscribers: live workers other than the publisher and the root, a window that moves
    // by 3 with every topic tried (so the nodes many routes pass through are not always members).
    const candidates = live.filter(i => i !== 0 && i !== found.root)
    const shift = ((attempt - 1) * 3) % candidates.length
    const subs = [...candidates.slice(shift), ...candidates.slice(0, shift)].slice(0, spec.subscribers).sort((a, b) => a - b)
    await cluster.subscribe(subs, topic, spec.mode.reliable)
    // A few messages first (one acknowledged at a time): the publisher learns the root, and the
    // first publish's DHT lookup does not reorder the measured stream.
    await runPhase(cluster, { mode: spec.mode, kind: 'warm-up', topic, subscribers: subs, count: 10, rate: 10, chunk: 1, window: 1 }, log)
    const stats = await cluster.stats(topic)
    const tree = Cluster.describeTree(stats)
    const roots = [...stats].filter(([, s]) => s.role === 'root').map(([i]) => i)
    const last = attempt >= spec.topicTries
    if (roots.length !== 1 || roots[0] === 0) {
      log(`${tag}: ${topic} has root(s) [${roots.join(',')}] (predicted ${found.root}: ${Cluster.describeRoots(stats)}); next topic. Tree ${tree}`)
      await cluster.unsubscribe(subs, topic)
      if (last) throw new Error(`${tag}: no topic with one root other than the publisher in ${attempt} tries`)
      continue
    }
    const root = roots[0]
    let victim = -1
    let victimCase: VictimCase
    if (spec.victim === 'root') {
      victim = root
      victimCase = subs.includes(root) ? 'root, a subscriber (not counted)' : 'root'
    } else {
      const interior = [...stats].filter(([i, s]) => s.role === 'forwarder' && i !== 0 && i !== root).sort((a, b) => b[1].children - a[1].children)
      const pure = interior.filter(([i]) => !subs.includes(i))
      if (pure.length > 0) {
        victim = pure[0][0]
        victimCase = 'pure forwarder'
      } else if (!last) {
        log(`${tag}: ${topic} has no pure forwarder (tree ${tree}); next topic`)
        await cluster.unsubscribe(subs, topic)
        continue
      } else if (interior.length > 0) {
        victim = interior[0][0]
        victimCase = 'interior subscriber (not counted)'
      } else {
        throw new Error(`${tag}: no interior node in ${attempt} topics (last tree ${tree})`)
      }
    }
    const counted = subs.filter(i => i !== victim)
    const orphans = below(cluster, stats, victim, counted)
    log(`${tag}: topic ${topic}, ${live.length} nodes, root ${root}, victim ${victim} (${victimCase}, ${stats.get(victim)?.children ?? 0} children; counted subscribers below it: ${orphans.join(',') || 'none'}); tree ${tree}`)
    return await stream(cluster, spec, { topic, subs, counted, victim, victimCase, root, orphans, nodesBefore: live.length, statsBefore: stats, tree }, log)
  }
}

interface Chosen {
  topic: string
  subs: number[]
  counted: number[]
  victim: number
  victimCase: VictimCase
  root: number
  orphans: number[]
  nodesBefore: number
  statsBefore: Map<number, StatsReport>
  tree: string
}

/** The measured stream with the kill in it, the wait for the repair, and the count. */
async function stream (cluster: Cluster, spec: RepairSpec, c: Chosen, log: (s: string) => void): Promise<RepairResult> {
  const phaseId = cluster.nextPhase()
  const timeLimitMs = Math.ceil(spec.count / spec.rate * 1000) + 10_000
  const publishing = cluster.publisher.request<PublishReport>({
    op: 'publish',
    system: 'meshcast',
    topic: c.topic,
    phaseId,
    count: spec.count,
    rate: spec.rate,
    chunk: 1,
    timeLimitMs,
    ack: spec.mode.reliable,
    window: spec.window
  }, timeLimitMs + 30_000)
  await sleep(spec.killAfterMs)
  await cluster.kill(c.victim)
  log(`[bench:reliable]   killed worker ${c.victim} (SIGKILL) ${spec.killAfterMs} ms into the stream`)
  const pub = await publishing
  const t = performance.now()
  let total = -1
  let quietSince = t
  for (;;) {
    const counts = await Promise.all(c.counted.map(async i => await cluster.workers[i].request<number>({ op: 'count', phaseId }, 5_000).catch(() => -1)))
    const sum = counts.reduce((a, n) => a + n, 0)
    const now = performance.now()
    if (sum !== total) { total = sum; quietSince = now } else if (now - quietSince >= spec.settleQuietMs) break
    if (now - t >= spec.settleMaxMs) break
    await sleep(500)
  }
  const settleMs = Math.round(performance.now() - t)
  const reports = await Promise.all(c.counted.map(async i => ({ worker: i, report: await cluster.workers[i].request<PhaseReport>({ op: 'collect', phaseId }, 60_000) })))
  const statsAfter = await cluster.stats(c.topic)
  const d = analyse(pub, reports)
  if (spec.dumpFile !== undefined) dump(spec.dumpFile, { mode: spec.mode.name, kind: spec.victim, topic: c.topic, victim: c.victim, killAfterMs: spec.killAfterMs }, pub, reports)
  const rootsAfter = [...statsAfter].filter(([, s]) => s.role === 'root').map(([i]) => i)
  const result: RepairResult = {
    ...d,
    mode: spec.mode.name,
    kind: spec.victim,
    topic: c.topic,
    victim: c.victim,
    victimCase: c.victimCase,
    victimChildren: c.statsBefore.get(c.victim)?.children ?? 0,
    orphans: c.orphans,
    subscribers: c.counted,
    nodesBefore: c.nodesBefore,
    root: c.root,
    rootAfter: rootsAfter.length === 1 ? rootsAfter[0] : -1,
    rootsAfter: rootsAfter.length,
    launched: pub.launched ?? pub.sent,
    publishErrors: pub.errors,
    lastError: pub.lastError,
    ackMs: pub.ackMs ?? null,
    settleMs,
    counters: Cluster.counterDeltas(c.statsBefore, statsAfter),
    treeBefore: c.tree,
    treeAfter: Cluster.describeTree(statsAfter)
  }
  log(`[bench:reliable]   ${spec.mode.name}: owed ${d.owed} of ${result.launched}${pub.errors > 0 ? ` (${pub.errors} failed: ${pub.lastError})` : ''} × ${c.counted.length} subscribers, delivered ${d.delivered}, lost ${d.lost}, duplicates ${d.duplicates}, out of order ${d.outOfOrder}, max latency ${d.max?.toFixed(0)} ms; settled in ${settleMs} ms; root after ${result.rootAfter} (${rootsAfter.length} root(s)); tree ${result.treeAfter}`)
  if (d.lost > 0 || d.duplicates > 0 || d.outOfOrder > 0) log(`[bench:reliable]   per subscriber ${JSON.stringify(d.perSubscriber)}; counters ${JSON.stringify(result.counters)}`)
  await cluster.unsubscribe(c.subs, c.topic)
  return result
}

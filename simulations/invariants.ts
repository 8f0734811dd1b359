// Invariants the simulator checks while it runs (TigerBeetle's VOPR habit): a failure names the
// broken rule; the scenario runner adds the command that replays it.
import { compareDistance, topicKey } from '../src/core/id.ts'
import type { TopicState } from '../src/core/topic-state.ts'
import type { Simulator, SimNode } from './simulator.ts'

export class InvariantViolation extends Error {
  constructor (message: string) {
    super(message)
    this.name = 'InvariantViolation'
  }
}

/**
 * Every topic's tree is acyclic: following settled parent edges (the child is attached and
 * has no JOIN outstanding) from any live node never returns to a node already on the walk.
 */
export function checkAcyclic (sim: Simulator): void {
  const done = new Map<string, Set<number>>()
  for (const start of sim.nodes) {
    if (!start.alive) continue
    for (const st of start.core.topicStates()) {
      const topic = st.name
      let seen = done.get(topic)
      if (seen === undefined) done.set(topic, seen = new Set())
      if (seen.has(start.index)) continue
      const walk: number[] = []
      let cur: number | undefined = start.index
      while (cur !== undefined && !seen.has(cur)) {
        if (walk.includes(cur)) {
          const cycle = walk.slice(walk.indexOf(cur)).concat(cur)
          throw new InvariantViolation(`topic ${topic}: cycle of parent edges ${cycle.join(' -> ')} at ${sim.now.toFixed(1)} ms`)
        }
        walk.push(cur)
        const n: SimNode = sim.nodes[cur]
        if (!n.alive) break
        const t: Readonly<TopicState> | undefined = n.core.topicState(topic)
        if (t === undefined || t.parent === null || !t.attached || t.joinTo !== null) break
        cur = +t.parent
      }
      for (const w of walk) seen.add(w)
    }
  }
}

export interface ReachabilityReport {
  /** Topics whose root is not the live node closest to the key. */
  rootMismatches: number
}

/**
 * Every live subscriber is reachable from its topic's root: its chain of parents is live,
 * each parent lists the child, every link is attached, and all subscribers of a topic end at
 * the same root.
 */
export function checkReachable (sim: Simulator, topics: readonly string[], subscribers: ReadonlyMap<string, readonly number[]>, repairBoundMs = Infinity, lossy = false): ReachabilityReport {
  let rootMismatches = 0
  for (const topic of topics) {
    let root: number | undefined
    for (const s of subscribers.get(topic) ?? []) {
      const start = sim.nodes[s]
      if (!start.alive) continue
      // A subscriber whose own repair (after a lost message made its parent look dead) began
      // less than the repair bound ago is still within its bound.
      const own = start.core.topicState(topic)
      if (own !== undefined && !own.attached && sim.now - own.attachedChangedAt < repairBoundMs) continue
      // On a lossy network any JOIN may be lost and retried: a subscriber with one out is
      // repairing, not stuck. (Loss is a disruption that never ends; no fixed bound holds.)
      if (lossy && own !== undefined && own.joinTo !== null) continue
      let cur = start
      for (let hops = 0; ; hops++) {
        const t = cur.core.topicState(topic)
        if (t === undefined || !t.attached) {
          throw new InvariantViolation(`topic ${topic}: subscriber ${s} not reachable: node ${cur.index} on its path is ${t === undefined ? 'not in the tree' : 'detached'} at ${sim.now.toFixed(1)} ms`)
        }
        if (t.isRoot) break
        if (hops > 64 || t.parent === null) {
          throw new InvariantViolation(`topic ${topic}: subscriber ${s} has no path to a root (stuck at node ${cur.index}) at ${sim.now.toFixed(1)} ms`)
        }
        const parent = sim.nodes[+servingParent(sim, topic, cur.ref, t)]
        if (!parent.alive) {
          throw new InvariantViolation(`topic ${topic}: subscriber ${s} hangs below crashed node ${parent.index} at ${sim.now.toFixed(1)} ms`)
        }
        if (parent.core.topicState(topic)?.children.has(cur.ref) !== true) {
          throw new InvariantViolation(`topic ${topic}: node ${parent.index} does not list its child ${cur.index} at ${sim.now.toFixed(1)} ms`)
        }
        cur = parent
      }
      if (root === undefined) root = cur.index
      else if (root !== cur.index) {
        throw new InvariantViolation(`topic ${topic}: two roots, ${root} and ${cur.index}, at ${sim.now.toFixed(1)} ms`)
      }
    }
    if (root !== undefined && root !== closestLive(sim, topic)) rootMismatches++
  }
  return { rootMismatches }
}

/**
 * True when node s is attached to a live root of the topic: every node on its path is alive,
 * attached, and listed as a child by its parent. What "repaired" means for an orphan.
 */
export function attachedToLiveRoot (sim: Simulator, topic: string, s: number): boolean {
  let cur = sim.nodes[s]
  for (let hops = 0; hops <= 64; hops++) {
    if (!cur.alive) return false
    const t = cur.core.topicState(topic)
    if (t === undefined || !t.attached) return false
    if (t.isRoot) return true
    if (t.parent === null) return false
    const parent = sim.nodes[+servingParent(sim, topic, cur.ref, t)]
    if (parent.core.topicState(topic)?.children.has(cur.ref) !== true) return false
    cur = parent
  }
  return false
}

/**
 * The node that sends a child its data: its parent, or, while a JOIN to a new parent (after a
 * REDIRECT) is unanswered, the old parent, which keeps serving it until then.
 */
function servingParent (sim: Simulator, topic: string, child: string, t: Readonly<TopicState>): string {
  const parent = t.parent as string
  if (t.joinTo === parent && t.leaveOnAck !== null && sim.nodes[+parent].core.topicState(topic)?.children.has(child) !== true) return t.leaveOnAck
  return parent
}

/** The live node XOR-closest to the topic's key, by brute force. */
export function closestLive (sim: Simulator, topic: string): number | undefined {
  const key = topicKey(topic)
  let best: number | undefined
  for (const n of sim.nodes) {
    if (!n.alive) continue
    if (best === undefined || compareDistance(n.id, sim.nodes[best].id, key) < 0) best = n.index
  }
  return best
}

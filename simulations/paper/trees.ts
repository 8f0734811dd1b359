// Reads the trees the cores built: finds a group's root by walking parent pointers up from a
// member, then walks children lists down from it, as a DATA message does.
import type { Simulator } from '../simulator.ts'
import type { GroupTree } from './metrics.ts'

export interface TreeSnapshot {
  /** undefined when no member reaches a root. */
  tree: GroupTree | undefined
  /** Children entries whose child names another parent (0 once trees have settled). */
  parentMismatches: number
  /** Members whose parent chain ends at a different root (0 once trees have settled). */
  otherRoots: number
}

/** `seen` is a scratch array of at least sim.nodes.length entries; `stamp` must differ per call. */
export function snapshotTree (sim: Simulator, topic: string, members: ArrayLike<number>, seen: Uint32Array, stamp: number): TreeSnapshot {
  let root: number | undefined
  let otherRoots = 0
  for (let j = 0; j < members.length; j++) {
    const r = rootOf(sim, topic, members[j])
    if (r === undefined) continue
    if (root === undefined) root = r
    else if (r !== root) otherRoots++
  }
  if (root === undefined) return { tree: undefined, parentMismatches: 0, otherRoots }
  const nodes: number[] = [root]
  const parent: number[] = [-1]
  seen[root] = stamp
  let parentMismatches = 0
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]
    const st = sim.nodes[n].core.topicState(topic)
    if (st === undefined) continue
    for (const ref of st.children.keys()) {
      const c = +ref
      if (seen[c] === stamp) continue
      seen[c] = stamp
      if (sim.nodes[c].core.topicState(topic)?.parent !== sim.nodes[n].ref) parentMismatches++
      nodes.push(c)
      parent.push(i)
    }
  }
  return { tree: { root, nodes: Int32Array.from(nodes), parent: Int32Array.from(parent) }, parentMismatches, otherRoots }
}

function rootOf (sim: Simulator, topic: string, member: number): number | undefined {
  let cur = member
  for (let hops = 0; hops < 256; hops++) {
    const st = sim.nodes[cur].core.topicState(topic)
    if (st === undefined) return undefined
    if (st.isRoot) return cur
    if (st.parent === null) return undefined
    cur = +st.parent
  }
  return undefined
}

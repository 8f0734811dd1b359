// The SCRIBE paper's metrics, as pure functions of trees, a topology and group members:
// delay per member through the tree and through IP multicast (RAD and RMD per group), node
// stress (trees a node is in, children tables, children entries) and link stress (copies of
// one message per physical link). The runner feeds them the trees the core built; the tests
// feed them trees built by hand.
import type { TransitStubLatency } from './topology.ts'

/** One group's multicast tree, breadth-first from its root. */
export interface GroupTree {
  root: number
  /** Tree nodes (end-node indices), breadth-first: nodes[0] is the root. */
  nodes: Int32Array
  /** For each position in `nodes`, the position of its parent; -1 for the root. */
  parent: Int32Array
}

/** Builds a GroupTree from parent → child edges (they must form a tree under root). */
export function treeFromEdges (root: number, edges: ReadonlyArray<readonly [number, number]>): GroupTree {
  const children = new Map<number, number[]>()
  const hasParent = new Set<number>()
  for (const [p, c] of edges) {
    if (hasParent.has(c)) throw new RangeError(`node ${c} has two parents`)
    hasParent.add(c)
    const list = children.get(p)
    if (list === undefined) children.set(p, [c])
    else list.push(c)
  }
  const nodes: number[] = [root]
  const parent: number[] = [-1]
  const seen = new Set([root])
  for (let i = 0; i < nodes.length; i++) {
    for (const c of children.get(nodes[i]) ?? []) {
      if (seen.has(c)) throw new RangeError(`edge to ${c} closes a cycle`)
      seen.add(c)
      nodes.push(c)
      parent.push(i)
    }
  }
  if (nodes.length !== edges.length + 1) throw new RangeError('edges do not all hang below the root')
  return { root, nodes: Int32Array.from(nodes), parent: Int32Array.from(parent) }
}

/** Delay from the root to every tree node along tree edges (same order as tree.nodes). */
export function treeDelays (tree: GroupTree, latency: (a: number, b: number) => number): Float64Array {
  const d = new Float64Array(tree.nodes.length)
  for (let i = 1; i < tree.nodes.length; i++) {
    const p = tree.parent[i]
    d[i] = d[p] + latency(tree.nodes[p], tree.nodes[i])
  }
  return d
}

export interface GroupDelay {
  members: number
  /** Members the tree does not reach (they count as failures, not in the means). */
  unreached: number
  meanTreeMs: number
  maxTreeMs: number
  meanIpMs: number
  maxIpMs: number
  /** mean tree delay / mean IP multicast delay; NaN when IP multicast's is 0 (only the root is a member). */
  rad: number
  /** max tree delay / max IP multicast delay. */
  rmd: number
}

/**
 * Delay penalty of one group, with the root as the sender for both: the tree delay to a member
 * is the sum of unicast delays along its tree path; IP multicast delivers along the
 * shortest-path tree from the root's router, so its delay is the shortest-path delay.
 */
export function groupDelay (tree: GroupTree, members: ArrayLike<number>, latency: (a: number, b: number) => number, delays = treeDelays(tree, latency)): GroupDelay {
  const pos = new Map<number, number>()
  for (let i = 0; i < tree.nodes.length; i++) pos.set(tree.nodes[i], i)
  let n = 0
  let unreached = 0
  let sumT = 0
  let maxT = 0
  let sumI = 0
  let maxI = 0
  for (let j = 0; j < members.length; j++) {
    const m = members[j]
    const i = pos.get(m)
    if (i === undefined) { unreached++; continue }
    n++
    const t = delays[i]
    const ip = latency(tree.root, m)
    sumT += t; sumI += ip
    if (t > maxT) maxT = t
    if (ip > maxI) maxI = ip
  }
  const meanT = n === 0 ? NaN : sumT / n
  const meanI = n === 0 ? NaN : sumI / n
  return {
    members: members.length,
    unreached,
    meanTreeMs: meanT,
    maxTreeMs: maxT,
    meanIpMs: meanI,
    maxIpMs: maxI,
    rad: meanI > 0 ? meanT / meanI : NaN,
    rmd: maxI > 0 ? maxT / maxI : NaN
  }
}

/**
 * Copies of one message per physical link. Links are numbered: router links 0..E-1 as in the
 * router graph, then one LAN link per end node (E + node index). A copy from end node a to b
 * crosses a's LAN link, the router shortest path, and b's LAN link; links are undirected.
 */
export class LinkStress {
  readonly counts: Int32Array
  readonly routerLinks: number
  private readonly model: TransitStubLatency

  constructor (model: TransitStubLatency, endNodes: number) {
    this.model = model
    this.routerLinks = model.topology.graph.links
    this.counts = new Int32Array(this.routerLinks + endNodes)
  }

  lan (node: number): number {
    return this.routerLinks + node
  }

  /** One unicast copy from end node a to end node b. */
  addUnicast (a: number, b: number): void {
    if (a === b) return
    const c = this.counts
    c[this.routerLinks + a]++
    c[this.routerLinks + b]++
    const g = this.model.topology.graph
    const ra = this.model.router(a)
    const pred = g.predecessors(ra)
    for (let r = this.model.router(b); r !== ra;) {
      const l = pred[r]
      c[l]++
      r = g.other(l, r)
    }
  }

  /** One copy per tree edge (what one message multicast down the tree sends). */
  addTree (tree: GroupTree): void {
    for (let i = 1; i < tree.nodes.length; i++) this.addUnicast(tree.nodes[tree.parent[i]], tree.nodes[i])
  }

  /** Mean over the links that carry at least one copy, the maximum, and how many links those are. */
  summary (): { mean: number, max: number, linksUsed: number, total: number, meanAllLinks: number } {
    let used = 0
    let total = 0
    let max = 0
    for (const v of this.counts) {
      if (v > 0) { used++; total += v; if (v > max) max = v }
    }
    return { mean: used === 0 ? 0 : total / used, max, linksUsed: used, total, meanAllLinks: total / this.counts.length }
  }

  /** Mean (over links used) and maximum by kind of link: the router link kinds, then 'lan'. */
  byKind (kindNames: readonly string[]): Record<string, { linksUsed: number, mean: number, max: number }> {
    const kinds = this.model.topology.graph.linkKind
    const out: Record<string, { linksUsed: number, mean: number, max: number }> = {}
    for (const k of [...kindNames, 'lan']) out[k] = { linksUsed: 0, mean: 0, max: 0 }
    for (let l = 0; l < this.counts.length; l++) {
      const v = this.counts[l]
      if (v === 0) continue
      const o = out[l < this.routerLinks ? kindNames[kinds[l]] : 'lan']
      o.linksUsed++
      o.mean += v
      if (v > o.max) o.max = v
    }
    for (const o of Object.values(out)) if (o.linksUsed > 0) o.mean /= o.linksUsed
    return out
  }

  /** The non-zero counts (for distributions). */
  usedCounts (): Int32Array {
    return this.counts.filter(v => v > 0)
  }
}

/** Per-node load: trees a node is in, non-empty children tables, children entries. */
export class NodeStress {
  readonly trees: Int32Array
  readonly tables: Int32Array
  readonly entries: Int32Array
  /** The most children a node has in one tree. */
  maxInOneTree = 0

  constructor (endNodes: number) {
    this.trees = new Int32Array(endNodes)
    this.tables = new Int32Array(endNodes)
    this.entries = new Int32Array(endNodes)
  }

  addTree (tree: GroupTree): void {
    const kids = new Int32Array(tree.nodes.length)
    for (let i = 1; i < tree.nodes.length; i++) kids[tree.parent[i]]++
    for (let i = 0; i < tree.nodes.length; i++) {
      const n = tree.nodes[i]
      this.trees[n]++
      if (kids[i] > 0) {
        this.tables[n]++
        this.entries[n] += kids[i]
        if (kids[i] > this.maxInOneTree) this.maxInOneTree = kids[i]
      }
    }
  }
}

export interface Summary {
  count: number
  mean: number
  p50: number
  p90: number
  p99: number
  max: number
}

/** Mean and nearest-rank quantiles of the finite values. */
export function summarize (values: ArrayLike<number>): Summary {
  const v = Float64Array.from(Array.prototype.filter.call(values, (x: number) => Number.isFinite(x)) as number[]).sort()
  const n = v.length
  if (n === 0) return { count: 0, mean: NaN, p50: NaN, p90: NaN, p99: NaN, max: NaN }
  let sum = 0
  for (const x of v) sum += x
  const q = (p: number): number => v[Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1))]
  return { count: n, mean: sum / n, p50: q(0.5), p90: q(0.9), p99: q(0.99), max: v[n - 1] }
}

/**
 * The cumulative distribution of the finite values as at most `points` steps [x, fraction of
 * values ≤ x], always including the smallest and the largest value.
 */
export function cdf (values: ArrayLike<number>, points = 400): Array<[number, number]> {
  const v = Float64Array.from(Array.prototype.filter.call(values, (x: number) => Number.isFinite(x)) as number[]).sort()
  const n = v.length
  if (n === 0) return []
  const out: Array<[number, number]> = []
  const k = Math.min(n, Math.max(2, points))
  let lastX = NaN
  for (let s = 0; s < k; s++) {
    const x = v[Math.round(s * (n - 1) / (k - 1))]
    if (x === lastX) continue
    lastX = x
    // Fraction of values ≤ x: the upper bound of x.
    let lo = 0
    let hi = n
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (v[mid] <= x) lo = mid + 1
      else hi = mid
    }
    out.push([x, lo / n])
  }
  return out
}

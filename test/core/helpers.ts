// A small simulated network for core tests: real MeshCores in virtual time.
import type { AppMessage } from '../../src/core/wire/types.ts'
import { closestLive } from '../../simulations/invariants.ts'
import { Simulator } from '../../simulations/simulator.ts'
import type { SimulatorOptions } from '../../simulations/simulator.ts'

export interface Net {
  sim: Simulator
  deliveries: Array<{ node: number, message: AppMessage, at: number }>
  ready: Array<{ node: number, topic: string, at: number }>
  subscribe: (node: number, topic: string) => void
  unsubscribe: (node: number, topic: string) => void
  publish: (node: number, topic: string, text: string) => void
  /** Runs for ms more virtual time. */
  run: (ms: number) => void
  /** The live node XOR-closest to the topic key (brute force). */
  rootOf: (topic: string) => number
  /** Live nodes that hold state for the topic. */
  members: (topic: string) => number[]
  deliveredTo: (topic: string, text: string) => number[]
}

export function network (peers: number, options: Partial<SimulatorOptions> = {}): Net {
  const sim = new Simulator({ seed: Number(process.env.MESHCAST_TEST_SEED ?? 1), ...options })
  for (let i = 0; i < peers; i++) sim.addNode()
  sim.bootstrap()
  const deliveries: Net['deliveries'] = []
  const ready: Net['ready'] = []
  sim.hooks.deliver = (node, e, at) => deliveries.push({ node: node.index, message: e.message, at })
  sim.hooks.ready = (node, topic, at) => ready.push({ node: node.index, topic, at })
  const text = new TextDecoder()
  return {
    sim,
    deliveries,
    ready,
    subscribe: (node, topic) => sim.nodes[node].driver.input((core, now) => core.subscribe(now, topic)),
    unsubscribe: (node, topic) => sim.nodes[node].driver.input((core, now) => core.unsubscribe(now, topic)),
    publish: (node, topic, t) => { sim.nodes[node].driver.input((core, now) => core.publish(now, topic, new TextEncoder().encode(t))) },
    run: ms => sim.run(sim.now + ms),
    rootOf: topic => closestLive(sim, topic) as number,
    members: topic => sim.nodes.filter(n => n.alive && n.core.topicState(topic) !== undefined).map(n => n.index),
    deliveredTo: (topic, t) => deliveries.filter(d => d.message.topic === topic && text.decode(d.message.payload) === t).map(d => d.node).sort((a, b) => a - b)
  }
}

/** Distinct random node indices. */
export function pick (sim: Simulator, count: number, exclude: number[] = []): number[] {
  const out: number[] = []
  while (out.length < count) {
    const i = sim.rng.int(sim.nodes.length)
    if (!out.includes(i) && !exclude.includes(i) && sim.nodes[i].alive) out.push(i)
  }
  return out
}

export const sorted = (xs: number[]): number[] => [...xs].sort((a, b) => a - b)

/** A run that numbers its messages: `published` so far, from `publisher`. */
export interface NumberedRun {
  net: Net
  publisher: number
  published: number
}

/** Publishes `count` numbered messages on topic, one every `everyMs` of virtual time; `before(i)` runs before message i. */
export function publishNumbered (r: NumberedRun, topic: string, count: number, everyMs: number, before?: (i: number) => void): void {
  for (let k = 0; k < count; k++) {
    const i = r.published++
    before?.(i)
    r.net.sim.nodes[r.publisher].driver.input((core, now) => core.publish(now, topic, new Uint8Array([i & 0xff, i >> 8])))
    r.net.run(everyMs)
  }
}

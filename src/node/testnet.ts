// createTestnet(n): n connected nodes on loopback for tests and examples, stopped together.
import { createNode } from './mesh-node.ts'
import type { MeshNode, NodeOptions } from './mesh-node.ts'

/** How long createTestnet waits for complete routing tables before handing the nodes over anyway. */
const TABLE_WAIT_MS = 10_000

export interface Testnet {
  nodes: MeshNode[]
  stop: () => Promise<void>
}

/**
 * Every node gets `options`. With metrics, each node serves its own (node.metricsUrl): on an
 * ephemeral port by default; with a fixed port P, node i listens on P + i, so none collide.
 */
export async function createTestnet (n: number, options: Omit<NodeOptions, 'bootstrap' | 'listen'> = {}): Promise<Testnet> {
  const nodes: MeshNode[] = []
  const stop = async (): Promise<void> => { await Promise.all(nodes.map(async node => { await node.stop() })) }
  const metrics = (i: number): NodeOptions['metrics'] => {
    const m = options.metrics
    return typeof m === 'object' && m.port !== undefined && m.port !== 0 ? { ...m, port: m.port + i } : m
  }
  try {
    const first = await createNode({ ...options, metrics: metrics(0), listen: ['/ip4/127.0.0.1/tcp/0'] })
    nodes.push(first)
    const boot = first.addrs.filter(a => a.includes('/tcp/'))
    const rest = await Promise.all(Array.from({ length: n - 1 }, async (_, i) => await createNode({ ...options, metrics: metrics(i + 1), listen: ['/ip4/127.0.0.1/tcp/0'], bootstrap: boot })))
    nodes.push(...rest)
    // Each node dials the others it needs through the DHT; on a small loopback net, connect
    // every node to every other so routing tables are complete at once.
    await Promise.all(nodes.map(async node => {
      for (const other of nodes) {
        if (other === node) continue
        await node.libp2p.dial(other.libp2p.getMultiaddrs()[0]).catch(() => {})
      }
    }))
    // A connection reaches the protocol's routing table only once the peer's stream is up:
    // wait (bounded) until every node knows every other, so the first subscriptions and
    // publishes meet at one root instead of racing a tree that is still splitting.
    const deadline = Date.now() + TABLE_WAIT_MS
    while (Date.now() < deadline && nodes.some(node => node.stats().routingTable < Math.min(n - 1, 20))) {
      await new Promise(resolve => setTimeout(resolve, 20))
    }
    return { nodes, stop }
  } catch (err) {
    await stop()
    throw err
  }
}

// createTestnet(n): n connected nodes on loopback for tests and examples, stopped together.
import { createAuthority, grantText, issueGrant, parseAuthorityPrivateKey } from '../security/authority.ts'
import { createNode } from './mesh-node.ts'
import type { MeshNode, NodeOptions } from './mesh-node.ts'

/** How long createTestnet waits for complete routing tables before handing the nodes over anyway. */
const TABLE_WAIT_MS = 10_000

export interface Testnet {
  nodes: MeshNode[]
  stop: () => Promise<void>
  /** The authority the testnet made (undefined when the options gave one or an open mesh). */
  authority: { privatePem: string, publicKey: string } | undefined
}

/** Grants of a testnet's authority run this long. */
const GRANT_MS = 24 * 3600_000

/**
 * Every node gets `options`. Unless they name an authority or an open mesh, the testnet makes
 * an authority of its own and grants each node publishing and subscribing on every topic
 * (`testnet.authority` has its key, to grant or revoke more). With metrics, each node serves its own (node.metricsUrl): on an
 * ephemeral port by default; with a fixed port P, node i listens on P + i, so none collide.
 */
export async function createTestnet (n: number, options: Omit<NodeOptions, 'bootstrap' | 'listen'> = {}): Promise<Testnet> {
  const nodes: MeshNode[] = []
  let authority: Testnet['authority']
  if (options.authority === undefined && options.open !== true) {
    const a = authority = createAuthority()
    const key = parseAuthorityPrivateKey(a.privatePem)
    const grant = (peer: string): string => grantText(issueGrant(key, { peer, pub: ['>'], sub: ['>'], issued: Date.now(), expires: Date.now() + GRANT_MS }))
    options = { ...options, authority: { key: a.publicKey, grant } }
  }
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
    return { nodes, stop, authority }
  } catch (err) {
    await stop()
    throw err
  }
}

// meshcast as a bench:lan system: one meshcast node per subscriber, all in the subscriber
// process, and one publishing node in the publisher process, all on loopback (one LAN segment).
// "meshcast-zmq": the default node, data edges over ZeroMQ CURVE lanes; "meshcast-libp2p": the
// same nodes with lan: false, so data rides libp2p (Noise + Yamux) streams.
// The subscribers use the callback form of subscribe (nats.js style); the publisher awaits
// publish(), which resolves at once after the first (its queues are the node's, bounded).
import { createNode } from '../../src/index.ts'
import type { MeshNode } from '../../src/index.ts'
import type { BenchSystem } from './system.ts'

const TOPIC = 'bench/lan'
const LISTEN = ['/ip4/127.0.0.1/tcp/0']
/**
 * Queue bounds raised to 100,000 frames per peer, as the zeromq baseline raises its high-water
 * marks to 100,000 messages: a burst is queued, not dropped. (Defaults: 4,096.)
 */
const TUNING = { lanSendHwm: 100_000, maxQueuedFrames: 100_000 }

interface Info { addrs: string[] }

async function connectAll (node: MeshNode, addrs: string[]): Promise<void> {
  const { multiaddr } = await import('@multiformats/multiaddr')
  await Promise.all(addrs.map(async a => { await node.libp2p.dial(multiaddr(a)).catch(() => {}) }))
}

export async function create (variant: 'zmq' | 'libp2p'): Promise<BenchSystem> {
  const lan = variant === 'zmq' ? undefined : false
  return {
    name: `meshcast-${variant}`,
    startSubscribers: async ({ count, onMessage }) => {
      const nodes: MeshNode[] = []
      const close = async (): Promise<void> => {
        // What the nodes dropped or failed, so a loss in the table has its reason beside it.
        for (const n of nodes) {
          if (!n.isRunning) continue
          const s = n.stats()
          const failures = s.paths.reduce((k, p) => k + (p.lane?.failures ?? 0), 0)
          if (Object.keys(s.dropped).length > 0 || failures > 0 || s.core.duplicates > 0) {
            process.stderr.write(`[meshcast] node ${n.peerId.slice(-8)}: dropped ${JSON.stringify(s.dropped)}, lane failures ${failures}, duplicates ${s.core.duplicates}, malformed ${s.core.malformedFrames}\n`)
          }
        }
        await Promise.all(nodes.map(async n => { await n.stop() }))
      }
      try {
        const first = await createNode({ listen: LISTEN, lan, tuning: TUNING })
        nodes.push(first)
        for (let i = 1; i < count; i++) nodes.push(await createNode({ listen: LISTEN, lan, tuning: TUNING, bootstrap: [first.addrs[0]] }))
        const addrs = nodes.map(n => n.addrs[0])
        await Promise.all(nodes.map(async n => { await connectAll(n, addrs.filter(a => !n.addrs.includes(a))) }))
        const subs = nodes.map((n, i) => n.subscribe(TOPIC, { callback: (_err, m) => { onMessage(i, m.data) } }))
        await Promise.all(subs.map(async s => { await s.ready }))
        return { info: { addrs } satisfies Info, close }
      } catch (err) {
        await close()
        throw err
      }
    },
    startPublisher: async ({ info }) => {
      const { addrs } = info as Info
      const node = await createNode({ listen: LISTEN, lan, tuning: TUNING, bootstrap: [addrs[0]] })
      await connectAll(node, addrs)
      return {
        send: async payload => { await node.publish(TOPIC, payload) },
        close: async () => { await node.stop() }
      }
    }
  }
}

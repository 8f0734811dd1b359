// The processes of bench:services: worker 0 is the relay (a meshcast node that only roots the
// topics: the counterpart of nats-server, idle in NATS phases), worker 1 the client (the
// producer, the requester), workers 2.. the endpoints (work-queue workers, responders). Every
// worker process holds a meshcast node and a NATS connection (./worker.ts); every node dials
// every other, and topic names are picked so that the relay is the root of every meshcast topic.
import { fileURLToPath } from 'node:url'
import { IpcWorker } from '../bench-node/procs.ts'
import { findTopic, nodeIds } from '../bench-reliable/topics.ts'
import type { NodeId } from '../../src/core/id.ts'
import type { Request, StartResult } from './protocol.ts'

export const RELAY = 0
export const CLIENT = 1
export const FIRST_ENDPOINT = 2

const WORKER_SCRIPT = fileURLToPath(new URL('./worker.ts', import.meta.url))

export class Cluster {
  readonly workers: Array<IpcWorker<Request>> = []
  private ids: NodeId[] = []
  private nextTopic = 0
  private readonly log: (s: string) => void

  /** The worker that roots every meshcast topic: RELAY, or FIRST_ENDPOINT (--root endpoint, a diagnostic). */
  private readonly root: number

  constructor (endpoints: number, root: 'relay' | 'endpoint', log: (s: string) => void) {
    this.log = log
    this.root = root === 'relay' ? RELAY : FIRST_ENDPOINT
    for (let i = 0; i < FIRST_ENDPOINT + endpoints; i++) this.workers.push(new IpcWorker<Request>(WORKER_SCRIPT, [], `worker ${i}`))
  }

  endpoint (i: number): IpcWorker<Request> { return this.workers[FIRST_ENDPOINT + i] }
  get client (): IpcWorker<Request> { return this.workers[CLIENT] }
  get relay (): IpcWorker<Request> { return this.workers[RELAY] }

  /** Starts every node (bootstrapped by worker 0) and its NATS connection; every node dials every other. */
  async setUp (natsPort: number, lan: boolean): Promise<void> {
    const first = await this.relay.request<StartResult>({ op: 'start', bootstrap: [], natsPort, lan }, 60_000)
    const boot = first.addrs.filter(a => a.includes('/tcp/') && !a.includes('/ws'))
    const rest = await Promise.all(this.workers.slice(1).map(async w => await w.request<StartResult>({ op: 'start', bootstrap: boot, natsPort, lan }, 60_000)))
    const started = [first, ...rest]
    this.ids = nodeIds(started.map(s => s.peerId))
    const addrs = started.map(s => s.addrs.find(a => a.includes('/tcp/') && !a.includes('/ws')) ?? s.addrs[0])
    const n = this.workers.length
    for (let round = 0; round < 3; round++) {
      const res = await Promise.all(this.workers.map(async (w, i) => await w.request<{ peers: number, routingTable: number }>({ op: 'connect', addrs: addrs.filter((_, j) => j !== i) }, 60_000)))
      this.log(`[bench:services] peers per node: ${res.map(r => r.peers).join(',')}; routing table: ${res.map(r => r.routingTable).join(',')}`)
      if (res.every(r => r.peers >= n - 1 && r.routingTable >= n - 1)) return
      await new Promise(resolve => setTimeout(resolve, 500))
    }
    throw new Error('the meshcast nodes did not all connect to each other (3 rounds of dials)')
  }

  /** A fresh meshcast topic name whose root is the relay (or the first endpoint). */
  meshTopic (prefix: string): string {
    const live = this.workers.map((_, i) => i)
    const t = findTopic(prefix, this.ids, live, root => root === this.root, this.nextTopic)
    this.nextTopic = t.next
    return t.topic
  }

  /** Waits (bounded) until the topic's root has registered `members` of the group. */
  async waitMembers (topic: string, group: string, members: number, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs
    let seen = -1
    while (Date.now() < deadline) {
      seen = await this.workers[this.root].request<number>({ op: 'queue-members', topic, group }, 10_000)
      if (seen === members) return
      await new Promise(resolve => setTimeout(resolve, 50))
    }
    throw new Error(`the root of ${topic} registered ${seen} of the ${members} members of group ${group} within ${timeoutMs} ms (-1: the node picked is not the root)`)
  }

  /** Every meshcast node's drop counters that are not zero, by worker index. */
  async drops (): Promise<Record<number, Record<string, number>>> {
    const all = await Promise.all(this.workers.map(async w => await w.request<Record<string, number>>({ op: 'drops' }, 10_000)))
    const out: Record<number, Record<string, number>> = {}
    all.forEach((d, i) => {
      const nonzero = Object.fromEntries(Object.entries(d).filter(([, v]) => v > 0))
      if (Object.keys(nonzero).length > 0) out[i] = nonzero
    })
    return out
  }

  async stop (): Promise<void> {
    await Promise.all(this.workers.map(async w => { await w.stop() }))
  }
}

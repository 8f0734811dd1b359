// The real node over libp2p on loopback (real sockets), in one process.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createNode, createTestnet } from '../../src/index.ts'
import type { Subscription } from '../../src/index.ts'

const dir = mkdtempSync(join(tmpdir(), 'meshcast-node-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function take (sub: Subscription, n: number, timeoutMs = 10_000): Promise<string[]> {
  const out: string[] = []
  const timer = setTimeout(() => { sub.unsubscribe() }, timeoutMs)
  for await (const m of sub) {
    out.push(m.string())
    if (out.length === n) break
  }
  clearTimeout(timer)
  return out
}

describe('createTestnet(30)', () => {
  it('every subscriber gets every message published after ready, in one tree', async () => {
    // Sockets, servers and pipes: none may outlive the testnet. (kad-dht 16 leaves an unref'd
    // AbortSignal.timeout of 20 s from its start, which cannot keep a process alive; the
    // examples test shows a process with a stopped testnet exits by itself.)
    const handles = (): string[] => process.getActiveResourcesInfo().filter(r => r !== 'Timeout' && r !== 'TTYWrap').sort()
    const handlesBefore = handles()
    const net = await createTestnet(30)
    try {
      const subscribers = net.nodes.slice(0, 10)
      const subs = subscribers.map(n => n.subscribe('metrics/cpu'))
      await Promise.all(subs.map(async s => { await s.ready }))
      const publisher = net.nodes[25]
      const sent = Array.from({ length: 20 }, (_, i) => `m${i}`)
      const received = Promise.all(subs.map(async s => await take(s, sent.length)))
      for (const m of sent) await publisher.publish('metrics/cpu', m, { headers: { unit: 'percent' } })
      const got = await received
      for (const g of got) expect([...g].sort()).toEqual([...sent].sort())
      // One root among the 30 nodes.
      const roots = net.nodes.filter(n => n.topics().some(t => t.role === 'root'))
      expect(roots.length).toBe(1)
    } finally {
      await net.stop()
    }
    // Stopping leaves no socket or timer behind.
    await new Promise(resolve => setTimeout(resolve, 200))
    expect(handles()).toEqual(handlesBefore)
  })

  it('message fields: topic, data, publisher, seq, headers', async () => {
    const net = await createTestnet(3)
    try {
      const sub = net.nodes[0].subscribe('t')
      await sub.ready
      const got = take(sub, 1)
      const subscribers = await net.nodes[2].publish('t', 'hi', { headers: { a: 'b' } })
      expect(subscribers).toBe(1)
      expect(await got).toEqual(['hi'])
      expect(await net.nodes[2].publish('nobody-listens', 'x')).toBe(0)
      expect(sub.received).toBe(1)
      expect(sub.processed).toBe(1)
    } finally {
      await net.stop()
    }
  })
})

describe('false failure detection', () => {
  it('peers a stalled node dropped from its table return while their connections stay open, and a split tree merges', async () => {
    const net = await createTestnet(6)
    try {
      const subs = net.nodes.slice(0, 4).map(n => n.subscribe('split'))
      await Promise.all(subs.map(async s => { await s.ready }))
      // Node 3 "stalls": it takes every peer for dead, as a long event-loop pause makes it do.
      // Its table empties and it roots its own tree for the topic.
      const stalled = net.nodes[3] as unknown as { core: { handlePeerDown: (now: number, p: string) => void, table: { size: number } }, driver: { input: (f: (c: unknown, now: number) => void) => void }, peers: () => string[] }
      for (const p of stalled.peers()) stalled.driver.input((_c, now) => { stalled.core.handlePeerDown(now, p) })
      expect(stalled.core.table.size).toBe(0)
      // Heartbeats from the others bring them back into its table; the tree merges under one root.
      const deadline = Date.now() + 10_000
      const roots = (): number => net.nodes.filter(n => n.topics().some(t => t.topic === 'split' && t.role === 'root')).length
      while (Date.now() < deadline && (stalled.core.table.size < 5 || roots() !== 1)) await new Promise(resolve => setTimeout(resolve, 100))
      expect(stalled.core.table.size).toBe(5)
      expect(roots()).toBe(1)
      const got = Promise.all(subs.map(async s => await take(s, 1)))
      await net.nodes[5].publish('split', 'merged')
      expect(await got).toEqual([['merged'], ['merged'], ['merged'], ['merged']])
    } finally {
      await net.stop()
    }
  })
})

describe('createNode', () => {
  it('keeps its peer id across restarts on the same data directory', async () => {
    const data = join(dir, 'node-a')
    const a = await createNode({ open: true, dataDir: data })
    const id = a.peerId
    await a.stop()
    await a.stop() // idempotent
    const b = await createNode({ open: true, dataDir: data })
    expect(b.peerId).toBe(id)
    await b.stop()
    const c = await createNode({ open: true, dataDir: join(dir, 'node-c') })
    expect(c.peerId).not.toBe(id)
    await c.stop()
  })

  it('rejects bad topics and use after stop with clear errors', async () => {
    const n = await createNode({ open: true })
    expect(() => n.subscribe('')).toThrow(expect.objectContaining({ code: 'ERR_INVALID_TOPIC' }))
    await expect(n.publish('x'.repeat(300), 'a')).rejects.toMatchObject({ code: 'ERR_INVALID_TOPIC' })
    await n.stop()
    expect(() => n.subscribe('a')).toThrow(/not running/)
  })

  it('a node alone is the root of its topics and delivers to itself', async () => {
    const n = await createNode({ open: true })
    try {
      const sub = n.subscribe('solo')
      await sub.ready
      expect(n.topics()[0].role).toBe('root')
      const got = take(sub, 2)
      await n.publish('solo', 'one')
      await n.publish('solo', 'two')
      expect(await got).toEqual(['one', 'two'])
    } finally {
      await n.stop()
    }
  })

  it('a second subscription to a topic the node already receives is ready at once, and both get every message', async () => {
    const net = await createTestnet(2)
    try {
      const [a, b] = net.nodes
      const first = b.subscribe('twice')
      await first.ready
      const second = b.subscribe('twice') // the tree already acknowledged this node
      const ready = await Promise.race([second.ready.then(() => true), new Promise(resolve => setTimeout(() => { resolve(false) }, 3000))])
      expect(ready).toBe(true)
      const calls: string[] = []
      const third = b.subscribe('twice', { callback: (_err, m) => { calls.push(m.string()) } })
      await third.ready
      expect(() => third[Symbol.asyncIterator]()).toThrow(/callback is not iterable/)
      const got = [take(first, 2), take(second, 2)]
      await a.publish('twice', 'one')
      await a.publish('twice', 'two')
      expect(await Promise.all(got)).toEqual([['one', 'two'], ['one', 'two']])
      expect(calls).toEqual(['one', 'two'])
    } finally {
      await net.stop()
    }
  })
})

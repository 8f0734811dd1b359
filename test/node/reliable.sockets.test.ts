// Reliable delivery on real nodes over libp2p (loopback): acknowledged publishes resolve once
// the root set holds them, and a reliable subscription receives every acknowledged message,
// once and in order, while the topic's root is stopped mid-stream (kill -9: test/cli/reliable-processes); a node that stops rejects
// the publishes still waiting, with a named error.
import { describe, expect, it } from 'vitest'
import { createTestnet, InvalidOptionError, NodeStoppedError } from '../../src/index.ts'
import type { MeshNode, Message } from '../../src/index.ts'
import { until } from '../helpers/until.ts'

describe('reliable delivery between real nodes', () => {
  it('a graceful stop of the root mid-stream: acknowledged publishes resolve, and the reliable subscriber gets each once, in order', async () => {
    const net = await createTestnet(6, { lan: false })
    try {
      const got: Message[] = []
      const gaps: number[] = []
      const subNode = net.nodes[0]
      // A topic whose root is another node than the subscriber's.
      let topic = ''
      let root: MeshNode | undefined
      for (let k = 0; root === undefined || root === subNode; k++) {
        if (k > 0) subNode.subscribe(topic).unsubscribe()
        topic = `ledger-${k}`
        got.length = 0
        const sub = subNode.subscribe(topic, { reliable: true, callback: (_err, m) => { got.push(m) }, onDrop: e => { gaps.push(e.count) } })
        await sub.ready
        root = net.nodes.find(n => n.topics().some(t => t.topic === topic && t.role === 'root'))
        if (root === subNode) sub.unsubscribe()
      }
      const pubNode = net.nodes.find(n => n !== root && n !== subNode) as MeshNode
      const sent: number[] = []
      for (let i = 1; i <= 60; i++) {
        if (i === 21) await root.stop()
        await pubNode.publish(topic, `m${i}`, { ack: true })
        sent.push(i)
      }
      expect(root.isRunning).toBe(false)
      await until('every acknowledged message at the subscriber', () => got.length >= sent.length, 20_000)
      expect(got.map(m => m.string())).toEqual(sent.map(i => `m${i}`))
      expect(got.map(m => m.seq)).toEqual(sent)
      expect(gaps).toEqual([])
    } finally {
      await net.stop()
    }
  })

  it('stop() rejects an acknowledged publish still waiting with NodeStoppedError', async () => {
    const net = await createTestnet(2, { lan: false })
    try {
      const [a, b] = net.nodes
      a.subscribe('stopping')
      const outcome = b.publish('stopping', 'x', { ack: true }).then(() => 'acknowledged', (err: unknown) => err)
      await b.stop()
      expect(await outcome).toBeInstanceOf(NodeStoppedError)
    } finally {
      await net.stop()
    }
  })
})

describe('late joiners between real nodes', () => {
  it('subscribe({ since }) is ready once it has what the root retained, then gets the live ones, in order; a bad since is refused at once', async () => {
    const net = await createTestnet(4, { lan: false })
    try {
      const [early, pub, late] = net.nodes
      const topic = 'history'
      const first = early.subscribe(topic)
      await first.ready
      for (let i = 1; i <= 30; i++) await pub.publish(topic, `h${i}`)
      await until('the early subscriber has the history', () => first.received >= 30)
      const got: string[] = []
      const fromSeq = late.subscribe(topic, { since: 11, callback: (_e, m) => { got.push(m.string()) } })
      const lastFive: string[] = []
      const last = net.nodes[3].subscribe(topic, { since: { last: 5 }, callback: (_e, m) => { lastFive.push(m.string()) } })
      await Promise.all([fromSeq.ready, last.ready])
      for (let i = 31; i <= 40; i++) await pub.publish(topic, `h${i}`)
      await until('history and live at the late subscribers', () => got.length >= 30 && lastFive.length >= 15, 15_000)
      expect(got).toEqual(Array.from({ length: 30 }, (_, i) => `h${i + 11}`))
      expect(lastFive).toEqual(Array.from({ length: 15 }, (_, i) => `h${i + 26}`))
      expect(() => late.subscribe(topic, { since: 0 })).toThrow(InvalidOptionError)
      expect(() => late.subscribe(topic, { since: { last: -1 } })).toThrow(/last: N/)
      expect(() => late.subscribe(topic, { since: 1 })).toThrow(/already has a subscription on this node/)
    } finally {
      await net.stop()
    }
  })
})

// Durable subscriptions between real nodes over libp2p on loopback (issue 13, item 2): a
// durable subscriber that leaves and returns on another node gets what it missed, in order,
// then live messages; explicit acknowledgements hold back what was not acknowledged (it comes
// again to the next subscription of the name); unsubscribe({ delete: true }) removes the
// mailbox; bad options are refused with the reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestnet, InvalidOptionError } from '../../src/index.ts'
import type { Message, Subscription, Testnet } from '../../src/index.ts'
import { until } from '../helpers/until.ts'

let net: Testnet
beforeAll(async () => { net = await createTestnet(5) })
afterAll(async () => { await net.stop() })

function collect (sub: Subscription, into: string[], keep?: Message[]): void {
  void (async () => { for await (const m of sub) { into.push(m.string()); keep?.push(m) } })()
}

const texts = (prefix: string, from: number, to: number): string[] => Array.from({ length: to - from }, (_, i) => `${prefix}-${from + i}`)

describe('durable subscriptions', () => {
  it('leave, miss 100, return on another node: all 100 in order, then live', async () => {
    const first: string[] = []
    const a = net.nodes[1].subscribe('dev.42.cmd', { durable: 'device-42' })
    collect(a, first)
    await a.ready
    for (const m of texts('m', 0, 5)) await net.nodes[0].publish('dev.42.cmd', m)
    await until('the first 5 arrived', () => first.length === 5, 10_000)
    a.unsubscribe()
    for (const m of texts('m', 5, 105)) await net.nodes[0].publish('dev.42.cmd', m)
    const second: string[] = []
    const b = net.nodes[3].subscribe('dev.42.cmd', { durable: 'device-42' })
    collect(b, second)
    await b.ready
    await until('the 100 missed arrived', () => second.length >= 100, 20_000)
    for (const m of texts('m', 105, 110)) await net.nodes[0].publish('dev.42.cmd', m)
    await until('live ones follow', () => second.length >= 105, 10_000)
    expect(first).toEqual(texts('m', 0, 5))
    expect(second).toEqual(texts('m', 5, 110))
    b.unsubscribe({ delete: true })
  })

  it('with explicit acknowledgements, what was not acknowledged comes again to the next subscription of the name', async () => {
    const got: string[] = []
    const msgs: Message[] = []
    const a = net.nodes[2].subscribe('dev.7.cmd', { durable: 'device-7', ack: 'explicit' })
    collect(a, got, msgs)
    await a.ready
    for (const m of texts('x', 0, 10)) await net.nodes[0].publish('dev.7.cmd', m)
    await until('10 arrived', () => got.length === 10, 10_000)
    for (const m of msgs.slice(0, 4)) expect(m.ack()).toBe(true)
    a.unsubscribe()
    const again: string[] = []
    const b = net.nodes[4].subscribe('dev.7.cmd', { durable: 'device-7' })
    collect(b, again)
    await b.ready
    await until('the 6 not acknowledged came again', () => again.length >= 6, 20_000)
    expect(again).toEqual(texts('x', 4, 10))
    b.unsubscribe({ delete: true })
  })

  it('unsubscribe({ delete: true }) removes the mailbox: a later subscription of the name starts empty', async () => {
    const a = net.nodes[1].subscribe('dev.9.cmd', { durable: 'device-9' })
    await a.ready
    a.unsubscribe({ delete: true })
    await until('no node holds the mailbox', () => net.nodes.every(n => n.stats().mailboxes === 0), 10_000)
    for (const m of texts('y', 0, 5)) await net.nodes[0].publish('dev.9.cmd', m)
    const got: string[] = []
    const b = net.nodes[2].subscribe('dev.9.cmd', { durable: 'device-9' })
    collect(b, got)
    await b.ready
    await net.nodes[0].publish('dev.9.cmd', 'after')
    await until('the live message arrived', () => got.length >= 1, 10_000)
    expect(got).toEqual(['after'])
    b.unsubscribe({ delete: true })
  })

  it('refuses bad durable options with the reason', () => {
    const n = net.nodes[0]
    expect(() => n.subscribe('t', { durable: '' })).toThrow(InvalidOptionError)
    expect(() => n.subscribe('t', { durable: 'x'.repeat(200) })).toThrow(/durable: a name of 1..128 bytes/)
    expect(() => n.subscribe('t', { durable: 'd', queue: 'q' })).toThrow(/neither queue nor since/)
    expect(() => n.subscribe('t.*', { durable: 'd' })).toThrow(InvalidOptionError)
    const s = n.subscribe('t', { durable: 'd' })
    expect(() => n.subscribe('t', { durable: 'd' })).toThrow(/already open on this node/)
    s.unsubscribe({ delete: true })
  })
})

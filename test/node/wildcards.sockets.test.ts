// Wildcard subscriptions between real nodes (issue 13, item 4): NATS syntax (`*` one token,
// `>` the rest) and MQTT's (`+`, `#`, with '/'), through the family topics the roots (or, for a
// topic nobody subscribes to exactly, the end of its route) forward to. A message arrives with
// its own topic, publisher and headers; what a pattern does not match does not arrive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestnet, InvalidOptionError } from '../../src/index.ts'
import type { Message, Subscription, Testnet } from '../../src/index.ts'
import { until } from '../helpers/until.ts'

let net: Testnet
beforeAll(async () => { net = await createTestnet(5, { core: { wildcards: true } }) })
afterAll(async () => { await net.stop() })

function collect (sub: Subscription, into: Message[]): void {
  void (async () => { for await (const m of sub) into.push(m) })()
}

describe('wildcard subscriptions', () => {
  it('NATS and MQTT patterns get the topics they match, with the original topic and publisher', async () => {
    const [pub, a, b, c, d] = net.nodes
    const one: Message[] = []
    const tail: Message[] = []
    const mqtt: Message[] = []
    const exact: Message[] = []
    const subs = [a.subscribe('sensors.*.temp'), b.subscribe('sensors.>'), c.subscribe('sensors/+/temp'), d.subscribe('sensors.a.temp')]
    collect(subs[0], one)
    collect(subs[1], tail)
    collect(subs[2], mqtt)
    collect(subs[3], exact)
    await Promise.all(subs.map(async s => { await s.ready }))
    const sent = ['sensors.a.temp', 'sensors.b.temp', 'sensors.a.hum', 'sensors.a.temp.max', 'other.a.temp', 'sensors/a/temp', 'sensors/b/hum']
    for (const t of sent) await pub.publish(t, `on ${t}`, { headers: { unit: 'C' } })
    await until('the wildcard subscriptions got their topics', () => one.length >= 2 && tail.length >= 4 && mqtt.length >= 1 && exact.length >= 1, 15_000)
    await pub.publish('sensors.z.temp', 'last') // later than the rest: nothing else may arrive
    await until('the last message', () => one.some(m => m.string() === 'last'), 15_000)
    expect(one.map(m => m.topic)).toEqual(['sensors.a.temp', 'sensors.b.temp', 'sensors.z.temp'])
    expect(tail.map(m => m.topic).filter(t => t !== 'sensors.z.temp')).toEqual(['sensors.a.temp', 'sensors.b.temp', 'sensors.a.hum', 'sensors.a.temp.max'])
    expect(mqtt.map(m => m.topic)).toEqual(['sensors/a/temp'])
    expect(exact.map(m => m.topic)).toEqual(['sensors.a.temp'])
    for (const m of [...one, ...tail, ...mqtt]) {
      expect(m.publisher).toBe(pub.peerId)
      expect(m.headers).toEqual(m.topic === 'sensors.z.temp' ? {} : { unit: 'C' })
      expect(m.string()).toBe(m.topic === 'sensors.z.temp' ? 'last' : `on ${m.topic}`)
    }
    for (const s of subs) s.unsubscribe()
  })

  it('refuses malformed patterns and wildcards with queue or since', () => {
    const n = net.nodes[0]
    expect(() => n.subscribe('a.>.b')).toThrow(InvalidOptionError)
    expect(() => n.subscribe('a/#/b')).toThrow(/only as the last token/)
    expect(() => n.subscribe('a.*.>/#')).toThrow(/not both/)
    expect(() => n.subscribe('a..*')).toThrow(/an empty token/)
    expect(() => n.subscribe('a.*', { queue: 'w' })).toThrow(/neither queue, since nor durable/)
  })

  it('is refused on a mesh without the wildcards option (its roots would not forward)', async () => {
    const plain = await createTestnet(1)
    try {
      expect(() => plain.nodes[0].subscribe('sensors.>')).toThrow(/core option wildcards: true/)
    } finally { await plain.stop() }
  })
})

// Forged application messages (issue 14, items 2 and 3): a hostile peer, a real node speaking
// the wire protocol, sends DATA and PUBLISH messages under an honest publisher's name: without
// a seal, with a genuine seal over altered content, with a sequence number far ahead, and with
// alternating epochs. The victim delivers none of them, counts them as refused, and still
// delivers every honest message in order (a forged number ahead silences nobody).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MeshCore } from '../../src/core/mesh-core.ts'
import type { AppMessage, Msg } from '../../src/core/wire/types.ts'
import { createTestnet } from '../../src/index.ts'
import type { Testnet } from '../../src/index.ts'
import { appMessagesOf } from '../../src/security/signed-messages.ts'
import { sendRaw } from '../helpers/hostile.ts'
import { until } from '../helpers/until.ts'

let net: Testnet
beforeAll(async () => { net = await createTestnet(3, { lan: false }) })
afterAll(async () => { await net.stop() })

const text = (s: string): Uint8Array => new TextEncoder().encode(s)

describe('forged messages from a hostile peer', () => {
  it('are refused everywhere, and the honest publisher is still heard in order', async () => {
    const [victim, publisher, hostile] = net.nodes
    const got: string[] = []
    const sub = victim.subscribe('orders', { callback: (_e, m) => { got.push(m.string()) } })
    // The hostile node subscribes too, and keeps the genuine, sealed messages it is sent.
    const seen: AppMessage[] = []
    const admit = hostile.guard.admit.bind(hostile.guard)
    hostile.guard.admit = (now, from, msg) => {
      for (const m of appMessagesOf(msg)) if (m.topic === 'orders') seen.push(m)
      return admit(now, from, msg)
    }
    const spy = hostile.subscribe('orders')
    await Promise.all([sub.ready, spy.ready])
    for (let i = 1; i <= 5; i++) await publisher.publish('orders', `honest ${i}`)
    await until('the honest messages arrive', () => got.length === 5 && seen.length >= 5, 10_000)
    const genuine = seen.find(m => m.seq === 5 && m.seal !== undefined)
    if (genuine === undefined) throw new Error('no sealed message seen')

    const epoch = genuine.epoch
    const forgeries: AppMessage[] = [
      // No seal at all, the next number.
      { topic: 'orders', publisher: publisher.peerId, epoch, seq: 6, payload: text('forged: no seal'), headers: [] },
      // A genuine seal, altered content.
      { ...genuine, payload: text('forged: altered') },
      // A number far ahead (would make every later honest message look old).
      { ...genuine, seq: 1_000_000_000, payload: text('forged: far ahead') },
      // Alternating epochs (would switch de-duplication off).
      { ...genuine, epoch: epoch + 1, seq: 1, payload: text('forged: epoch +1') },
      { ...genuine, epoch: epoch - 1, seq: 1, payload: text('forged: epoch -1') }
    ]
    const refusedBefore = victim.stats().core.refused
    const msgs: Msg[] = []
    for (const m of forgeries) msgs.push({ type: 'data', message: m }, { type: 'publish', message: m, direct: true })
    sendRaw(hostile, victim.peerId, msgs)
    sendRaw(hostile, publisher.peerId, msgs)
    await until('the victim refused every forgery', () => victim.stats().core.refused - refusedBefore >= msgs.length, 10_000)

    for (let i = 6; i <= 10; i++) await publisher.publish('orders', `honest ${i}`)
    await until('the honest messages after the attack arrive', () => got.length >= 10, 10_000)
    expect(got).toEqual(Array.from({ length: 10 }, (_, i) => `honest ${i + 1}`))
    expect(victim.stats().core.refused - refusedBefore).toBe(msgs.length)
    expect(publisher.stats().core.refused).toBeGreaterThanOrEqual(msgs.length)
    sub.unsubscribe()
    spy.unsubscribe()
  })

  it('under 5,000 made-up publisher names leave no de-duplication state and are all refused', async () => {
    const [victim, publisher, hostile] = net.nodes
    const got: string[] = []
    const sub = victim.subscribe('names', { callback: (_e, m) => { got.push(m.string()) } })
    await sub.ready
    await publisher.publish('names', 'honest 1')
    await until('the honest message arrives', () => got.length === 1, 10_000)
    const refusedBefore = victim.stats().core.refused
    const msgs: Msg[] = Array.from({ length: 5000 }, (_, i) => ({ type: 'data', message: { topic: 'names', publisher: `made-up-${i}`, epoch: 1, seq: 1, payload: text('forged'), headers: [] } }))
    sendRaw(hostile, victim.peerId, msgs)
    await until('the victim refused them all', () => victim.stats().core.refused - refusedBefore >= msgs.length, 20_000)
    // One window per publisher it delivered from: the honest one (without the seal check, one per name up to 4,096).
    expect((victim as unknown as { core: MeshCore }).core.topicState('names')?.dedup.size).toBe(1)
    await publisher.publish('names', 'honest 2')
    await until('the honest publisher is still heard', () => got.length === 2, 10_000)
    expect(got).toEqual(['honest 1', 'honest 2'])
    sub.unsubscribe()
  })
})

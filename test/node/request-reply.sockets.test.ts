// Request/reply between real nodes over libp2p on loopback (issue 13, item 3): the first
// reply resolves the request; a topic with no subscriber fails with NoRespondersError at once
// (within a round trip to the root, not after the timeout); a responder that never answers
// gives RequestTimeoutError; a message that is not a request cannot be answered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestnet, NoRespondersError, RequestTimeoutError } from '../../src/index.ts'
import type { Testnet } from '../../src/index.ts'
import { until } from '../helpers/until.ts'

let net: Testnet
beforeAll(async () => { net = await createTestnet(6) })
afterAll(async () => { await net.stop() })

describe('request/reply', () => {
  it('resolves with the reply of the subscriber, sent straight back to the requester', async () => {
    const [requester, , , service] = net.nodes
    const sub = service.subscribe('svc.time', {
      callback: (_err, msg) => { msg.respond(`pong ${msg.string()}`, { headers: { from: 'service' } }) }
    })
    await sub.ready
    for (let i = 0; i < 5; i++) {
      const reply = await requester.request('svc.time', `ping ${i}`, { timeout: 5000 })
      expect(reply.string()).toBe(`pong ping ${i}`)
      expect(reply.headers.from).toBe('service')
      expect(reply.publisher).toBe(service.peerId)
    }
    sub.unsubscribe()
  })

  it('with several responders, the first reply wins and the others are dropped', async () => {
    const responders = net.nodes.slice(1, 4)
    const subs = responders.map((n, i) => n.subscribe('svc.echo', { callback: (_e, m) => { m.respond(`r${i}`) } }))
    await Promise.all(subs.map(async s => { await s.ready }))
    const reply = await net.nodes[5].request('svc.echo', 'x', { timeout: 5000 })
    expect(['r0', 'r1', 'r2']).toContain(reply.string())
    for (const s of subs) s.unsubscribe()
  })

  it('fails with NoRespondersError at once when nobody subscribes (not after the timeout)', async () => {
    const started = Date.now()
    const err = await net.nodes[2].request('svc.nobody', 'hello', { timeout: 60_000 }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(NoRespondersError)
    expect((err as NoRespondersError).code).toBe('ERR_NO_RESPONDERS')
    expect(Date.now() - started).toBeLessThan(30_000) // well under the timeout (a round trip, or the count wait)
  })

  it('fails with RequestTimeoutError when a subscriber never answers', async () => {
    const silent = net.nodes[4].subscribe('svc.silent', { callback: () => {} })
    await silent.ready
    const err = await net.nodes[1].request('svc.silent', 'hello', { timeout: 300 }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(RequestTimeoutError)
    silent.unsubscribe()
  })

  it('a message that is not a request cannot be answered; bad timeouts are refused', async () => {
    let answered: boolean | undefined
    const sub = net.nodes[3].subscribe('plain.topic', { callback: (_e, m) => { answered = m.respond('no') } })
    await sub.ready
    await net.nodes[0].publish('plain.topic', 'just data')
    await until('the plain message delivered', () => answered !== undefined)
    expect(answered).toBe(false)
    sub.unsubscribe()
    await expect(net.nodes[0].request('plain.topic', 'x', { timeout: -1 })).rejects.toThrow(/timeout must be a positive number/)
  })
})

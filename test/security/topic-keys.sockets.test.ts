// End-to-end encryption per topic (issue 14, item 5): publisher and subscriber hold the topic's
// key (handed out with their grants), the topic's root does not. The root carries the messages
// and cannot read them: its own subscription gets nothing (counted), and no payload it handles
// holds the text; the subscriber reads them. A payload changed on the way does not open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { peerIdFromString } from '@libp2p/peer-id'
import { compareDistance, idFromBytes, topicKey } from '../../src/core/id.ts'
import { createAuthority, createNode, grantText, issueGrant, parseAuthorityPrivateKey } from '../../src/index.ts'
import type { MeshNode } from '../../src/index.ts'
import { appMessagesOf } from '../../src/security/signed-messages.ts'
import { createTopicKey, TopicKeys } from '../../src/security/topic-keys.ts'
import { until } from '../helpers/until.ts'

const authority = createAuthority()
const signer = parseAuthorityPrivateKey(authority.privatePem)
const grant = (peer: string): string => grantText(issueGrant(signer, { peer, pub: ['>'], sub: ['>'], issued: Date.now(), expires: Date.now() + 3_600_000 }))
const ordersKey = createTopicKey('orders.>')
const nodes: MeshNode[] = []
afterAll(async () => { await Promise.all(nodes.map(async n => { await n.stop() })) })

let keyless: MeshNode, pub: MeshNode, sub: MeshNode
beforeAll(async () => {
  const make = async (keys: string[], bootstrap: string[]): Promise<MeshNode> => {
    const n = await createNode({ lan: false, bootstrap, authority: { key: authority.publicKey, grant, topicKeys: keys } })
    nodes.push(n)
    return n
  }
  keyless = await make([], [])
  pub = await make([ordersKey], [keyless.addrs[0]])
  sub = await make([ordersKey], [keyless.addrs[0]])
  await until('the three admit each other', () => nodes.every(n => n.stats().routingTable === 2), 20_000)
})

describe('end-to-end encryption per topic', () => {
  it('the root without the key carries what it cannot read; the subscriber with it reads it', async () => {
    const idOf = (n: MeshNode): Uint8Array => idFromBytes(peerIdFromString(n.peerId).toMultihash().bytes)
    // A topic whose root is the node without the key.
    let topic = ''
    for (let i = 0; topic === '' && i < 10_000; i++) {
      const t = `orders.${i}`
      if ([keyless, pub, sub].sort((a, b) => compareDistance(idOf(a), idOf(b), topicKey(t)))[0] === keyless) topic = t
    }
    const seen: Uint8Array[] = []
    const admit = keyless.guard.admit.bind(keyless.guard)
    keyless.guard.admit = (now, from, msg) => {
      for (const m of appMessagesOf(msg)) if (m.topic === topic) seen.push(m.payload)
      return admit(now, from, msg)
    }
    const got: string[] = []
    const rootGot: string[] = []
    const s1 = sub.subscribe(topic, { callback: (_e, m) => { got.push(m.string()) } })
    const s2 = keyless.subscribe(topic, { callback: (_e, m) => { rootGot.push(m.string()) } })
    await Promise.all([s1.ready, s2.ready])
    for (let i = 1; i <= 5; i++) await pub.publish(topic, `secret order ${i}`, { headers: { kind: 'order' } })
    await until('the subscriber reads every message', () => got.length === 5, 10_000)
    expect(got).toEqual([1, 2, 3, 4, 5].map(i => `secret order ${i}`))
    await until('the root refused to hand over what it cannot open', () => keyless.stats().security.undecryptable >= 5, 10_000)
    expect(rootGot).toEqual([])
    expect(seen.length).toBeGreaterThanOrEqual(5)
    for (const p of seen) expect(Buffer.from(p).toString('latin1')).not.toContain('secret')
    expect(pub.stats().security.encrypted).toBe(5)
    expect(sub.stats().security.decrypted).toBe(5)
    s1.unsubscribe()
    s2.unsubscribe()
  })

  it('a topic without a key is not encrypted; a changed ciphertext or another key does not open', () => {
    const keys = new TopicKeys([ordersKey])
    const headers: Array<{ key: string, value: string }> = []
    const plain = new TextEncoder().encode('x')
    expect(keys.seal('payments', 'p', plain, headers)).toBe(plain)
    expect(headers).toEqual([])
    const sealed = keys.seal('orders.eu', 'p', new TextEncoder().encode('hello'), headers)
    const m = { topic: 'orders.eu', publisher: 'p', epoch: 1, seq: 1, payload: sealed, headers }
    expect(new TextDecoder().decode(keys.open(m)?.payload)).toBe('hello')
    const flipped = new Uint8Array(sealed)
    flipped[20] ^= 1
    expect(keys.open({ ...m, payload: flipped })).toBeUndefined()
    expect(keys.open({ ...m, publisher: 'q' })).toBeUndefined() // bound to its publisher
    expect(new TopicKeys([createTopicKey('orders.>')]).open(m)).toBeUndefined()
    expect(keys.stats.undecryptable).toBe(2)
  })
})

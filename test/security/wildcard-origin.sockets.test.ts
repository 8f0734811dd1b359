// Wildcard subscriptions against a hostile member (issue 14, items 1 and 3). A wildcard
// subscriber gets messages through family topics (`$WC…`), which the node where a message
// enters its tree re-publishes with the original topic and publisher in headers. A member that
// may not publish on `orders.>` publishes into the family directly, claiming an `orders` topic
// with itself, and then an honest publisher, as the origin. The subscriber's node delivers
// neither (no proof of the original's seal, no grant for the topic) and still delivers every
// honest message, whichever node each entered its tree at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAuthority, createNode, grantText, issueGrant, parseAuthorityPrivateKey } from '../../src/index.ts'
import type { MeshNode } from '../../src/index.ts'
import type { MeshCore } from '../../src/core/mesh-core.ts'
import { until } from '../helpers/until.ts'

const authority = createAuthority()
const key = parseAuthorityPrivateKey(authority.privatePem)
const nodes: MeshNode[] = []
afterAll(async () => { await Promise.all(nodes.map(async n => { await n.stop() })) })

async function node (pub: string[], bootstrap: string[] = []): Promise<MeshNode> {
  const grant = (peer: string): string => grantText(issueGrant(key, { peer, pub, sub: ['>'], issued: Date.now(), expires: Date.now() + 3_600_000 }))
  const n = await createNode({ lan: false, authority: { key: authority.publicKey, grant }, bootstrap, core: { wildcards: true } })
  nodes.push(n)
  return n
}

/** Publishes from `n`'s core, past the node's own grant check (a hostile member skips it). */
function rawPublish (n: MeshNode, topic: string, text: string, headers: Record<string, string>): void {
  const driver = (n as unknown as { driver: { input: (f: (core: MeshCore, now: number) => void) => void } }).driver
  driver.input((core, now) => { core.publish(now, topic, new TextEncoder().encode(text), Object.entries(headers).map(([k, value]) => ({ key: k, value }))) })
}

let publisher: MeshNode, subscriber: MeshNode, hostile: MeshNode, other: MeshNode
beforeAll(async () => {
  publisher = await node(['>'])
  const boot = [publisher.addrs[0]]
  subscriber = await node([], boot)
  other = await node(['>'], boot)
  hostile = await node(['chat.>'], boot)
  await until('the four nodes admit each other', () => nodes.every(n => n.stats().routingTable === 3), 20_000)
})

describe('a wildcard subscription against a hostile member', () => {
  it('gets no message published into its family by a member without a grant for the topic, and every honest one', async () => {
    const got: string[] = []
    const sub = subscriber.subscribe('orders.*', { callback: (_e, m) => { got.push(`${m.topic} ${m.string()}`) } })
    await sub.ready
    const topics = ['orders.a', 'orders.b', 'orders.c', 'orders.d', 'orders.e', 'orders.f']
    for (const t of topics) await publisher.publish(t, 'honest')
    await until('the honest messages arrive', () => got.length === topics.length, 15_000)

    const refusedBefore = subscriber.stats().security.forged + subscriber.stats().security.notGranted
    // Itself as the origin: its seal is genuine, its grant does not cover orders.new.
    rawPublish(hostile, '$WC.orders', 'forged: own', { 'meshcast-topic': 'orders.new', 'meshcast-publisher': hostile.peerId, 'meshcast-seq': '1', 'meshcast-epoch': '1' })
    // The honest publisher as the origin, with no proof of its seal.
    rawPublish(hostile, '$WC.orders', 'forged: theirs', { 'meshcast-topic': 'orders.new', 'meshcast-publisher': publisher.peerId, 'meshcast-seq': '99', 'meshcast-epoch': '1' })
    await until('the subscriber refused both', () => subscriber.stats().security.forged + subscriber.stats().security.notGranted - refusedBefore >= 2, 15_000)

    for (const t of topics) await other.publish(t, 'honest too')
    await until('the honest messages after the attack arrive', () => got.length === 2 * topics.length, 15_000)
    expect(got.filter(g => g.includes('forged'))).toEqual([])
    expect(got.sort()).toEqual([...topics.map(t => `${t} honest`), ...topics.map(t => `${t} honest too`)].sort())
    sub.unsubscribe()
  })
})

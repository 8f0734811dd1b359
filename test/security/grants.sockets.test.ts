// Grants (issue 14, items 1 and 3): in a mesh with an authority, a peer without a grant of that
// authority is kept out; publishing and subscribing need a grant for the topic, checked by the
// node itself and, against a hostile peer that skips its own checks, at every hop; a revocation
// spreads and cuts the peer off; an expired grant stops working.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAuthority, createNode, grantText, issueGrant, issueRevocation, parseAuthorityPrivateKey, revocationText } from '../../src/index.ts'
import type { MeshNode } from '../../src/index.ts'
import type { AppMessage } from '../../src/core/wire/types.ts'
import type { MessageSealer } from '../../src/security/message-seal.ts'
import { sendRaw } from '../helpers/hostile.ts'
import { until } from '../helpers/until.ts'

const authority = createAuthority()
const key = parseAuthorityPrivateKey(authority.privatePem)
const nodes: MeshNode[] = []
afterAll(async () => { await Promise.all(nodes.map(async n => { await n.stop() })) })

interface Patterns { pub: string[], sub: string[], ms?: number }

async function node (p: Patterns, bootstrap: string[] = [], auth = authority, signer = key, lan = false): Promise<MeshNode> {
  const grant = (peer: string): string => grantText(issueGrant(signer, { peer, pub: p.pub, sub: p.sub, issued: Date.now(), expires: Date.now() + (p.ms ?? 3_600_000) }))
  const n = await createNode({ ...(lan ? {} : { lan: false as const }), authority: { key: auth.publicKey, grant }, bootstrap })
  nodes.push(n)
  return n
}

/** A message sealed by `by` (its own valid signature), for a raw send. */
function sealed (by: MeshNode, topic: string, text: string, seq: number): AppMessage {
  const m: AppMessage = { topic, publisher: by.peerId, epoch: Date.now(), seq, payload: new TextEncoder().encode(text), headers: [] }
  ;(by as unknown as { sealer: MessageSealer }).sealer.seal([m])
  return m
}

let a: MeshNode, b: MeshNode, c: MeshNode
beforeAll(async () => {
  a = await node({ pub: ['>'], sub: ['>'] })
  const boot = [a.addrs[0]]
  b = await node({ pub: ['>'], sub: ['>'] }, boot)
  // c may publish orders.* and subscribe to orders.new only.
  c = await node({ pub: ['orders.*'], sub: ['orders.new'] }, boot)
  await until('a, b and c admit each other', () => [a, b, c].every(n => n.stats().routingTable === 2), 20_000)
})

describe('a mesh with an authority', () => {
  it('keeps out a peer whose grant is from another authority, and an open node', async () => {
    const other = createAuthority()
    const outsider = await node({ pub: ['>'], sub: ['>'] }, [a.addrs[0]], other, parseAuthorityPrivateKey(other.privatePem))
    const open = await createNode({ lan: false, open: true, bootstrap: [a.addrs[0]] })
    nodes.push(open)
    const got: string[] = []
    const sub = b.subscribe('alerts', { callback: (_e, m) => { got.push(m.string()) } })
    await sub.ready
    await until('a refused the outsider\'s grant', () => a.stats().security.badGrants >= 1, 10_000)
    // Each tries its own tree and sends raw messages; none is handled.
    const before = a.stats().security.unadmitted
    for (const intruder of [outsider, open]) {
      sendRaw(intruder, a.peerId, [
        { type: 'join', topic: 'alerts', subscribers: 1, reliable: false },
        { type: 'publish', message: sealed(intruder, 'alerts', 'intruder', 1), direct: true }
      ])
    }
    await until('a refused the intruders\' messages', () => a.stats().security.unadmitted - before >= 4, 10_000)
    await a.publish('alerts', 'honest')
    await until('the honest message arrives', () => got.includes('honest'), 10_000)
    expect(got).toEqual(['honest'])
    // The core never routes through them, and they hold no topic on a.
    expect(a.stats().routingTable).toBe(2)
    expect(b.stats().routingTable).toBe(2)
    expect(a.topics().find(t => t.children.includes(outsider.peerId) || t.children.includes(open.peerId))).toBeUndefined()
    sub.unsubscribe()
  })

  it('gives no ZeroMQ lane (no bound socket) to a peer without a grant', async () => {
    const member = await node({ pub: ['>'], sub: ['>'] }, [a.addrs[0]], authority, key, true)
    const intruder = await createNode({ open: true, bootstrap: [member.addrs[0]] }) // its lanes on (loopback)
    nodes.push(intruder)
    try {
      // The intruder's ZeroMQ plane asks the member for a lane, as it does when it has data for
      // it (again after each refusal's back-off).
      const zmq = (intruder as unknown as { zmq: { trySend: (to: string, f: { bytes: Uint8Array, topics: string[], kind: 'data' }) => boolean } }).zmq
      await until('the member refused the intruder\'s lane', () => {
        zmq.trySend(member.peerId, { bytes: new Uint8Array([0]), topics: [], kind: 'data' })
        return (member.stats().lan?.offersRefused ?? 0) >= 1
      }, 20_000)
      expect(member.stats().lan?.framesReceived).toBe(0) // no socket was bound for it
    } finally {
      await intruder.stop()
      await member.stop()
    }
  })

  it('gives a lane only to a tree neighbour: a member asks in vain until it shares a tree or sends data', async () => {
    // Their own mesh of two, with lanes on (loopback).
    const m1 = await node({ pub: ['>'], sub: ['>'] }, [], authority, key, true)
    const m2 = await node({ pub: ['>'], sub: ['>'] }, [m1.addrs[0]], authority, key, true)
    try {
      await until('m1 and m2 admit each other', () => m1.stats().routingTable === 1 && m2.stats().routingTable === 1, 20_000)
      const plane = m2.lanPlane
      if (plane === undefined) throw new Error('m2 has no ZeroMQ plane')
      const laneTo1 = (): { state: string, lastError: string } | undefined => plane.lanesView().find(l => l.peer === m1.peerId)
      // No tree and no data between them: asking (as a sender with data does) is refused.
      await until('m1 refused m2\'s lane', () => {
        plane.trySend(m1.peerId, { bytes: new Uint8Array([0]), topics: [], kind: 'data' })
        return (laneTo1()?.lastError ?? '').includes('not a tree neighbour')
      }, 20_000)
      expect(m1.lanPlane?.receiverEndpoint(m2.peerId)).toBeUndefined()
      expect(m1.stats().lan?.offersRefused).toBeGreaterThanOrEqual(1)
      // Once m2's messages reach m1 (as the root, or down the tree), the lane comes up.
      const got: string[] = []
      const sub = m1.subscribe('lanes.t', { callback: (_e, m) => { got.push(m.string()) } })
      await sub.ready
      let n = 0
      await until('the lane from m2 to m1 is up and carries data', () => {
        void m2.publish('lanes.t', `m${n++}`)
        return laneTo1()?.state === 'up' && (m1.stats().lan?.framesReceived ?? 0) > 0
      }, 30_000)
      expect(m1.lanPlane?.receiverEndpoint(m2.peerId)).toBeDefined()
      await until('the messages arrive', () => got.length >= n, 10_000)
      sub.unsubscribe()
    } finally {
      await m2.stop()
      await m1.stop()
    }
  })

  it('checks publishing against the publisher\'s grant, at home and at every hop', async () => {
    await expect(c.publish('payments', 'x')).rejects.toMatchObject({ code: 'ERR_NOT_GRANTED' })
    const got: string[] = []
    const subs = [a, b].map(n => n.subscribe('payments', { callback: (_e, m) => { got.push(`${n === a ? 'a' : 'b'}:${m.string()}`) } }))
    await Promise.all(subs.map(async s => { await s.ready }))
    // c skips its own check: a message sealed by c, sent as a PUBLISH and as DATA to both.
    const before = a.stats().security.notGranted + b.stats().security.notGranted
    const forged = sealed(c, 'payments', 'from c', 1)
    for (const to of [a, b]) sendRaw(c, to.peerId, [{ type: 'publish', message: forged, direct: true }, { type: 'data', message: forged }])
    await until('both refused c\'s messages', () => a.stats().security.notGranted + b.stats().security.notGranted - before >= 4, 10_000)
    await b.publish('payments', 'from b')
    await until('b\'s message reaches both', () => got.length >= 2, 10_000)
    expect(got.sort()).toEqual(['a:from b', 'b:from b'])
    // What c may publish is delivered.
    const orders: string[] = []
    const s2 = a.subscribe('orders.new', { callback: (_e, m) => { orders.push(m.string()) } })
    await s2.ready
    await c.publish('orders.new', 'granted')
    await until('c\'s granted message arrives', () => orders.includes('granted'), 10_000)
    for (const s of [...subs, s2]) s.unsubscribe()
  })

  it('checks subscribing against the grant: at home, and for a queue group at the root', async () => {
    expect(() => c.subscribe('payments')).toThrow(expect.objectContaining({ code: 'ERR_NOT_GRANTED' }))
    expect(() => c.subscribe('orders.old')).toThrow(expect.objectContaining({ code: 'ERR_NOT_GRANTED' }))
    const s = c.subscribe('orders.new')
    await s.ready
    s.unsubscribe()
    // A queue group join for a topic c may not read, sent to both (one is the root).
    const before = a.stats().security.notGranted + b.stats().security.notGranted
    for (const to of [a, b]) sendRaw(c, to.peerId, [{ type: 'queueJoin', topic: 'payments', group: 'workers', leave: false, maxAckPending: 0, plain: true }])
    await until('the queue joins are refused', () => a.stats().security.notGranted + b.stats().security.notGranted - before >= 2, 10_000)
  })

  it('spreads a revocation through the mesh and cuts the revoked peer off', async () => {
    const d = await node({ pub: ['>'], sub: ['>'] }, [b.addrs[0]])
    await until('d is admitted by a and b', () => a.stats().routingTable === 3 && b.stats().routingTable === 3, 20_000)
    const got: string[] = []
    const sub = b.subscribe('news', { callback: (_e, m) => { got.push(m.string()) } })
    await sub.ready
    await d.publish('news', 'before')
    await until('d is heard', () => got.includes('before'), 10_000)

    // Revoked at a; b hears of it from a (and c), and hangs up on d.
    const text = revocationText(issueRevocation(key, { peer: d.peerId, before: Date.now() + 1 }))
    expect(a.revoke(text)).toBe(true)
    expect(a.revoke(text)).toBe(false) // known already
    expect(() => a.revoke(text.slice(0, -4))).toThrow()
    await until('every node knows the revocation', () => [a, b, c].every(n => n.stats().security.revocationsKnown === 1), 5000)
    await until('d is out of every routing table', () => [a, b, c].every(n => n.stats().routingTable === 2), 20_000)
    const refused = b.stats().security.unadmitted + b.stats().security.notGranted
    sendRaw(d, b.peerId, [{ type: 'publish', message: sealed(d, 'news', 'after', 99), direct: true }])
    await until('b refuses d', () => b.stats().security.unadmitted + b.stats().security.notGranted > refused, 10_000).catch(() => {}) // d may be disconnected already
    await a.publish('news', 'control')
    await until('the control message arrives', () => got.includes('control'), 10_000)
    expect(got).toEqual(['before', 'control'])
    sub.unsubscribe()
  })

  it('stops honouring a grant once it expires', async () => {
    const e = await node({ pub: ['>'], sub: ['>'], ms: 4000 }, [a.addrs[0]])
    await until('e is admitted', () => a.stats().routingTable === 3, 20_000)
    await until('e\'s grant expired and a dropped it', () => a.stats().routingTable === 2, 30_000)
    const refused = a.stats().security.unadmitted
    sendRaw(e, a.peerId, [{ type: 'publish', message: sealed(e, 'news', 'expired', 1), direct: true }])
    await until('a refuses e', () => a.stats().security.unadmitted > refused || !a.peers().includes(e.peerId), 10_000)
  })
})

// The node's guard on its own (issue 14, items 1 and 4): messages of a publisher whose grant a
// forwarder lacks wait, in order, for the grant it asks the sender for; they are dropped when it
// does not come in time; what waits is bounded; a revocation is passed on once to every other
// neighbour; nothing from a peer counts before its grant checked out.
import { describe, expect, it } from 'vitest'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { createAuthority, issueGrant, issueRevocation, parseAuthorityKey, parseAuthorityPrivateKey } from '../../src/security/authority.ts'
import { MessageSealer } from '../../src/security/message-seal.ts'
import { HOLD_MS, MAX_HELD, NodeGuard } from '../../src/security/node-guard.ts'
import type { AppMessage, Msg, Signed } from '../../src/core/wire/types.ts'

const auth = createAuthority()
const priv = parseAuthorityPrivateKey(auth.privatePem)
const grant = (peer: string, pub = ['>']): Signed => issueGrant(priv, { peer, pub, sub: ['>'], issued: Date.now(), expires: Date.now() + 3_600_000 })

async function identity (): Promise<MessageSealer> {
  const k = await generateKeyPair('Ed25519')
  return new MessageSealer(peerIdFromPrivateKey(k).toString(), k.raw)
}

function guardFor (self: MessageSealer): { guard: NodeGuard, sent: Array<{ to: string, msg: Msg }>, released: Msg[][], hungUp: string[] } {
  const sent: Array<{ to: string, msg: Msg }> = []
  const released: Msg[][] = []
  const hungUp: string[] = []
  const guard = new NodeGuard(self.publisher, {
    authority: parseAuthorityKey(auth.publicKey),
    grant: grant(self.publisher),
    host: { wallNow: () => Date.now(), send: (to, msg) => { sent.push({ to, msg }) }, admitted: () => {}, release: (_from, msgs) => { released.push(msgs) }, hangUp: p => { hungUp.push(p) } }
  })
  return { guard, sent, released, hungUp }
}

function data (by: MessageSealer, seq: number, topic = 'orders'): Msg {
  const m: AppMessage = { topic, publisher: by.publisher, epoch: 1, seq, payload: new Uint8Array([seq]), headers: [] }
  by.seal([m])
  return { type: 'data', message: m }
}

const present = (g: Signed): Msg => ({ type: 'grants', grants: [g], want: [], revocations: [] })

describe('the node guard', () => {
  it('refuses everything from a peer before its grant, and takes a grant only for its sender', async () => {
    const [self, n, p] = await Promise.all([identity(), identity(), identity()])
    const { guard } = guardFor(self)
    expect(guard.admit(0, n.publisher, { type: 'join', topic: 't', subscribers: 1, reliable: false })).toBe('refuse')
    expect(guard.stats.unadmitted).toBe(1)
    // p's grant, presented by n: known, but it does not admit n.
    expect(guard.admit(0, n.publisher, present(grant(p.publisher)))).toBe('taken')
    expect(guard.isAdmitted(n.publisher)).toBe(false)
    expect(guard.admit(0, n.publisher, present(grant(n.publisher)))).toBe('taken')
    expect(guard.isAdmitted(n.publisher)).toBe(true)
    expect(guard.admit(0, n.publisher, { type: 'join', topic: 't', subscribers: 1, reliable: false })).toBe('admit')
  })

  it('re-admits a neighbour that only one side lost (it asks, the other answers with its grant)', async () => {
    const [x, y] = await Promise.all([identity(), identity()])
    const gx = guardFor(x)
    const gy = guardFor(y)
    gx.guard.admit(0, y.publisher, present(grant(y.publisher)))
    gy.guard.admit(0, x.publisher, present(grant(x.publisher)))
    // x's stream to y failed: x forgets y; y still holds x as admitted and presents nothing.
    gx.guard.peerDown(y.publisher)
    gx.sent.length = 0
    expect(gx.guard.peerUp(y.publisher)).toBe(false)
    expect(gx.sent).toHaveLength(1)
    gy.sent.length = 0
    expect(gy.guard.admit(0, x.publisher, gx.sent[0].msg)).toBe('taken')
    const answer = gy.sent.find(s => s.to === x.publisher)
    if (answer === undefined) throw new Error('y did not answer')
    gx.guard.admit(0, y.publisher, answer.msg)
    expect(gx.guard.isAdmitted(y.publisher)).toBe(true)
  })

  it('holds a publisher\'s messages in order until its grant comes, asking the sender once', async () => {
    const [self, n, p] = await Promise.all([identity(), identity(), identity()])
    const { guard, sent, released } = guardFor(self)
    guard.admit(0, n.publisher, present(grant(n.publisher)))
    sent.length = 0
    const msgs = [1, 2, 3].map(i => data(p, i))
    for (const m of msgs) expect(guard.admit(10, n.publisher, m)).toBe('taken')
    expect(sent).toEqual([{ to: n.publisher, msg: { type: 'grants', grants: [], want: [p.publisher], revocations: [] } }])
    guard.admit(20, n.publisher, present(grant(p.publisher)))
    expect(released).toEqual([msgs])
    // Released, they pass.
    for (const m of msgs) expect(guard.admit(30, n.publisher, m)).toBe('admit')
  })

  it('drops held messages after HOLD_MS, and holds at most MAX_HELD', async () => {
    const [self, n, p, q] = await Promise.all([identity(), identity(), identity(), identity()])
    const { guard, released } = guardFor(self)
    guard.admit(0, n.publisher, present(grant(n.publisher)))
    guard.admit(0, n.publisher, data(p, 1))
    guard.admit(HOLD_MS + 1, n.publisher, data(q, 1)) // expires p's
    expect(guard.stats.heldExpired).toBe(1)
    guard.admit(HOLD_MS + 2, n.publisher, present(grant(p.publisher)))
    expect(released).toEqual([])
    const one = data(q, 2)
    for (let i = 1; i < MAX_HELD + 10; i++) guard.admit(HOLD_MS + 3, n.publisher, one)
    expect(guard.stats.held).toBe(1 + MAX_HELD) // p's one, then q's up to the bound
    expect(guard.stats.notGranted).toBe(10)
  })

  it('refuses a publisher without a grant for the topic, and a forged seal', async () => {
    const [self, n, p] = await Promise.all([identity(), identity(), identity()])
    const { guard } = guardFor(self)
    guard.admit(0, n.publisher, { type: 'grants', grants: [grant(n.publisher), grant(p.publisher, ['orders.*'])], want: [], revocations: [] })
    expect(guard.admit(0, n.publisher, data(p, 1, 'orders.new'))).toBe('admit')
    expect(guard.admit(0, n.publisher, data(p, 2, 'payments'))).toBe('refuse')
    const forged = data(p, 3, 'orders.new') as Extract<Msg, { type: 'data' }>
    forged.message.payload = new Uint8Array([9, 9])
    expect(guard.admit(0, n.publisher, forged)).toBe('refuse')
    expect(guard.stats).toMatchObject({ notGranted: 1, forged: 1 })
  })

  it('passes a new revocation on once to every other neighbour and hangs up on the revoked one', async () => {
    const [self, n, m, r] = await Promise.all([identity(), identity(), identity(), identity()])
    const { guard, sent, hungUp } = guardFor(self)
    for (const x of [n, m, r]) guard.admit(0, x.publisher, present(grant(x.publisher)))
    sent.length = 0
    const rev = issueRevocation(priv, { peer: r.publisher, before: Date.now() + 1 })
    const msg: Msg = { type: 'grants', grants: [], want: [], revocations: [rev] }
    guard.admit(0, n.publisher, msg)
    guard.admit(0, m.publisher, msg) // the same again: not passed on twice
    expect(sent.map(s => s.to).sort()).toEqual([m.publisher, r.publisher].sort())
    expect(hungUp).toEqual([r.publisher])
    expect(guard.isAdmitted(r.publisher)).toBe(false)
    // A grant issued after the revocation admits it again; one issued before does not.
    const fresh = issueGrant(priv, { peer: r.publisher, pub: ['>'], sub: ['>'], issued: Date.now() + 1000, expires: Date.now() + 3_600_000 })
    guard.admit(0, r.publisher, present(fresh))
    expect(guard.isAdmitted(r.publisher)).toBe(true)
    const old = issueGrant(priv, { peer: r.publisher, pub: ['>'], sub: ['>'], issued: Date.now() - 60_000, expires: Date.now() + 3_600_000 })
    guard.peerDown(r.publisher)
    guard.admit(0, r.publisher, present(old))
    expect(guard.isAdmitted(r.publisher)).toBe(false)
    // A revocation by another authority is ignored.
    const other = parseAuthorityPrivateKey(createAuthority().privatePem)
    guard.admit(0, n.publisher, { type: 'grants', grants: [], want: [], revocations: [issueRevocation(other, { peer: n.publisher, before: Date.now() + 1 })] })
    expect(guard.isAdmitted(n.publisher)).toBe(true)
  })
})

// Acknowledged messages across a change of root (issue 12): a replica that becomes the root by
// a JOIN (not by taking over the dead root's tree) still sends on what the dead root stashed
// with it; a root whose tree emptied keeps its recent messages a while (retired-buffers.ts);
// a root that gives way to a closer node passes its acknowledged messages to it; and a
// reliable subscription whose first message from a publisher is not number 1 asks for the lower
// numbers kept since it subscribed and delivers them first, in order.
import { describe, expect, it } from 'vitest'
import { CORE_DEFAULTS } from '../../src/core/defaults.ts'
import { topicKey } from '../../src/core/id.ts'
import { MeshCore } from '../../src/core/mesh-core.ts'
import { Rng } from '../../src/core/rng.ts'
import type { AppMessage } from '../../src/core/wire/types.ts'

const TOPIC = 'ledger'

function message (seq: number, extra: Partial<AppMessage> = {}): AppMessage {
  return { topic: TOPIC, publisher: 'pub', epoch: 1, seq, payload: new Uint8Array([seq]), headers: [], ack: true, ...extra }
}

/** A core far from the topic's key (all zero id), with no peers: it is the root of what it joins. */
function lone (): MeshCore {
  return new MeshCore({ ref: 'me', id: new Uint8Array(32), rng: new Rng(1), now: 0 })
}

describe('acknowledged messages when the root changes', () => {
  it('a replica that becomes the root by a JOIN resends what the dead root stashed with it', () => {
    const core = lone()
    core.handleMessage(0, 'old-root', { type: 'stash', message: message(5) })
    expect(core.drainTransmits().some(t => t.to === 'pub' && t.msg.type === 'publishAck')).toBe(true)
    // The old root is dead; a subscriber's JOIN reaches us first (we are the closest we know).
    core.handleMessage(100, 'child', { type: 'join', topic: TOPIC, subscribers: 1, reliable: true })
    expect(core.topicView(TOPIC)?.role).toBe('root')
    core.drainTransmits()
    // The child asks for what it missed: the stashed message is kept by the new root.
    core.handleMessage(200, 'child', { type: 'nack', topic: TOPIC, publisher: 'pub', epoch: 1, from: 5, to: 5, requester: 'child', maxAge: 0 })
    const replays = core.drainTransmits().filter(t => t.to === 'child' && t.msg.type === 'replay')
    expect(replays.map(t => t.msg.type === 'replay' ? t.msg.message.seq : 0)).toEqual([5])
  })

  it('a root whose tree emptied (churn) still has the recent messages when a new subscriber joins it', () => {
    const core = lone()
    core.handleMessage(0, 'child', { type: 'join', topic: TOPIC, subscribers: 1, reliable: true })
    core.handleMessage(10, 'pub', { type: 'publish', message: message(1), direct: true })
    core.handleMessage(20, 'child', { type: 'leave', topic: TOPIC })
    expect(core.topicView(TOPIC)).toBeUndefined() // nothing keeps the node in the tree
    core.handleMessage(500, 'newcomer', { type: 'join', topic: TOPIC, subscribers: 1, reliable: true })
    core.drainTransmits()
    core.handleMessage(600, 'newcomer', { type: 'nack', topic: TOPIC, publisher: 'pub', epoch: 1, from: 1, to: 1, requester: 'newcomer', maxAge: 0 })
    expect(core.drainTransmits().filter(t => t.to === 'newcomer' && t.msg.type === 'replay')).toHaveLength(1)
    // Past the buffer's age, nothing is kept.
    core.handleMessage(700, 'newcomer', { type: 'leave', topic: TOPIC })
    core.handleMessage(700 + CORE_DEFAULTS.replayBufferAgeMs + 100, 'late', { type: 'join', topic: TOPIC, subscribers: 1, reliable: true })
    core.handleMessage(800 + CORE_DEFAULTS.replayBufferAgeMs + 100, 'late', { type: 'nack', topic: TOPIC, publisher: 'pub', epoch: 1, from: 1, to: 1, requester: 'late', maxAge: 0 })
    expect(core.drainTransmits().filter(t => t.to === 'late' && t.msg.type === 'replay')).toHaveLength(0)
  })

  it('a root that gives way to a closer node routes its acknowledged messages to it', () => {
    const core = lone()
    core.subscribe(0, TOPIC, { reliable: true })
    expect(core.topicView(TOPIC)?.role).toBe('root')
    core.handleMessage(10, 'pub', { type: 'publish', message: message(1), direct: true })
    core.handleMessage(20, 'pub', { type: 'publish', message: message(2, { ack: false }), direct: true })
    core.drainTransmits()
    // A node whose id is the topic's key appears: it is the rightful root.
    core.handlePeerUp(30, 'closer', topicKey(TOPIC), 10)
    expect(core.topicView(TOPIC)?.role).not.toBe('root')
    const published = core.drainTransmits().filter(t => t.to === 'closer' && t.msg.type === 'publish')
    // The acknowledged one only (a best-effort publish promised nothing).
    expect(published.map(t => t.msg.type === 'publish' ? t.msg.message.seq : 0)).toEqual([1])
  })
})

describe('a reliable stream that starts mid-way', () => {
  function attached (): MeshCore {
    const core = lone()
    core.handlePeerUp(0, 'parent', topicKey(TOPIC), 10)
    core.subscribe(0, TOPIC, { reliable: true })
    expect(core.drainTransmits().some(t => t.to === 'parent' && t.msg.type === 'join')).toBe(true)
    core.handleMessage(10, 'parent', { type: 'joinAck', topic: TOPIC, attached: true, path: ['parent'], replaces: '', delegate: false, withdraw: false })
    core.drainTransmits()
    core.drainEvents()
    return core
  }
  const delivered = (core: MeshCore): number[] => core.drainEvents().flatMap(e => e.type === 'deliver' ? [e.message.seq] : [])

  it('asks for the lower numbers kept since it subscribed, and delivers them first', () => {
    const core = attached()
    core.handleMessage(1000, 'parent', { type: 'data', message: message(3, { floor: 3 }) })
    const nacks = core.drainTransmits().filter(t => t.to === 'parent' && t.msg.type === 'nack')
    expect(nacks.map(t => t.msg.type === 'nack' ? [t.msg.from, t.msg.to, t.msg.maxAge] : [])).toEqual([[1, 2, 1000]])
    expect(delivered(core)).toEqual([]) // held while the answer may come
    core.handleMessage(1100, 'parent', { type: 'replay', message: message(2) })
    core.handleMessage(1100, 'parent', { type: 'replay', message: message(1) })
    expect(delivered(core)).toEqual([1, 2, 3])
  })

  it('starts at its first message when nothing lower comes, and drops older retries behind a hole', () => {
    const core = attached()
    core.handleMessage(1000, 'parent', { type: 'data', message: message(7) })
    core.handleMessage(1050, 'parent', { type: 'data', message: message(4) }) // a late retry, 5 and 6 never come
    core.handleMessage(1100, 'parent', { type: 'data', message: message(8) })
    core.handleTimeout(1000 + CORE_DEFAULTS.reliableWaitMs + 1)
    expect(delivered(core)).toEqual([7, 8])
    expect(core.stats.late).toBe(1)
    expect(core.drainEvents().filter(e => e.type === 'gap')).toEqual([])
  })
})

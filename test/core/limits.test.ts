// Never send a frame a peer must reject: the sending side splits what would pass the schema's
// bounds (limits.ts) or the frame byte limit. Each case runs with the wire codec on, so a frame
// over a bound would be counted as malformed by its receiver and its messages lost.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { coreOptions, FRAME_OVERHEAD_BYTES } from '../../src/core/defaults.ts'
import { FrameTooLargeError, InvalidHeadersError, InvalidOptionError, PayloadTooLargeError } from '../../src/core/errors.ts'
import { topicKey } from '../../src/core/id.ts'
import { MeshCore } from '../../src/core/mesh-core.ts'
import { Rng } from '../../src/core/rng.ts'
import { decodeFrame, encodeFrames } from '../../src/core/wire/codec.ts'
import * as L from '../../src/core/wire/limits.ts'
import type { Msg } from '../../src/core/wire/types.ts'
import { Simulator } from '../../simulations/simulator.ts'

const proto = readFileSync(new URL('../../src/core/wire/meshcast.proto', import.meta.url), 'utf8')
const limitOf = (message: string, field: string): number => {
  const body = proto.slice(proto.indexOf(`message ${message} {`))
  const m = new RegExp(`repeated \\w+ ${field} = \\d+ \\[\\(protons\\.options\\)\\.limit = (\\d+)\\]`).exec(body.slice(0, body.indexOf('}')))
  if (m === null) throw new Error(`no limit for ${message}.${field}`)
  return Number(m[1])
}

function twoNodes (): Simulator {
  const sim = new Simulator({ seed: 3, wire: true })
  sim.addNode()
  sim.addNode()
  sim.bootstrap()
  return sim
}

const malformed = (sim: Simulator): number => sim.nodes.reduce((n, x) => n + x.core.stats.malformedFrames, 0)

describe('the sending side keeps within the schema', () => {
  it('limits.ts states the bounds of meshcast.proto', () => {
    expect(limitOf('Frame', 'messages')).toBe(L.MAX_FRAME_MESSAGES)
    expect(limitOf('Heartbeat', 'topics')).toBe(L.MAX_HEARTBEAT_TOPICS)
    expect(limitOf('Heartbeat', 'counts')).toBe(L.MAX_HEARTBEAT_TOPICS)
    expect(limitOf('Heartbeat', 'roots')).toBe(L.MAX_HEARTBEAT_TOPICS)
    expect(limitOf('Replica', 'entries')).toBe(L.MAX_REPLICA_ENTRIES)
    expect(limitOf('ReplicaEntry', 'children')).toBe(L.MAX_REPLICA_CHILDREN)
    expect(limitOf('JoinAck', 'path')).toBe(L.MAX_PATH)
    expect(limitOf('AppMessage', 'headers')).toBe(L.MAX_HEADERS)
    expect(limitOf('Redirect', 'candidates')).toBe(L.MAX_CANDIDATES)
    expect(limitOf('TopicCount', 'queues')).toBe(L.DIRECT_MAX_GROUPS)
    expect(limitOf('QueueMembers', 'members')).toBe(L.DIRECT_MAX_MEMBERS)
    expect(limitOf('MailboxAck', 'ids')).toBe(L.MAX_MAILBOX_REFS)
    expect(limitOf('MailboxSync', 'acked')).toBe(L.MAX_MAILBOX_REFS)
    expect(limitOf('MailboxSync', 'messages')).toBe(L.MAX_MAILBOX_REFS)
  })

  it('a flush of more than 4,096 messages to one peer (10,000 JOINs) and refreshes of more than 4,096 topics reach it whole', () => {
    const sim = twoNodes()
    const [a, b] = sim.nodes
    const topics = Array.from({ length: 10_000 }, (_, i) => `t${i}`)
    b.driver.input((core, now) => { for (const t of topics) core.subscribe(now, t) })
    sim.run(sim.now + 5000) // JOINs, JOIN-ACKs, several refreshes
    expect(malformed(sim)).toBe(0)
    const underA = topics.filter(t => b.core.topicState(t)?.parent === a.ref)
    expect(underA.length).toBeGreaterThan(L.MAX_HEARTBEAT_TOPICS)
    expect(underA.every(t => b.core.topicState(t)?.attached === true && a.core.topicState(t)?.children.has(b.ref) === true)).toBe(true)
    // The refreshes that carried them: a lost child entry is rebuilt from them.
    expect(a.core.stats.received.heartbeat).toBeGreaterThan(2)
    expect(b.core.topicViews().filter(v => v.subscribed && v.attached)).toHaveLength(topics.length)
  })

  it('a flush whose messages pass the frame byte limit goes as several frames; every message arrives', () => {
    const sim = twoNodes()
    const [a, b] = sim.nodes
    b.driver.input((core, now) => core.subscribe(now, 'big'))
    sim.run(sim.now + 2000)
    const got: number[] = []
    sim.hooks.deliver = (node, e) => { if (node === b) got.push(e.message.payload[0]) }
    const payload = (i: number): Uint8Array => new Uint8Array(600 * 1024).fill(i)
    a.driver.input((core, now) => { for (let i = 1; i <= 10; i++) core.publish(now, 'big', payload(i)) }) // ~6 MB in one flush
    sim.run(sim.now + 2000)
    expect(malformed(sim)).toBe(0)
    expect(got).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
  })

  it('encodeFrames keeps order and bounds; a message alone over the limit is refused', () => {
    const msgs: Msg[] = Array.from({ length: 9000 }, (_, i) => ({ type: 'leave', topic: `topic-${i}` }))
    const frames = encodeFrames(msgs, 40_000)
    const limits = { maxFrameBytes: 40_000, maxTopicBytes: 256, maxPayloadBytes: 1 << 20 }
    const back = frames.flatMap(f => decodeFrame(f, limits))
    expect(back).toEqual(msgs)
    expect(frames.every(f => f.byteLength <= 40_000)).toBe(true)
    expect(frames.length).toBeGreaterThan(3)
    expect(() => encodeFrames([{ type: 'leave', topic: 'x'.repeat(100) }], 50)).toThrow(FrameTooLargeError)
  })

  it('a root with more than 1,024 children sends its replica in parts; the replica adopts every child', () => {
    const core = (ref: string, seed: number, id: Uint8Array): MeshCore => new MeshCore({ ref, id, rng: new Rng(seed), now: 0, options: { maxChildren: Infinity } })
    const zero = new Uint8Array(32)
    const near = new Uint8Array(32); near[31] = 1
    // The topic key decides who is root: find a topic whose key is closest to `zero`, then `near`.
    const root = core('root', 1, zero)
    const replica = core('replica', 2, near)
    root.handlePeerUp(0, 'replica', near, 1)
    replica.handlePeerUp(0, 'root', zero, 1)
    const topic = 't'
    const children = Array.from({ length: 2500 }, (_, i) => `c${i}`)
    for (const c of children) root.handleMessage(1, c, { type: 'join', topic, subscribers: 1, reliable: false })
    if (root.topicView(topic)?.role !== 'root') return expect.fail('the root core is not the root of the topic in this set-up')
    root.handleTimeout(1000)
    const out = root.drainTransmits().filter(t => t.to === 'replica')
    const frames = encodeFrames(out.map(t => t.msg), root.options.maxFrameBytes)
    const replicaMsgs = frames.flatMap(f => decodeFrame(f, replica.options)).filter(m => m.type === 'replica')
    expect(replicaMsgs.flatMap(m => m.type === 'replica' ? m.entries : []).filter(e => e.more)).not.toHaveLength(0)
    for (const m of replicaMsgs) replica.handleMessage(1001, 'root', m)
    replica.handlePeerDown(1002, 'root') // the root died: the replica takes over and adopts its children
    const adopted = replica.drainTransmits().filter(t => t.msg.type === 'joinAck' && t.msg.replaces === 'root').map(t => t.to)
    expect(adopted.sort()).toEqual([...children].sort())
  })

  it('a JOIN-ACK path at the bound is refused (a longer one could not be passed on), one below it is taken and passed on within the bound', () => {
    const c = new MeshCore({ ref: 'me', id: new Uint8Array(32).fill(7), rng: new Rng(1), now: 0 })
    c.handlePeerUp(0, 'parent', topicKey('p'), 1) // the node closest to the key there can be
    c.subscribe(0, 'p')
    c.handleMessage(1, 'kid', { type: 'join', topic: 'p', subscribers: 1, reliable: false })
    const parent = 'parent'
    expect(c.topicState('p')?.parent).toBe(parent)
    const path = (n: number): string[] => Array.from({ length: n }, (_, i) => `a${i}`)
    c.drainTransmits()
    c.handleMessage(2, parent, { type: 'joinAck', topic: 'p', attached: true, path: path(L.MAX_PATH - 1), replaces: '', delegate: false, withdraw: false })
    expect(c.topicView('p')?.attached).toBe(true)
    const ack = c.drainTransmits().find(t => t.to === 'kid' && t.msg.type === 'joinAck')
    expect(ack?.msg.type === 'joinAck' ? ack.msg.path.length : -1).toBe(L.MAX_PATH)
    expect(() => decodeFrame(encodeFrames([ack?.msg as Msg], 1 << 20)[0], c.options)).not.toThrow()
    c.handleMessage(3, parent, { type: 'joinAck', topic: 'p', attached: true, path: path(L.MAX_PATH), replaces: '', delegate: false, withdraw: false })
    expect(c.stats.cyclesAvoided).toBe(1)
  })

  it('publish refuses what no frame could carry: too many headers, headers and payload over maxPayloadBytes; options keep a frame room for one message', () => {
    const c = new MeshCore({ ref: 'me', id: new Uint8Array(32), rng: new Rng(1), now: 0, options: { maxPayloadBytes: 1000, maxFrameBytes: 1000 + FRAME_OVERHEAD_BYTES } })
    const headers = (n: number, size = 1): Array<{ key: string, value: string }> => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: 'v'.repeat(size) }))
    expect(() => c.publish(0, 'p', new Uint8Array(10), headers(L.MAX_HEADERS + 1))).toThrow(InvalidHeadersError)
    expect(() => c.publish(0, 'p', new Uint8Array(900), headers(1, 200))).toThrow(PayloadTooLargeError)
    expect(c.publish(0, 'p', new Uint8Array(900), headers(2, 10))).toBe(1)
    expect(() => coreOptions({ maxPayloadBytes: 1 << 20, maxFrameBytes: 1 << 20 })).toThrow(InvalidOptionError)
  })
})

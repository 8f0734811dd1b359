// Frames to bytes and back. Decoding is bounded: the frame's size, the number of messages and
// every repeated field are limited by meshcast.proto and checked by protons; topic and payload
// sizes are checked here. Anything malformed raises MalformedFrameError, which the core
// counts and drops (it never escapes handleFrame).
// PUBLISH and DATA envelopes take a hand-written path (data-codec.ts) that writes and reads the
// same bytes as protons; every other envelope goes through protons.
import { FrameTooLargeError, MalformedFrameError } from '../errors.ts'
import { utf8ByteLength } from '../utf8.ts'
import { decodeDataEnvelope, encodeDataFrame, frameEnvelopes } from './data-codec.ts'
import { copyBytes, ownBytes, smallCopy } from './owned-bytes.ts'
import { Envelope as EnvelopeCodec, Frame } from './messages.js'
import type { AppMessage as WireAppMessage, Envelope } from './messages.js'
import { MAX_FRAME_MESSAGES as MAX_MESSAGES, MAX_GROUP_BYTES, MAX_HEADERS, MAX_SEAL_BYTES, MAX_STATEMENT_BYTES } from './limits.ts'
import type { AppMessage, MessageRef, Msg, QueueMembers, Signed } from './types.ts'
import { isDataMsg, MAILBOX_MODES, QUEUE_ACK_KINDS } from './types.ts'

export interface CodecLimits {
  maxFrameBytes: number
  maxTopicBytes: number
  maxPayloadBytes: number
}


export function encodeFrame (messages: readonly Msg[]): Uint8Array {
  if (messages.every(isDataMsg)) return encodeDataFrame(messages)
  return Frame.encode({ messages: messages.map(toEnvelope) })
}

/**
 * Encodes messages for one peer as frames a receiver accepts: at most MAX_FRAME_MESSAGES
 * messages and maxFrameBytes bytes each (a batch over the byte limit is halved until it fits).
 * Order is kept. One message alone over the limit is a bug of the sender's limits (publishes are
 * checked against maxPayloadBytes, which coreOptions keeps well below maxFrameBytes): it throws.
 */
export function encodeFrames (messages: readonly Msg[], maxFrameBytes: number): Uint8Array[] {
  const out: Uint8Array[] = []
  const pack = (ms: readonly Msg[]): void => {
    const bytes = encodeFrame(ms)
    if (bytes.byteLength <= maxFrameBytes) {
      out.push(bytes)
      return
    }
    if (ms.length === 1) throw new FrameTooLargeError(bytes.byteLength, maxFrameBytes)
    const mid = ms.length >> 1
    pack(ms.slice(0, mid))
    pack(ms.slice(mid))
  }
  if (messages.length <= MAX_MESSAGES) pack(messages)
  else for (let i = 0; i < messages.length; i += MAX_MESSAGES) pack(messages.slice(i, i + MAX_MESSAGES))
  return out
}

export function decodeFrame (bytes: Uint8Array, limits: CodecLimits): Msg[] {
  if (bytes.byteLength > limits.maxFrameBytes) throw new FrameTooLargeError(bytes.byteLength, limits.maxFrameBytes)
  const out: Msg[] = []
  try {
    for (const [start, end] of frameEnvelopes(bytes, MAX_MESSAGES)) {
      const fast = decodeDataEnvelope(bytes, start, end, MAX_HEADERS)
      if (fast !== undefined) {
        checkApp(fast.message, limits)
        out.push(fast)
        continue
      }
      out.push(fromEnvelope(EnvelopeCodec.decode(bytes.subarray(start, end)), limits))
    }
  } catch (err) {
    if (err instanceof MalformedFrameError) throw err
    throw new MalformedFrameError(`undecodable frame: ${(err as Error).message}`)
  }
  return out
}

export function validGroup (g: string): boolean {
  const n = utf8ByteLength(g)
  return n >= 1 && n <= MAX_GROUP_BYTES
}

function checkTopic (t: string, limits: CodecLimits): string {
  const n = utf8ByteLength(t)
  if (n === 0 || n > limits.maxTopicBytes) throw new MalformedFrameError(`topic of ${n} bytes (1..${limits.maxTopicBytes} allowed)`)
  return t
}

/** protons' bytes view the frame: a small payload is copied (owned-bytes.ts's ownBytes). */
function ownPayload (p: Uint8Array): Uint8Array {
  return ownBytes(p, 0, p.byteLength)
}

function checkApp (m: AppMessage | undefined, limits: CodecLimits): AppMessage {
  if (m === undefined) throw new MalformedFrameError('publish without a message')
  if (m.payload.byteLength > limits.maxPayloadBytes) throw new MalformedFrameError(`payload of ${m.payload.byteLength} bytes over ${limits.maxPayloadBytes}`)
  if (m.publisher === '' || m.seq < 1) throw new MalformedFrameError('message without publisher or sequence number')
  if (m.queue !== undefined) for (const q of m.queue) if (q.member === '' || !validGroup(q.group)) throw new MalformedFrameError('queue assignment without a member or a valid group')
  checkTopic(m.topic, limits)
  return m
}

function toEnvelope (m: Msg): Envelope {
  switch (m.type) {
    case 'join': return { join: { topic: m.topic, subscribers: m.subscribers, reliable: m.reliable } }
    case 'joinAck': return { joinAck: { topic: m.topic, attached: m.attached, path: m.path, replaces: m.replaces, delegate: m.delegate, withdraw: m.withdraw } }
    case 'leave': return { leave: { topic: m.topic } }
    case 'publish': return { publish: { message: wireApp(m.message), direct: m.direct } }
    case 'data': return { data: wireApp(m.message) }
    case 'heartbeat': return { heartbeat: { topics: m.topics, counts: m.counts, roots: m.roots } }
    case 'replica': return { replica: { entries: m.entries } }
    case 'redirect': return { redirect: { topic: m.topic, candidates: m.candidates } }
    case 'rootInfo': return { rootInfo: { topic: m.topic, subscribers: m.subscribers } }
    case 'routeAck': return { routeAck: { topic: m.topic, publisher: m.publisher, seq: m.seq } }
    case 'nack': return { nack: { topic: m.topic, publisher: m.publisher, epoch: m.epoch, from: m.from, to: m.to, requester: m.requester, maxAge: m.maxAge } }
    case 'replay': return { replay: { message: wireApp(m.message) } }
    case 'stash': return { stash: { message: wireApp(m.message) } }
    case 'since': return { since: { topic: m.topic, seq: m.seq, time: m.time, last: m.last, done: m.done, requester: m.requester } }
    case 'publishAck': return { publishAck: { topic: m.topic, publisher: m.publisher, epoch: m.epoch, seq: m.seq } }
    case 'queueJoin': return { queueJoin: { topic: m.topic, group: m.group, leave: m.leave, maxAckPending: m.maxAckPending, plain: m.plain } }
    case 'queueDeliver': return { queueDeliver: { group: m.group, message: wireApp(m.message), attempt: m.attempt } }
    case 'queueAck': return { queueAck: { topic: m.topic, group: m.group, publisher: m.publisher, epoch: m.epoch, seq: m.seq, kind: QUEUE_ACK_KINDS.indexOf(m.kind), delay: m.delay } }
    case 'mailboxOpen': return { mailboxOpen: { name: m.name, topic: m.topic, subscriber: m.subscriber, mode: MAILBOX_MODES.indexOf(m.mode) } }
    case 'mailboxState': return { mailboxState: { name: m.name, topic: m.topic, ready: m.ready, stored: m.stored, dropped: m.dropped } }
    case 'mailboxDeliver': return { mailboxDeliver: { name: m.name, message: wireApp(m.message) } }
    case 'mailboxAck': return { mailboxAck: { name: m.name, topic: m.topic, ids: m.ids } }
    case 'mailboxSync': return { mailboxSync: { name: m.name, topic: m.topic, acked: m.acked, messages: m.messages.map(wireApp), request: m.request, hold: m.hold } }
    case 'grants': return { grants: { grants: m.grants.map(s => ({ grant: s.body as Uint8Array<ArrayBuffer>, signature: s.signature as Uint8Array<ArrayBuffer> })), want: m.want, revocations: m.revocations.map(s => ({ revocation: s.body as Uint8Array<ArrayBuffer>, signature: s.signature as Uint8Array<ArrayBuffer> })) } }
    case 'reply': return { reply: { topic: m.topic, request: m.request, payload: m.payload as Uint8Array<ArrayBuffer>, headers: m.headers } }
  }
}

// protons types payloads as Uint8Array<ArrayBuffer>; ours may view any buffer (it only reads).
function wireApp (m: AppMessage): WireAppMessage {
  return m as WireAppMessage
}

function fromEnvelope (e: Envelope, limits: CodecLimits): Msg {
  const topic = (t: string): string => checkTopic(t, limits)
  const app = (m: AppMessage | undefined): AppMessage => {
    const a = checkApp(m, limits)
    const out: AppMessage = { topic: a.topic, publisher: a.publisher, epoch: a.epoch, seq: a.seq, payload: ownPayload(a.payload), headers: a.headers }
    if (a.ack === true) out.ack = true
    if (a.floor !== 0) out.floor = a.floor
    if (a.queue !== undefined && a.queue.length > 0) out.queue = a.queue
    if (a.seal !== undefined && a.seal.byteLength > 0) {
      if (a.seal.byteLength > MAX_SEAL_BYTES) throw new MalformedFrameError(`seal of ${a.seal.byteLength} bytes over ${MAX_SEAL_BYTES}`)
      out.seal = smallCopy(a.seal)
    }
    return out
  }
  const name = (n: string): string => {
    if (!validGroup(n)) throw new MalformedFrameError(`mailbox name of ${utf8ByteLength(n)} bytes (1..${MAX_GROUP_BYTES} allowed)`)
    return n
  }
  const ref = (r: MessageRef): MessageRef => {
    if (r.publisher === '' || r.seq < 1) throw new MalformedFrameError('message reference without publisher or sequence number')
    return { publisher: r.publisher, epoch: r.epoch, seq: r.seq }
  }
  const queueMembers = (q: QueueMembers): QueueMembers => {
    if (!validGroup(q.group) || q.members.length === 0 || q.members.includes('')) throw new MalformedFrameError('queue members without a valid group or members')
    return { group: q.group, members: q.members }
  }
  if (e.join != null) return { type: 'join', topic: topic(e.join.topic), subscribers: e.join.subscribers, reliable: e.join.reliable }
  if (e.joinAck != null) return { type: 'joinAck', topic: topic(e.joinAck.topic), attached: e.joinAck.attached, path: e.joinAck.path, replaces: e.joinAck.replaces, delegate: e.joinAck.delegate, withdraw: e.joinAck.withdraw }
  if (e.leave != null) return { type: 'leave', topic: topic(e.leave.topic) }
  if (e.publish != null) return { type: 'publish', message: app(e.publish.message), direct: e.publish.direct }
  if (e.data != null) return { type: 'data', message: app(e.data) }
  if (e.heartbeat != null) {
    const h = e.heartbeat
    if (h.counts.length !== 0 && h.counts.length !== h.topics.length) throw new MalformedFrameError('heartbeat counts do not match its topics')
    return { type: 'heartbeat', topics: h.topics.map(topic), counts: h.counts, roots: h.roots.map(r => ({ topic: topic(r.topic), subscribers: r.subscribers, via: r.via, queues: r.queues.map(queueMembers) })) }
  }
  if (e.replica != null) return { type: 'replica', entries: e.replica.entries.map(r => ({ topic: topic(r.topic), children: r.children, dropped: r.dropped, rank: r.rank, more: r.more })) }
  if (e.redirect != null) return { type: 'redirect', topic: topic(e.redirect.topic), candidates: e.redirect.candidates }
  if (e.rootInfo != null) return { type: 'rootInfo', topic: topic(e.rootInfo.topic), subscribers: e.rootInfo.subscribers }
  if (e.nack != null) {
    const n = e.nack
    const anyPublisher = n.publisher === '' && n.maxAge > 0
    if ((n.publisher === '' && !anyPublisher) || n.requester === '' || (!anyPublisher && (n.from < 1 || (n.to !== 0 && n.to < n.from)))) throw new MalformedFrameError('nack without publisher (or max age), requester or a valid range')
    return { type: 'nack', topic: topic(n.topic), publisher: n.publisher, epoch: n.epoch, from: n.from, to: n.to, requester: n.requester, maxAge: n.maxAge }
  }
  if (e.replay != null) return { type: 'replay', message: app(e.replay.message) }
  if (e.stash != null) return { type: 'stash', message: app(e.stash.message) }
  if (e.since != null) return { type: 'since', topic: topic(e.since.topic), seq: e.since.seq, time: e.since.time, last: e.since.last, done: e.since.done, requester: e.since.requester }
  if (e.publishAck != null) {
    const a = e.publishAck
    if (a.publisher === '' || a.seq < 1) throw new MalformedFrameError('publishAck without publisher or sequence number')
    return { type: 'publishAck', topic: topic(a.topic), publisher: a.publisher, epoch: a.epoch, seq: a.seq }
  }
  if (e.queueJoin != null) {
    const q = e.queueJoin
    if (!validGroup(q.group)) throw new MalformedFrameError(`queue group name of ${utf8ByteLength(q.group)} bytes (1..${MAX_GROUP_BYTES} allowed)`)
    return { type: 'queueJoin', topic: topic(q.topic), group: q.group, leave: q.leave, maxAckPending: q.maxAckPending, plain: q.plain }
  }
  if (e.queueDeliver != null) {
    const q = e.queueDeliver
    if (!validGroup(q.group)) throw new MalformedFrameError('queueDeliver without a valid group')
    return { type: 'queueDeliver', group: q.group, message: app(q.message), attempt: q.attempt }
  }
  if (e.queueAck != null) {
    const q = e.queueAck
    const kind = QUEUE_ACK_KINDS[q.kind]
    if (!validGroup(q.group) || q.publisher === '' || q.seq < 1 || kind === undefined) throw new MalformedFrameError('queueAck without a valid group, message or kind')
    return { type: 'queueAck', topic: topic(q.topic), group: q.group, publisher: q.publisher, epoch: q.epoch, seq: q.seq, kind, delay: q.delay }
  }
  if (e.reply != null) {
    const r = e.reply
    if (r.request < 1) throw new MalformedFrameError('reply without a request number')
    if (r.payload.byteLength > limits.maxPayloadBytes) throw new MalformedFrameError(`payload of ${r.payload.byteLength} bytes over ${limits.maxPayloadBytes}`)
    return { type: 'reply', topic: topic(r.topic), request: r.request, payload: ownPayload(r.payload), headers: r.headers }
  }
  if (e.mailboxOpen != null) {
    const o = e.mailboxOpen
    const mode = MAILBOX_MODES[o.mode]
    if (!validGroup(o.name) || o.subscriber === '' || mode === undefined) throw new MalformedFrameError('mailboxOpen without a valid name, subscriber or mode')
    return { type: 'mailboxOpen', name: o.name, topic: topic(o.topic), subscriber: o.subscriber, mode }
  }
  if (e.mailboxState != null) {
    const o = e.mailboxState
    return { type: 'mailboxState', name: name(o.name), topic: topic(o.topic), ready: o.ready, stored: o.stored, dropped: o.dropped }
  }
  if (e.mailboxDeliver != null) return { type: 'mailboxDeliver', name: name(e.mailboxDeliver.name), message: app(e.mailboxDeliver.message) }
  if (e.mailboxAck != null) return { type: 'mailboxAck', name: name(e.mailboxAck.name), topic: topic(e.mailboxAck.topic), ids: e.mailboxAck.ids.map(ref) }
  if (e.mailboxSync != null) {
    const o = e.mailboxSync
    return { type: 'mailboxSync', name: name(o.name), topic: topic(o.topic), acked: o.acked.map(ref), messages: o.messages.map(app), request: o.request, hold: o.hold }
  }
  if (e.grants != null) {
    const signed = (body: Uint8Array, signature: Uint8Array): Signed => {
      if (body.byteLength === 0 || body.byteLength > MAX_STATEMENT_BYTES || signature.byteLength !== 64) throw new MalformedFrameError(`a signed statement of ${body.byteLength} bytes (1..${MAX_STATEMENT_BYTES}) with a signature of ${signature.byteLength} bytes (64)`)
      return { body: copyBytes(body), signature: copyBytes(signature) } // kept in the grant table
    }
    const o = e.grants
    if (o.want.includes('')) throw new MalformedFrameError('grants wanted for an empty peer id')
    return { type: 'grants', grants: o.grants.map(g => signed(g.grant, g.signature)), want: o.want, revocations: o.revocations.map(r => signed(r.revocation, r.signature)) }
  }
  if (e.routeAck != null) return { type: 'routeAck', topic: topic(e.routeAck.topic), publisher: e.routeAck.publisher, seq: e.routeAck.seq }
  throw new MalformedFrameError('envelope with no known message')
}

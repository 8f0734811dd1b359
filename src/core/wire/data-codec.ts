// A hand-written fast path of the protobuf codec for the data plane: Frames of Publish and
// AppMessage (DATA) envelopes, the messages sent once per application message. The bytes are
// exactly what protons writes for the same messages of meshcast.proto (tests compare them), so
// the schema stays the one in the .proto; control messages keep going through protons.
// Why: protons spends ~1 µs per message on objects, closures and a string encode of the
// 52-character publisher id; this writes one buffer with cached UTF-8 of topics and publishers.
import * as varint from 'uint8-varint'
import { MalformedFrameError } from '../errors.ts'
import { MAX_QUEUE_GROUPS, MAX_SEAL_BYTES } from './limits.ts'
import type { AppMessage, DataMsg, Header, QueueAssign } from './types.ts'
import { detach, smallCopy } from './owned-bytes.ts'

const encoder = new TextEncoder()
const decoder = new TextDecoder()
const EMPTY = new Uint8Array(0)
const MAX_CACHED = 4096
const utf8Cache = new Map<string, Uint8Array>()

/** UTF-8 of a topic or publisher id; the same few strings repeat on every message. */
function utf8 (s: string): Uint8Array {
  let b = utf8Cache.get(s)
  if (b === undefined) {
    if (utf8Cache.size >= MAX_CACHED) utf8Cache.clear()
    b = encoder.encode(s)
    utf8Cache.set(s, b)
  }
  return b
}

const varintLength = varint.encodingLength

/** Writes n as a varint at pos; returns the position after it. */
function writeVarint (buf: Uint8Array, pos: number, n: number): number {
  varint.encode(n, buf, pos)
  return pos + varint.encodingLength(n)
}

/** Length-delimited field: tag byte, length, then `len` bytes (not written here). */
function fieldLength (len: number): number {
  return 1 + varintLength(len) + len
}

function headerSize (h: Header): number {
  const k = h.key === '' ? 0 : fieldLength(utf8(h.key).byteLength)
  const v = h.value === '' ? 0 : fieldLength(utf8(h.value).byteLength)
  return k + v
}

function appSize (m: AppMessage): number {
  let n = 0
  if (m.topic !== '') n += fieldLength(utf8(m.topic).byteLength)
  if (m.publisher !== '') n += fieldLength(utf8(m.publisher).byteLength)
  if (m.epoch !== 0) n += 1 + varintLength(m.epoch)
  if (m.seq !== 0) n += 1 + varintLength(m.seq)
  if (m.payload.byteLength > 0) n += fieldLength(m.payload.byteLength)
  for (const h of m.headers) n += fieldLength(headerSize(h))
  if (m.ack === true) n += 2
  if (m.floor !== undefined && m.floor !== 0) n += 1 + varintLength(m.floor)
  if (m.queue !== undefined) for (const q of m.queue) n += fieldLength(queueSize(q))
  if (m.seal !== undefined && m.seal.byteLength > 0) n += fieldLength(m.seal.byteLength)
  return n
}

/** A QueueAssign has a Header's shape: two strings, fields 1 and 2. */
function queueSize (q: QueueAssign): number {
  return headerSize({ key: q.group, value: q.member })
}

function writeBytes (buf: Uint8Array, pos: number, tag: number, bytes: Uint8Array): number {
  buf[pos++] = tag
  pos = writeVarint(buf, pos, bytes.byteLength)
  buf.set(bytes, pos)
  return pos + bytes.byteLength
}

function writeApp (buf: Uint8Array, pos: number, m: AppMessage): number {
  if (m.topic !== '') pos = writeBytes(buf, pos, 0x0a, utf8(m.topic))
  if (m.publisher !== '') pos = writeBytes(buf, pos, 0x12, utf8(m.publisher))
  if (m.epoch !== 0) { buf[pos++] = 0x18; pos = writeVarint(buf, pos, m.epoch) }
  if (m.seq !== 0) { buf[pos++] = 0x20; pos = writeVarint(buf, pos, m.seq) }
  if (m.payload.byteLength > 0) pos = writeBytes(buf, pos, 0x2a, m.payload)
  for (const h of m.headers) {
    buf[pos++] = 0x32
    pos = writeVarint(buf, pos, headerSize(h))
    if (h.key !== '') pos = writeBytes(buf, pos, 0x0a, utf8(h.key))
    if (h.value !== '') pos = writeBytes(buf, pos, 0x12, utf8(h.value))
  }
  if (m.ack === true) { buf[pos++] = 0x38; buf[pos++] = 1 }
  if (m.floor !== undefined && m.floor !== 0) { buf[pos++] = 0x40; pos = writeVarint(buf, pos, m.floor) }
  if (m.queue !== undefined) {
    for (const q of m.queue) {
      buf[pos++] = 0x4a
      pos = writeVarint(buf, pos, queueSize(q))
      if (q.group !== '') pos = writeBytes(buf, pos, 0x0a, utf8(q.group))
      if (q.member !== '') pos = writeBytes(buf, pos, 0x12, utf8(q.member))
    }
  }
  if (m.seal !== undefined && m.seal.byteLength > 0) pos = writeBytes(buf, pos, 0x52, m.seal)
  return pos
}

/** Encodes a Frame whose messages are all PUBLISH or DATA. */
export function encodeDataFrame (msgs: readonly DataMsg[]): Uint8Array {
  const apps = new Array<number>(msgs.length)
  const bodies = new Array<number>(msgs.length)
  let total = 0
  for (let i = 0; i < msgs.length; i++) {
    const m = msgs[i]
    const app = apps[i] = appSize(m.message)
    // Envelope.publish (4) = Publish{message (1), direct (2)}; Envelope.data (5) = AppMessage.
    const body = bodies[i] = m.type === 'publish' ? fieldLength(app) + (m.direct ? 2 : 0) : app
    total += fieldLength(fieldLength(body))
  }
  const buf = new Uint8Array(total)
  let pos = 0
  for (let i = 0; i < msgs.length; i++) {
    const m = msgs[i]
    buf[pos++] = 0x0a // Frame.messages
    pos = writeVarint(buf, pos, fieldLength(bodies[i]))
    if (m.type === 'publish') {
      buf[pos++] = 0x22
      pos = writeVarint(buf, pos, bodies[i])
      buf[pos++] = 0x0a
      pos = writeVarint(buf, pos, apps[i])
      pos = writeApp(buf, pos, m.message)
      if (m.direct) { buf[pos++] = 0x10; buf[pos++] = 1 }
    } else {
      buf[pos++] = 0x2a
      pos = writeVarint(buf, pos, bodies[i])
      pos = writeApp(buf, pos, m.message)
    }
  }
  return buf
}

// ---------------------------------------------------------------- decoding

/** A cursor over one length-delimited region; every read is bounds-checked. */
class Cursor {
  readonly buf: Uint8Array
  pos: number
  readonly end: number

  constructor (buf: Uint8Array, pos: number, end: number) {
    this.buf = buf
    this.pos = pos
    this.end = end
  }

  varint (): number {
    let n = 0
    let mul = 1
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw new MalformedFrameError('truncated varint')
      const b = this.buf[this.pos++]
      n += (b & 0x7f) * mul
      if (b < 0x80) {
        if (n > Number.MAX_SAFE_INTEGER) throw new MalformedFrameError('varint over 2^53')
        return n
      }
      mul *= 0x80
    }
    throw new MalformedFrameError('varint too long')
  }

  /** The end of a length-delimited field whose length comes next. */
  sub (): number {
    const len = this.varint()
    if (len > this.end - this.pos) throw new MalformedFrameError('length-delimited field runs past its container')
    return this.pos + len
  }

  string (): string {
    const end = this.sub()
    const s = decodeUtf8(this.buf, this.pos, end)
    this.pos = end
    return s
  }

  skip (wireType: number): void {
    switch (wireType) {
      case 0: this.varint(); break
      case 1: this.pos += 8; break
      case 2: this.pos = this.sub(); break
      case 5: this.pos += 4; break
      default: throw new MalformedFrameError(`unsupported wire type ${wireType}`)
    }
    if (this.pos > this.end) throw new MalformedFrameError('field runs past its container')
  }
}

interface Interned { bytes: Uint8Array, text: string }
const interned = new Map<number, Interned>()

/**
 * Topics and publisher ids repeat on every message: short strings are interned by a hash of
 * their bytes (checked byte for byte), so a repeat costs a hash instead of a decode.
 */
function decodeUtf8 (buf: Uint8Array, start: number, end: number): string {
  const len = end - start
  if (len > 128) return decoder.decode(buf.subarray(start, end))
  let h = 0x811c9dc5 ^ len
  for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i], 0x01000193)
  const hit = interned.get(h)
  if (hit !== undefined && hit.bytes.byteLength === len) {
    let same = true
    for (let i = 0; i < len; i++) if (hit.bytes[i] !== buf[start + i]) { same = false; break }
    if (same) return hit.text
  }
  const bytes = smallCopy(buf, start, end)
  const text = decoder.decode(bytes)
  if (interned.size >= MAX_CACHED) interned.clear()
  interned.set(h, { bytes, text })
  return text
}

function readHeader (c: Cursor, end: number): Header {
  const h: Header = { key: '', value: '' }
  const inner = new Cursor(c.buf, c.pos, end)
  while (inner.pos < end) {
    const tag = inner.varint()
    if (tag === 0x0a) h.key = inner.string()
    else if (tag === 0x12) h.value = inner.string()
    else inner.skip(tag & 7)
  }
  c.pos = end
  return h
}

function readApp (c: Cursor, end: number, maxHeaders: number): AppMessage {
  const m: AppMessage = { topic: '', publisher: '', epoch: 0, seq: 0, payload: EMPTY, headers: [] }
  const inner = new Cursor(c.buf, c.pos, end)
  while (inner.pos < end) {
    const tag = inner.varint()
    switch (tag) {
      case 0x0a: m.topic = inner.string(); break
      case 0x12: m.publisher = inner.string(); break
      case 0x18: m.epoch = inner.varint(); break
      case 0x20: m.seq = inner.varint(); break
      case 0x2a: {
        const e = inner.sub()
        m.payload = inner.buf.subarray(inner.pos, e) // a view until the end: see detach
        inner.pos = e
        break
      }
      case 0x32: {
        if (m.headers.length >= maxHeaders) throw new MalformedFrameError(`more than ${maxHeaders} headers`)
        const e = inner.sub()
        m.headers.push(readHeader(inner, e))
        break
      }
      case 0x38: if (inner.varint() !== 0) m.ack = true; break
      case 0x40: { const f = inner.varint(); if (f !== 0) m.floor = f; break }
      case 0x4a: {
        const queue = m.queue ??= []
        if (queue.length >= MAX_QUEUE_GROUPS) throw new MalformedFrameError(`more than ${MAX_QUEUE_GROUPS} queue assignments`)
        const e = inner.sub()
        const h = readHeader(inner, e)
        queue.push({ group: h.key, member: h.value })
        break
      }
      case 0x52: {
        const e = inner.sub()
        if (e - inner.pos > MAX_SEAL_BYTES) throw new MalformedFrameError(`seal of ${e - inner.pos} bytes over ${MAX_SEAL_BYTES}`)
        m.seal = inner.buf.subarray(inner.pos, e)
        inner.pos = e
        break
      }
      default: inner.skip(tag & 7)
    }
  }
  c.pos = end
  detach(m)
  return m
}

/**
 * Decodes one Envelope that holds a Publish or an AppMessage (DATA); returns undefined for any
 * other envelope, which the caller decodes with protons. Field values are not validated here.
 */
export function decodeDataEnvelope (buf: Uint8Array, start: number, end: number, maxHeaders: number): DataMsg | undefined {
  const c = new Cursor(buf, start, end)
  if (start >= end) return undefined
  const tag = buf[start]
  if (tag !== 0x22 && tag !== 0x2a) return undefined
  let msg: DataMsg | undefined
  while (c.pos < end) {
    const t = c.varint()
    if (t === 0x22) {
      const e = c.sub()
      const inner = new Cursor(buf, c.pos, e)
      let message: AppMessage | undefined
      let direct = false
      while (inner.pos < e) {
        const it = inner.varint()
        if (it === 0x0a) {
          const ae = inner.sub()
          message = readApp(inner, ae, maxHeaders)
        } else if (it === 0x10) {
          direct = inner.varint() !== 0
        } else inner.skip(it & 7)
      }
      c.pos = e
      if (message === undefined) throw new MalformedFrameError('publish without a message')
      msg = { type: 'publish', message, direct }
    } else if (t === 0x2a) {
      const e = c.sub()
      msg = { type: 'data', message: readApp(c, e, maxHeaders) }
    } else {
      // Another oneof member after ours: let protons decide (the last one wins).
      return undefined
    }
  }
  return msg
}

/** Splits a Frame into its envelopes' [start, end) ranges, bounded by `maxMessages`. */
export function frameEnvelopes (buf: Uint8Array, maxMessages: number): Array<[number, number]> {
  const c = new Cursor(buf, 0, buf.byteLength)
  const out: Array<[number, number]> = []
  while (c.pos < c.end) {
    const tag = c.varint()
    if (tag === 0x0a) {
      if (out.length >= maxMessages) throw new MalformedFrameError(`more than ${maxMessages} messages in a frame`)
      const e = c.sub()
      out.push([c.pos, e])
      c.pos = e
    } else c.skip(tag & 7)
  }
  return out
}

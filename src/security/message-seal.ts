// Publisher signatures on application messages, one Ed25519 signature per batch.
//
// A publisher signs what it sends in one turn together: the SHA-256 digests of the messages are
// the leaves of a Merkle tree, and the publisher signs the root. Each message carries its seal:
// its place in the batch, the sibling digests on its path to the root, and the signature. A
// receiver checks a message on its own (any subset of a batch, in any order, replayed or kept
// in a mailbox): it climbs the path from the message's digest to the root and checks the
// signature, once per root (a bounded cache of the roots it verified). A batch of 64 costs one
// signature at the publisher and one verification per receiver, plus a few hashes per message.
//
// Signed: topic, publisher, epoch, seq, payload and headers. Not signed: `ack` and `floor`
// (hints to the root set and first-time subscribers) and `queue` (the root assigns it on the way).
//
// Seal layout: version (1) | batch size n (u16) | index (u16) | path (32 bytes each, leaf to
// root; a node without a sibling at its level is carried up and has no entry) | signature (64).
import { createPrivateKey, createPublicKey, hash, sign, verify } from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import { peerIdFromString } from '@libp2p/peer-id'
import type { AppMessage } from '../core/wire/types.ts'

const VERSION = 1
const HEAD = 5
const HASH = 32
const SIG = 64
/** The most messages one signature covers (a path of at most 6 digests). */
export const MAX_SEAL_BATCH = 64
const ROOT_CONTEXT = Buffer.from('meshcast/seal/1 root')

/** The start of a digest's input for one topic and publisher (they repeat on every message). */
const prefixes = new Map<string, Buffer>()
const MAX_PREFIXES = 4096

function prefixOf (topic: string, publisher: string): Buffer {
  const k = topic + '\u0000' + publisher
  let p = prefixes.get(k)
  if (p === undefined) {
    const t = Buffer.from(topic)
    const u = Buffer.from(publisher)
    // Not from Buffer's shared pool: a cached prefix would keep a pool slab alive.
    p = Buffer.allocUnsafeSlow(1 + 4 + t.byteLength + 4 + u.byteLength)
    p[0] = 0 // a leaf (inner nodes start with 1)
    p.writeUInt32BE(t.byteLength, 1)
    t.copy(p, 5)
    p.writeUInt32BE(u.byteLength, 5 + t.byteLength)
    u.copy(p, 9 + t.byteLength)
    if (prefixes.size >= MAX_PREFIXES) prefixes.clear()
    prefixes.set(k, p)
  }
  return p
}

/** The digest a seal covers: every signed field, length-prefixed so that no two messages share it. */
export function messageDigest (m: AppMessage): Buffer {
  const prefix = prefixOf(m.topic, m.publisher)
  let size = prefix.byteLength + 8 + 8 + 4 + m.payload.byteLength + 4
  for (const { key, value } of m.headers) size += 8 + Buffer.byteLength(key) + Buffer.byteLength(value)
  const b = Buffer.allocUnsafe(size)
  prefix.copy(b, 0)
  let at = prefix.byteLength
  at = u64(b, at, m.epoch)
  at = u64(b, at, m.seq)
  b.writeUInt32BE(m.payload.byteLength, at); at += 4
  b.set(m.payload, at); at += m.payload.byteLength
  b.writeUInt32BE(m.headers.length, at); at += 4
  for (const { key, value } of m.headers) {
    for (const s of [key, value]) { const n = b.write(s, at + 4); b.writeUInt32BE(n, at); at += 4 + n }
  }
  return hash('sha256', b, 'buffer')
}

/** Writes a safe integer as 8 bytes, big-endian. */
function u64 (b: Buffer, at: number, n: number): number {
  b.writeUInt32BE(Math.floor(n / 0x1_0000_0000), at)
  b.writeUInt32BE(n >>> 0, at + 4)
  return at + 8
}

const inner = Buffer.alloc(1 + 2 * HASH, 1) // an inner node: 1, then its two children

function parent (left: Uint8Array, right: Uint8Array): Buffer {
  inner.set(left, 1)
  inner.set(right, 1 + HASH)
  return hash('sha256', inner, 'buffer')
}

/** Path length of leaf `index` in a tree of `n` leaves (levels where it has a sibling). */
function pathLength (n: number, index: number): number {
  let len = 0
  for (let size = n, pos = index; size > 1; size = Math.ceil(size / 2), pos >>= 1) {
    if ((pos & 1) === 1 || pos + 1 < size) len++
  }
  return len
}

/** Signs with one Ed25519 key: a libp2p peer's own (its peer id names the public half). */
export class MessageSealer {
  readonly publisher: string
  private readonly key: KeyObject
  /** Signatures made (one per batch). */
  signatures = 0

  /** `raw`: libp2p's Ed25519 private key bytes (32-byte seed, then the 32-byte public key). */
  constructor (publisher: string, raw: Uint8Array) {
    if (raw.byteLength !== 64) throw new TypeError('an Ed25519 private key of 64 bytes (seed and public key) is needed')
    this.publisher = publisher
    const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64url')
    this.key = createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', d: b64(raw.subarray(0, 32)), x: b64(raw.subarray(32)) }, format: 'jwk' })
  }

  /** Seals the messages (this node's own, not sealed yet) in batches of at most MAX_SEAL_BATCH. */
  seal (msgs: readonly AppMessage[]): void {
    for (let i = 0; i < msgs.length; i += MAX_SEAL_BATCH) this.sealBatch(msgs.slice(i, i + MAX_SEAL_BATCH))
  }

  private sealBatch (batch: readonly AppMessage[]): void {
    const n = batch.length
    const levels: Buffer[][] = [batch.map(messageDigest)]
    while (levels[levels.length - 1].length > 1) {
      const below = levels[levels.length - 1]
      const up: Buffer[] = []
      for (let i = 0; i < below.length; i += 2) up.push(i + 1 < below.length ? parent(below[i], below[i + 1]) : below[i])
      levels.push(up)
    }
    const root = levels[levels.length - 1][0]
    const signature = sign(null, Buffer.concat([ROOT_CONTEXT, root]), this.key)
    this.signatures++
    for (let index = 0; index < n; index++) {
      const len = pathLength(n, index)
      const seal = new Uint8Array(HEAD + len * HASH + SIG)
      seal[0] = VERSION
      seal[1] = n >> 8; seal[2] = n & 0xff
      seal[3] = index >> 8; seal[4] = index & 0xff
      let at = HEAD
      for (let level = 0, pos = index; level < levels.length - 1; level++, pos >>= 1) {
        const row = levels[level]
        const sibling = (pos & 1) === 1 ? pos - 1 : pos + 1
        if (sibling < row.length) { seal.set(row[sibling], at); at += HASH }
      }
      seal.set(signature, at)
      batch[index].seal = seal
    }
  }
}

export interface VerifierOptions {
  /** Publishers whose public keys are kept (default 10,000). */
  maxKeys?: number
  /** Tree nodes (roots and inner nodes) remembered as verified (default 65,536). */
  maxRoots?: number
}

export interface SealStats {
  /** Messages whose seal checked out. */
  verified: number
  /** Ed25519 verifications run (one per new root). */
  signatureChecks: number
  /** Messages dropped: no seal, a malformed one, or one that does not match. */
  forged: number
}

/** Checks seals; every table it keeps is bounded (oldest entries go first). */
export class SealVerifier {
  readonly stats: SealStats = { verified: 0, signatureChecks: 0, forged: 0 }
  private readonly keys = new Map<string, KeyObject | null>()
  private readonly roots = new Set<string>()
  private readonly maxKeys: number
  private readonly maxRoots: number

  constructor (options: VerifierOptions = {}) {
    this.maxKeys = options.maxKeys ?? 10_000
    this.maxRoots = options.maxRoots ?? 65_536
  }

  /** Entries in its tables now (each is bounded). */
  get cached (): { roots: number, keys: number } {
    return { roots: this.roots.size, keys: this.keys.size }
  }

  /** True when the message carries a valid seal by its publisher. */
  verify (m: AppMessage): boolean {
    const ok = this.check(m)
    if (ok) this.stats.verified++
    else this.stats.forged++
    return ok
  }

  private check (m: AppMessage): boolean {
    const seal = m.seal
    if (seal === undefined || seal.byteLength < HEAD + SIG || seal[0] !== VERSION) return false
    const n = (seal[1] << 8) | seal[2]
    const index = (seal[3] << 8) | seal[4]
    if (n < 1 || n > MAX_SEAL_BATCH || index >= n) return false
    const len = pathLength(n, index)
    if (seal.byteLength !== HEAD + len * HASH + SIG) return false
    // Climb from the message's digest to the root. A node of the tree that was on the path of
    // an earlier message under a verified signature is trusted (SHA-256 names what is below
    // it): the climb stops there, so the messages of a batch cost about two hashes each.
    let node = messageDigest(m)
    let at = HEAD
    const climbed: string[] = []
    for (let size = n, pos = index; size > 1; size = Math.ceil(size / 2), pos >>= 1) {
      if ((pos & 1) === 1) { node = parent(seal.subarray(at, at + HASH), node); at += HASH } else if (pos + 1 < size) { node = parent(node, seal.subarray(at, at + HASH)); at += HASH } else continue
      const memo = `${m.publisher}\u0000${node.toString('base64')}`
      if (this.roots.has(memo)) return true
      climbed.push(memo)
    }
    const signature = seal.subarray(HEAD + len * HASH)
    if (climbed.length === 0) {
      // A batch of one: the root is the message's digest.
      const memo = `${m.publisher}\u0000${node.toString('base64')}`
      if (this.roots.has(memo)) return true
      climbed.push(memo)
    }
    const key = this.publicKey(m.publisher)
    if (key === null) return false
    this.stats.signatureChecks++
    if (!verify(null, Buffer.concat([ROOT_CONTEXT, node]), key, signature)) return false
    for (const memo of climbed) {
      if (this.roots.size >= this.maxRoots) this.roots.delete(this.roots.values().next().value as string)
      this.roots.add(memo)
    }
    return true
  }

  /** The Ed25519 key a peer id names; null for an id that is not one (or names another key type). */
  private publicKey (publisher: string): KeyObject | null {
    let key = this.keys.get(publisher)
    if (key !== undefined) return key
    key = null
    try {
      const id = peerIdFromString(publisher)
      if (id.type === 'Ed25519' && id.publicKey !== undefined) {
        key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(id.publicKey.raw).toString('base64url') }, format: 'jwk' })
      }
    } catch {
      key = null
    }
    if (this.keys.size >= this.maxKeys) this.keys.delete(this.keys.keys().next().value as string)
    this.keys.set(publisher, key)
    return key
  }
}

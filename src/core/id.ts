// 256-bit ids on the Kademlia XOR key space.
// A node id is SHA-256 of the libp2p peer id's multihash bytes, a topic key SHA-256 of the
// topic name's UTF-8 bytes: the same mappings kad-dht uses, so its "closest peers" and our
// trees agree (see docs/decisions.md).
import { sha256 } from '@noble/hashes/sha2.js'

/** A 32-byte id: a node id or a topic key. */
export type NodeId = Uint8Array

export const ID_BYTES = 32
export const ID_BITS = 256

const encoder = new TextEncoder()

/** SHA-256 of arbitrary bytes, as an id (node id = idFromBytes(multihash bytes)). */
export function idFromBytes (bytes: Uint8Array): NodeId {
  return sha256(bytes)
}

// Topic keys are asked for on every message; names repeat, so they are cached. The cache is
// bounded and only memoises a pure function, so it changes no behaviour.
const keyCache = new Map<string, NodeId>()
const KEY_CACHE_MAX = 65_536

/** The topic's key: SHA-256 of the topic name's UTF-8 bytes. */
export function topicKey (topic: string): NodeId {
  let key = keyCache.get(topic)
  if (key === undefined) {
    key = sha256(encoder.encode(topic))
    if (keyCache.size >= KEY_CACHE_MAX) keyCache.clear()
    keyCache.set(topic, key)
  }
  return key
}

/** Number of leading bits a and b share (256 when equal). */
export function commonPrefixLength (a: NodeId, b: NodeId): number {
  for (let i = 0; i < ID_BYTES; i++) {
    const x = a[i] ^ b[i]
    if (x !== 0) return i * 8 + Math.clz32(x) - 24
  }
  return ID_BITS
}

/**
 * Compares the XOR distances of a and b to key: negative when a is closer, positive when b is,
 * zero when a and b are the same id.
 */
export function compareDistance (a: NodeId, b: NodeId, key: NodeId): number {
  for (let i = 0; i < ID_BYTES; i++) {
    const da = a[i] ^ key[i]
    const db = b[i] ^ key[i]
    if (da !== db) return da - db
  }
  return 0
}

/** The XOR distance of a and b as 32 bytes (for display and tests). */
export function xorDistance (a: NodeId, b: NodeId): Uint8Array {
  const out = new Uint8Array(ID_BYTES)
  for (let i = 0; i < ID_BYTES; i++) out[i] = a[i] ^ b[i]
  return out
}

export function idToHex (id: NodeId): string {
  let s = ''
  for (let i = 0; i < id.length; i++) s += id[i].toString(16).padStart(2, '0')
  return s
}

export function idFromHex (hex: string): NodeId {
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new RangeError(`not a 256-bit hex id: ${hex}`)
  const out = new Uint8Array(ID_BYTES)
  for (let i = 0; i < ID_BYTES; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16)
  return out
}

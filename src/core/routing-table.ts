// A Kademlia routing table: 256 buckets by common-prefix length with the local id, k contacts
// each. Within a full bucket a new contact with a lower round-trip time replaces the slowest
// one (proximity neighbour selection); with proximity off a full bucket keeps what it has.
import { commonPrefixLength, compareDistance, ID_BITS } from './id.ts'
import type { NodeId } from './id.ts'

/** A transport's name for a peer: a libp2p peer id string, a simulator index. */
export type PeerRef = string

export interface Contact {
  readonly ref: PeerRef
  readonly id: NodeId
  /** Round-trip time in ms; Infinity when not measured. */
  rtt: number
}

export class RoutingTable {
  readonly self: NodeId
  readonly k: number
  readonly proximity: boolean
  // Created on first use: most of the 256 buckets of a node stay empty.
  private readonly buckets: Array<Contact[] | undefined> = new Array(ID_BITS)
  private readonly byRef = new Map<PeerRef, Contact>()
  /** Contacts removed so far (lets a host tell when to offer a peer again). */
  removals = 0
  /** Changes of the set of contacts (added, replaced, removed): what was computed from the table at another version may be stale. */
  version = 0

  constructor (self: NodeId, k: number, proximity: boolean) {
    this.self = self
    this.k = k
    this.proximity = proximity
  }

  get size (): number {
    return this.byRef.size
  }

  get (ref: PeerRef): Contact | undefined {
    return this.byRef.get(ref)
  }

  has (ref: PeerRef): boolean {
    return this.byRef.has(ref)
  }

  contacts (): IterableIterator<Contact> {
    return this.byRef.values()
  }

  /**
   * Offers a contact. Returns true when the table now holds it (added, or already held and its
   * round-trip time updated), false when its bucket is full of faster peers or it is us.
   */
  add (ref: PeerRef, id: NodeId, rtt: number = Infinity): boolean {
    const known = this.byRef.get(ref)
    if (known !== undefined) {
      if (Number.isFinite(rtt)) known.rtt = Number.isFinite(known.rtt) ? (known.rtt * 3 + rtt) / 4 : rtt
      return true
    }
    const cpl = commonPrefixLength(this.self, id)
    if (cpl === ID_BITS) return false
    const bucket = this.buckets[cpl] ??= []
    const contact: Contact = { ref, id, rtt }
    if (bucket.length < this.k) {
      bucket.push(contact)
      this.byRef.set(ref, contact)
      this.version++
      return true
    }
    if (!this.proximity) return false
    let worst = 0
    for (let i = 1; i < bucket.length; i++) if (bucket[i].rtt > bucket[worst].rtt) worst = i
    if (!(rtt < bucket[worst].rtt)) return false
    this.byRef.delete(bucket[worst].ref)
    bucket[worst] = contact
    this.byRef.set(ref, contact)
    this.version++
    return true
  }

  remove (ref: PeerRef): boolean {
    const c = this.byRef.get(ref)
    if (c === undefined) return false
    this.removals++
    this.version++
    this.byRef.delete(ref)
    const bucket = this.buckets[commonPrefixLength(this.self, c.id)]
    const i = bucket?.indexOf(c) ?? -1
    if (i >= 0) bucket?.splice(i, 1)
    return true
  }

  /**
   * The known contact XOR-closest to key, if it is strictly closer than we are; undefined when
   * we are the closest node we know (the message is delivered here). `skip` excludes peers.
   */
  nextHop (key: NodeId, skip?: ReadonlySet<PeerRef>): Contact | undefined {
    const c = commonPrefixLength(this.self, key)
    if (c === ID_BITS) return undefined
    // Contacts in bucket c agree with key on the first c+1 bits: any of them is closer than
    // every contact elsewhere and than us.
    let best: Contact | undefined
    for (const e of this.buckets[c] ?? []) {
      if (skip?.has(e.ref) === true) continue
      if (best === undefined || compareDistance(e.id, best.id, key) < 0) best = e
    }
    if (best !== undefined) return best
    // Otherwise only contacts in deeper buckets can beat us (they share bit c with us).
    for (let j = c + 1; j < ID_BITS; j++) {
      const bucket = this.buckets[j]
      if (bucket === undefined) continue
      for (const e of bucket) {
        if (skip?.has(e.ref) === true) continue
        if (compareDistance(e.id, this.self, key) < 0 && (best === undefined || compareDistance(e.id, best.id, key) < 0)) best = e
      }
    }
    return best
  }

  /** The n known contacts closest to key, closest first. */
  closest (key: NodeId, n: number, skip?: ReadonlySet<PeerRef>): Contact[] {
    const out: Contact[] = []
    for (const e of this.byRef.values()) {
      if (skip?.has(e.ref) === true) continue
      if (out.length < n) {
        out.push(e)
        if (out.length === n) out.sort((a, b) => compareDistance(a.id, b.id, key))
        continue
      }
      if (compareDistance(e.id, out[n - 1].id, key) < 0) {
        let i = n - 1
        while (i > 0 && compareDistance(e.id, out[i - 1].id, key) < 0) i--
        out.splice(i, 0, e)
        out.pop()
      }
    }
    if (out.length < n) out.sort((a, b) => compareDistance(a.id, b.id, key))
    return out
  }

  /** Contacts per bucket, for inspection. */
  bucketSizes (): number[] {
    return Array.from(this.buckets, b => b?.length ?? 0)
  }
}

/** The same peers in the same order. */
export function sameRefs (a: readonly PeerRef[], b: readonly PeerRef[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

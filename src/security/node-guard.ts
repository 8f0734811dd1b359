// The guard a node gives its core (src/core/guard.ts). Two checks, on every message from a peer:
//
// - Seals (message-seal.ts): an application message must carry its publisher's valid
//   signature, whoever forwarded it. Always on, in an open mesh too.
// - Grants (with an authority; none in an open mesh): a peer is admitted once it presented a
//   grant of the mesh's authority for its own peer id; nothing else it sends is handled before
//   (and the core does not learn of it: no route, no tree goes through it). An application
//   message passes only if its publisher's grant allows publishing on its topic: checked at
//   every hop and at the root. A forwarder that does not know the publisher's grant holds its
//   messages (bounded, in order) and asks the neighbour that sent them for it. A queue group
//   member, a mailbox's opener and a responder need a grant to subscribe to the topic.
//   Revocations are passed on to every neighbour when new; a revoked neighbour is hung up on.
import type { KeyObject } from 'node:crypto'
import type { Guard, Verdict } from '../core/guard.ts'
import type { PeerRef } from '../core/routing-table.ts'
import { FAMILY_PREFIX } from '../core/wildcards.ts'
import type { AppMessage, Header, Msg, Signed } from '../core/wire/types.ts'
import { GrantTable } from './grant-table.ts'
import { openGrant } from './authority.ts'
import { InvalidGrantError } from '../core/errors.ts'
import type { GrantEntry } from './grant-table.ts'
import { SealVerifier } from './message-seal.ts'
import { appMessagesOf } from './signed-messages.ts'
import { originAllowed, vouchFor } from './wildcard-origin.ts'

/** How long messages wait for their publisher's grant before they are dropped. */
export const HOLD_MS = 5000
/** Messages held for grants, in all. */
export const MAX_HELD = 10_000
/** Grants sent or asked for in one message (the schema's limit). */
const MAX_GRANTS_PER_MESSAGE = 64

export interface GuardHost {
  /** Wall-clock ms (grants expire in wall time). */
  wallNow: () => number
  /** Sends a message of the guard's (grants, revocations) to a peer. */
  send: (to: PeerRef, msg: Msg) => void
  /** The peer presented a valid grant: the node may now tell its core about it. */
  admitted: (peer: PeerRef) => void
  /** Messages held for a grant that has come: handle them now (they pass the guard again). */
  release: (from: PeerRef, msgs: Msg[]) => void
  /** A neighbour whose grant was revoked or expired: disconnect it. */
  hangUp: (peer: PeerRef) => void
}

export interface GuardStats {
  /** Messages with a missing or forged seal. */
  forged: number
  /** Messages from peers that have not presented a valid grant. */
  unadmitted: number
  /** Messages whose publisher (or sender) has no grant for the topic. */
  notGranted: number
  /** Messages held for a publisher's grant, and those dropped when it did not come in time. */
  held: number
  heldExpired: number
  /** Grants presented that did not check out (bad signature, expired, revoked, another peer's). */
  badGrants: number
  revocations: number
}

interface Held { from: PeerRef, msgs: Msg[], since: number }

export class NodeGuard implements Guard {
  readonly seals = new SealVerifier()
  readonly stats: GuardStats = { forged: 0, unadmitted: 0, notGranted: 0, held: 0, heldExpired: 0, badGrants: 0, revocations: 0 }
  /** With an authority: the grants known. Undefined in an open mesh. */
  readonly table: GrantTable | undefined
  private readonly self: PeerRef
  private readonly own: Signed | undefined
  private readonly host: GuardHost | undefined
  /** Neighbours whose own grant checked out. */
  private readonly admittedPeers = new Set<PeerRef>()
  /** Neighbours that sent this node an application message it admitted (at most one entry per connected peer). */
  private readonly senders = new Set<PeerRef>()
  private readonly held = new Map<string, Held>()
  private heldCount = 0

  /**
   * Open mesh: no authority (seals only). Otherwise the authority's key and this node's grant,
   * which must be valid now and name `self` (else InvalidGrantError).
   */
  constructor (self: PeerRef, secured?: { authority: KeyObject, grant: Signed, host: GuardHost }) {
    this.self = self
    this.table = secured === undefined ? undefined : new GrantTable(secured.authority)
    this.own = secured?.grant
    this.host = secured?.host
    if (secured !== undefined) {
      const wall = secured.host.wallNow()
      const own = openGrant(secured.authority, secured.grant)
      if (own === undefined) throw new InvalidGrantError('this node\'s grant is not signed by the mesh authority given')
      if (own.peer !== self) throw new InvalidGrantError(`this node's grant is for ${own.peer}, not for this node (${self})`)
      if (own.expires <= wall) throw new InvalidGrantError(`this node's grant expired at ${new Date(own.expires).toISOString()}`)
      this.table?.add(secured.grant, wall)
    }
  }

  /** This node's own grant (undefined in an open mesh). */
  ownGrant (): GrantEntry | undefined {
    return this.table?.get(this.self, this.host?.wallNow() ?? 0)
  }

  get open (): boolean {
    return this.table === undefined
  }

  /**
   * A connection to the peer is up: present this node's grant and the revocations known, and
   * ask for the peer's (it may still hold us as admitted and not present it again: after a
   * stream failure on one side only). True when it is admitted already.
   */
  peerUp (peer: PeerRef): boolean {
    if (this.table === undefined || this.own === undefined) return true
    if (this.admittedPeers.has(peer)) return true
    this.host?.send(peer, { type: 'grants', grants: [this.own], want: [peer], revocations: this.table.revocations().slice(0, 1024) })
    return false
  }

  peerDown (peer: PeerRef): void {
    this.admittedPeers.delete(peer)
    this.senders.delete(peer)
  }

  /** Has the peer sent this node an application message that was admitted (since its connection came up)? */
  sentData (peer: PeerRef): boolean {
    return this.senders.has(peer)
  }

  /** Neighbours whose grant expired (or was revoked) since they were admitted: no longer admitted. */
  lapsed (): PeerRef[] {
    const table = this.table
    if (table === undefined) return []
    const wall = this.host?.wallNow() ?? 0
    const out = [...this.admittedPeers].filter(p => table.get(p, wall) === undefined)
    for (const p of out) {
      this.admittedPeers.delete(p)
      this.senders.delete(p)
    }
    return out
  }

  /** Proof headers for a message re-published into a wildcard family here (wildcard-origin.ts). */
  vouch (m: AppMessage): Header[] {
    return vouchFor(m, this.table, this.host?.wallNow() ?? 0)
  }

  /** May a wildcard subscription get `origin`, described by family message `family`? Refusals are counted. */
  originAllowed (family: AppMessage, origin: AppMessage): boolean {
    const v = originAllowed(family, origin, this.seals, this.table, this.host?.wallNow() ?? 0)
    if (v === 'ok') return true
    this.stats[v]++
    return false
  }

  isAdmitted (peer: PeerRef): boolean {
    return this.table === undefined || this.admittedPeers.has(peer)
  }

  /** A revocation given to this node (by its operator): applied, and passed on to every neighbour. True when it was new. */
  revoke (s: Signed): boolean {
    if (this.table === undefined) return false
    const before = this.stats.revocations
    this.onGrants(this.self, { type: 'grants', grants: [], want: [], revocations: [s] }, this.table)
    return this.stats.revocations > before
  }

  admit (now: number, from: PeerRef, msg: Msg): Verdict {
    const table = this.table
    if (msg.type === 'grants') {
      if (table !== undefined) this.onGrants(from, msg, table)
      return 'taken'
    }
    if (table === undefined) {
      const apps = appMessagesOf(msg)
      for (const m of apps) if (!this.seals.verify(m)) return this.refuse('forged')
      if (apps.length > 0) this.senders.add(from)
      return 'admit'
    }
    const wall = this.host?.wallNow() ?? 0
    const sender = this.admittedPeers.has(from) ? table.get(from, wall) : undefined
    if (sender === undefined) {
      if (this.admittedPeers.delete(from)) this.host?.hangUp(from) // its grant expired or was revoked
      return this.refuse('unadmitted')
    }
    this.expire(now)
    const apps = appMessagesOf(msg)
    for (const m of apps) {
      if (this.held.has(m.publisher)) return this.hold(now, from, m.publisher, msg)
      if (!this.seals.verify(m)) return this.refuse('forged')
      const publisher = table.get(m.publisher, wall)
      if (publisher === undefined) return this.hold(now, from, m.publisher, msg)
      if (!publisher.mayPublish(m.topic) && !m.topic.startsWith(FAMILY_PREFIX)) return this.refuse('notGranted')
    }
    if (!this.subscriberCheck(msg, sender)) return this.refuse('notGranted')
    if (apps.length > 0) this.senders.add(from)
    return 'admit'
  }

  /** Messages a peer sends for its own subscription: it needs a grant to subscribe to the topic. */
  private subscriberCheck (msg: Msg, sender: GrantEntry): boolean {
    switch (msg.type) {
      case 'queueJoin': return msg.leave || sender.maySubscribe(msg.topic)
      case 'mailboxOpen': return sender.maySubscribe(msg.topic)
      case 'reply': return sender.maySubscribe(msg.topic)
      default: return true
    }
  }

  private refuse (why: 'forged' | 'unadmitted' | 'notGranted'): Verdict {
    this.stats[why]++
    return 'refuse'
  }

  private hold (now: number, from: PeerRef, publisher: string, msg: Msg): Verdict {
    if (this.heldCount >= MAX_HELD) return this.refuse('notGranted')
    let h = this.held.get(publisher)
    if (h === undefined) {
      this.held.set(publisher, h = { from, msgs: [], since: now })
      this.host?.send(from, { type: 'grants', grants: [], want: [publisher], revocations: [] })
    }
    h.msgs.push(msg)
    this.heldCount++
    this.stats.held++
    return 'taken'
  }

  /** Drops what waited too long for a grant. */
  private expire (now: number): void {
    for (const [publisher, h] of this.held) {
      if (now - h.since < HOLD_MS) break // in order of arrival
      this.held.delete(publisher)
      this.heldCount -= h.msgs.length
      this.stats.heldExpired += h.msgs.length
    }
  }

  private onGrants (from: PeerRef, msg: Extract<Msg, { type: 'grants' }>, table: GrantTable): void {
    const wall = this.host?.wallNow() ?? 0
    for (const s of msg.revocations) {
      const r = table.revoke(s)
      if (r === undefined) continue
      this.stats.revocations++
      // Passed on at once: every connected node hears of it within a few hops' delay.
      for (const peer of this.admittedPeers) if (peer !== from) this.host?.send(peer, { type: 'grants', grants: [], want: [], revocations: [s] })
      if (this.admittedPeers.has(r.peer) && table.get(r.peer, wall) === undefined) {
        this.admittedPeers.delete(r.peer)
        this.host?.hangUp(r.peer)
      }
    }
    for (const s of msg.grants) {
      const e = table.add(s, wall)
      if (e === undefined) { this.stats.badGrants++; continue }
      if (e.grant.peer === from && !this.admittedPeers.has(from)) {
        this.admittedPeers.add(from)
        this.host?.admitted(from)
      }
      const h = this.held.get(e.grant.peer)
      if (h !== undefined) {
        this.held.delete(e.grant.peer)
        this.heldCount -= h.msgs.length
        this.host?.release(h.from, h.msgs)
      }
    }
    // A neighbour asks for grants of publishers whose messages we passed on.
    if (msg.want.length > 0 && this.admittedPeers.has(from)) {
      const found = msg.want.slice(0, MAX_GRANTS_PER_MESSAGE).map(p => p === this.self ? this.own : table.get(p, wall)?.signed).filter((s): s is Signed => s !== undefined)
      if (found.length > 0) this.host?.send(from, { type: 'grants', grants: found, want: [], revocations: [] })
    }
  }
}

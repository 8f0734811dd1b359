// The grants and revocations a node knows, checked against its authority's key. Bounded: the
// grants of at most maxGrants peers (the oldest learned go first; a neighbour presents its own
// again when it reconnects, and a forwarder is asked for a publisher's on demand), and at most
// maxRevocations revoked peers (only the authority can add them).
import type { KeyObject } from 'node:crypto'
import type { Signed } from '../core/wire/types.ts'
import { openGrant, openRevocation } from './authority.ts'
import type { Grant, Revocation } from './authority.ts'
import { parsePattern } from '../core/wildcards.ts'

export interface GrantEntry {
  grant: Grant
  signed: Signed
  mayPublish: (topic: string) => boolean
  maySubscribe: (topic: string) => boolean
}

function matcher (patterns: readonly string[]): (topic: string) => boolean {
  const exact = new Set<string>()
  const wild: Array<(topic: string) => boolean> = []
  for (const p of patterns) {
    const w = parsePattern(p)
    if (w === undefined) exact.add(p)
    else wild.push(w.matches)
  }
  return topic => exact.has(topic) || wild.some(m => m(topic))
}

export class GrantTable {
  private readonly authority: KeyObject
  private readonly grants = new Map<string, GrantEntry>()
  private readonly revoked = new Map<string, { r: Revocation, signed: Signed }>()
  private readonly maxGrants: number
  private readonly maxRevocations: number

  constructor (authority: KeyObject, maxGrants = 10_000, maxRevocations = 10_000) {
    this.authority = authority
    this.maxGrants = maxGrants
    this.maxRevocations = maxRevocations
  }

  get size (): { grants: number, revocations: number } {
    return { grants: this.grants.size, revocations: this.revoked.size }
  }

  /** Checks and keeps a grant; returns it when it is valid now (signed, not expired, not revoked). */
  add (s: Signed, wallNow: number): GrantEntry | undefined {
    const grant = openGrant(this.authority, s)
    if (grant === undefined || !this.valid(grant, wallNow)) return undefined
    const had = this.grants.get(grant.peer)
    if (had !== undefined && had.grant.issued > grant.issued && this.valid(had.grant, wallNow)) return had
    const entry: GrantEntry = { grant, signed: s, mayPublish: matcher(grant.pub), maySubscribe: matcher(grant.sub) }
    this.grants.delete(grant.peer)
    if (this.grants.size >= this.maxGrants) this.grants.delete(this.grants.keys().next().value as string)
    this.grants.set(grant.peer, entry)
    return entry
  }

  /** The peer's grant while it is valid; an expired or revoked one is forgotten. */
  get (peer: string, wallNow: number): GrantEntry | undefined {
    const e = this.grants.get(peer)
    if (e === undefined) return undefined
    if (this.valid(e.grant, wallNow)) return e
    this.grants.delete(peer)
    return undefined
  }

  /** The revocation when this authority signed it (nothing kept). */
  opens (s: Signed): Revocation | undefined {
    return openRevocation(this.authority, s)
  }

  /** Checks and keeps a revocation; returns it when it is new (it voids more than what was known). */
  revoke (s: Signed): Revocation | undefined {
    const r = openRevocation(this.authority, s)
    if (r === undefined) return undefined
    const had = this.revoked.get(r.peer)
    if (had !== undefined && had.r.before >= r.before) return undefined
    if (had === undefined && this.revoked.size >= this.maxRevocations) return undefined
    this.revoked.set(r.peer, { r, signed: s })
    return r
  }

  /** Every revocation known (sent to a neighbour when it connects). */
  revocations (): Signed[] {
    return [...this.revoked.values()].map(v => v.signed)
  }

  valid (g: Grant, wallNow: number): boolean {
    if (g.expires <= wallNow) return false
    const r = this.revoked.get(g.peer)
    return r === undefined || g.issued >= r.r.before
  }
}

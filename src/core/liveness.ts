// When each peer we deal with was last heard from, last sent to, and last sent a refresh: the
// failure detector's and the heartbeat planner's records.
import type { PeerRef } from './routing-table.ts'

export const NEVER = -Infinity

export interface PeerRecord {
  lastHeard: number
  lastSent: number
  lastRefresh: number
}

export class Liveness {
  private readonly records = new Map<PeerRef, PeerRecord>()

  heard (ref: PeerRef): number {
    return this.records.get(ref)?.lastHeard ?? NEVER
  }

  lastSent (ref: PeerRef): number {
    return this.records.get(ref)?.lastSent ?? NEVER
  }

  /** The record of a peer we deal with (undefined for others). */
  record (ref: PeerRef): PeerRecord | undefined {
    return this.records.get(ref)
  }

  /** Heard from ref now (creates its record). */
  touch (ref: PeerRef, now: number): void {
    const p = this.records.get(ref)
    if (p === undefined) this.records.set(ref, { lastHeard: now, lastSent: NEVER, lastRefresh: NEVER })
    else if (p.lastHeard < now) p.lastHeard = now
  }

  /** Sent to ref now (creates its record); `counts`: it stands for a heartbeat. */
  sent (ref: PeerRef, now: number, counts = true): void {
    const p = this.records.get(ref)
    const at = counts ? now : NEVER
    if (p === undefined) this.records.set(ref, { lastHeard: NEVER, lastSent: at, lastRefresh: NEVER })
    else if (counts) p.lastSent = now
  }

  /** A live connection is news of the peer, but only peers we deal with get a record. */
  connected (ref: PeerRef, now: number): void {
    const rec = this.records.get(ref)
    if (rec !== undefined && rec.lastHeard < now) rec.lastHeard = now
  }

  forget (ref: PeerRef): void {
    this.records.delete(ref)
  }
}

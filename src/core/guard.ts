// The core's one hook for access control: every message from a peer passes the guard before
// any part of the core sees it. The core holds no keys and checks no signatures itself (it
// stays pure and the simulator runs without one); the node supplies a guard that checks
// publisher seals and grants (src/security/). A refused message changes no state.
import type { PeerRef } from './routing-table.ts'
import type { AppMessage, Header, Msg } from './wire/types.ts'

/** admit: the core handles it; refuse: dropped (counted); taken: the guard's own message (grants). */
export type Verdict = 'admit' | 'refuse' | 'taken'

export interface Guard {
  /** May the core handle this message from this peer? */
  admit: (now: number, from: PeerRef, msg: Msg) => Verdict
  /**
   * Headers that let a wildcard subscriber check a message forwarded into a family topic
   * (wildcards.ts) against its original publisher: the original's seal and that publisher's
   * grant. The forwarding node re-publishes under its own name; without these, its claim of
   * the original topic and publisher would be its word alone.
   */
  vouch?: (m: AppMessage) => Header[]
}

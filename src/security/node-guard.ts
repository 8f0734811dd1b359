// The guard a node gives its core (src/core/guard.ts): every application message from a peer
// must carry its publisher's valid seal (message-seal.ts), whoever forwarded it.
import type { Guard } from '../core/guard.ts'
import type { PeerRef } from '../core/routing-table.ts'
import type { Msg } from '../core/wire/types.ts'
import { SealVerifier } from './message-seal.ts'
import { appMessagesOf } from './signed-messages.ts'

export class NodeGuard implements Guard {
  readonly seals = new SealVerifier()

  admit (_now: number, _from: PeerRef, msg: Msg): boolean {
    for (const m of appMessagesOf(msg)) if (!this.seals.verify(m)) return false
    return true
  }
}

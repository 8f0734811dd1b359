// The core's counters, all at zero (CoreStats in core-types.ts says what each counts).
import type { CoreStats } from './core-types.ts'
import { MSG_TYPES } from './wire/types.ts'
import type { MsgType } from './wire/types.ts'

function zeroCounts (): Record<MsgType, number> {
  const r = {} as Record<MsgType, number>
  for (const t of MSG_TYPES) r[t] = 0
  return r
}

export function emptyStats (): CoreStats {
  return {
    sent: zeroCounts(),
    received: zeroCounts(),
    malformedFrames: 0,
    refused: 0,
    publishersEvicted: 0,
    duplicates: 0,
    gaps: 0,
    late: 0,
    stale: 0,
    nacksSent: 0,
    nacksForwarded: 0,
    replaysSent: 0,
    replaysReceived: 0,
    ackRetries: 0,
    droppedNoRoute: 0,
    repairs: 0,
    redirects: 0,
    collapses: 0,
    rootTakeovers: 0,
    handovers: 0,
    cyclesAvoided: 0,
    queueJoinsRefused: 0,
    queueAcked: 0,
    queueAcksIgnored: 0,
    queueRedeliveries: 0,
    queueDeadLettered: 0,
    queueDirectSent: 0,
    queueDirectReceived: 0,
    queueReturnsLost: 0,
    mailboxesRefused: 0,
    mailboxesDeleted: 0,
    mailboxDropped: 0,
    mailboxIgnored: 0,
    joinsRefused: 0,
    peersReported: 0
  }
}

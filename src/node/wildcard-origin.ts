// A message of a wildcard family topic (core/wildcards.ts) back as the original: its topic,
// publisher and number from the headers the forwarding node added, those headers removed.
import { ORIGIN_PUBLISHER, ORIGIN_SEQ, ORIGIN_TOPIC } from '../core/wildcards.ts'
import type { AppMessage } from '../core/wire/types.ts'

/** The original message, or null when `m` does not carry a well-formed origin. */
export function originOf (m: AppMessage): AppMessage | null {
  let topic: string | undefined
  let publisher: string | undefined
  let seq = NaN
  const headers = []
  for (const h of m.headers) {
    if (h.key === ORIGIN_TOPIC) topic = h.value
    else if (h.key === ORIGIN_PUBLISHER) publisher = h.value
    else if (h.key === ORIGIN_SEQ) seq = Number(h.value)
    else headers.push(h)
  }
  if (topic === undefined || topic === '' || publisher === undefined || publisher === '' || !Number.isSafeInteger(seq) || seq < 1) return null
  return { topic, publisher, epoch: m.epoch, seq, payload: m.payload, headers }
}

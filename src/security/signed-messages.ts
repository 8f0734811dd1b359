// Which wire messages carry application messages, so that the node seals its own on the way
// out and its guard checks every one on the way in.
import type { AppMessage, Msg } from '../core/wire/types.ts'

const NONE: readonly AppMessage[] = []

/** The application messages inside a wire message (publishes, copies, replays, mailboxes...). */
export function appMessagesOf (msg: Msg): readonly AppMessage[] {
  switch (msg.type) {
    case 'publish':
    case 'data':
    case 'replay':
    case 'stash':
    case 'queueDeliver':
    case 'mailboxDeliver':
      return [msg.message]
    case 'mailboxSync':
      return msg.messages
    default:
      return NONE
  }
}

/** This node's messages in a batch that are not sealed yet. */
export function unsealed (msgs: readonly Msg[], self: string): AppMessage[] {
  const out = new Set<AppMessage>()
  for (const msg of msgs) {
    for (const m of appMessagesOf(msg)) if (m.seal === undefined && m.publisher === self) out.add(m)
  }
  return [...out]
}

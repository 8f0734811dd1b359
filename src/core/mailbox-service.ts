// Durable mailboxes in one core: the holders' side (mailboxes.ts) and the subscribers' side
// (mailbox-client.ts), and the messages between them. A message to this node itself (the
// holder is the subscriber's node) is handled here without going out.
import type { CoreContext } from './core-context.ts'
import { MailboxClient } from './mailbox-client.ts'
import type { MailboxStore } from './mailbox-store.ts'
import { Mailboxes } from './mailboxes.ts'
import type { PeerRef } from './routing-table.ts'
import type { Msg } from './wire/types.ts'

export class MailboxService {
  readonly holders: Mailboxes
  readonly client: MailboxClient

  /** `hold`: the topic's tree must deliver here (a reliable subscription), or may stop. */
  constructor (ctx: CoreContext, store: MailboxStore, wallOffset: number, hold: (now: number, topic: string, on: boolean) => void) {
    const send = (now: number, to: PeerRef, msg: Msg): void => {
      if (to === ctx.ref) this.handle(now, to, msg)
      else ctx.out.send(now, to, msg)
    }
    this.holders = new Mailboxes(ctx, store, wallOffset, send, hold, topic => ctx.topics.get(topic)?.attached === true)
    this.client = new MailboxClient(ctx, send, (now, m) => { this.holders.onOpen(now, m) })
  }

  /** A mailbox message from a peer (or from this node to itself). */
  handle (now: number, from: PeerRef, msg: Msg): void {
    switch (msg.type) {
      case 'mailboxOpen': this.holders.onOpen(now, msg); break
      case 'mailboxState': this.client.onState(from, msg); break
      case 'mailboxDeliver': this.client.onDeliver(now, from, msg); break
      case 'mailboxAck': this.holders.onAck(now, msg); break
      case 'mailboxSync': this.holders.onSync(now, from, msg); break
    }
  }

  tick (now: number): void {
    this.holders.tick(now)
    this.client.tick(now)
  }

  onPeerFailed (now: number, ref: PeerRef): void {
    this.holders.onPeerFailed(ref)
    this.client.onPeerFailed(now, ref)
  }
}

// Where a node keeps the durable mailboxes it holds (mailboxes.ts). The core calls the store
// synchronously, as things happen, and reads it once, when it is created. The node passes a
// store on disk (src/store/sqlite-mailbox-store.ts) when it has a data directory; the
// simulator, and a node without one, keep mailboxes in memory (MemoryMailboxStore) and lose
// them with the process.
import type { AppMessage, MessageRef } from './wire/types.ts'

/** One mailbox as the store gives it back. */
export interface StoredMailbox {
  name: string
  topic: string
  /** Kept messages in the order they were kept, each with when (wall-clock ms). */
  messages: Array<{ message: AppMessage, at: number }>
  /** Per publisher session, the highest number acknowledged (everything at or below is done). */
  acked: MessageRef[]
  /** Messages dropped (overflow, age) since the mailbox was created. */
  dropped: number
}

export interface MailboxStore {
  load: () => StoredMailbox[]
  create: (name: string, topic: string) => void
  append: (name: string, topic: string, message: AppMessage, at: number) => void
  remove: (name: string, topic: string, ids: readonly MessageRef[]) => void
  /** The acknowledged watermark of one publisher session (replaces the previous one). */
  setAcked: (name: string, topic: string, ref: MessageRef) => void
  setDropped: (name: string, topic: string, dropped: number) => void
  delete: (name: string, topic: string) => void
}

/** A mailbox's name and topic as one key. */
export const boxId = (name: string, topic: string): string => `${name}\u0000${topic}`
/** A message's publisher session and number as one key. */
export const refKey = (m: MessageRef): string => `${m.publisher}\u0000${m.epoch}\u0000${m.seq}`
/** A publisher session as one key (the watermarks are per session). */
export const sessionKey = (m: MessageRef): string => `${m.publisher}\u0000${m.epoch}`

/** Mailboxes in memory (the simulator; a node without a data directory). */
export class MemoryMailboxStore implements MailboxStore {
  private readonly boxes = new Map<string, { name: string, topic: string, messages: Map<string, { message: AppMessage, at: number }>, acked: Map<string, MessageRef>, dropped: number }>()

  load (): StoredMailbox[] {
    return [...this.boxes.values()].map(b => ({ name: b.name, topic: b.topic, messages: [...b.messages.values()], acked: [...b.acked.values()], dropped: b.dropped }))
  }

  create (name: string, topic: string): void {
    if (!this.boxes.has(boxId(name, topic))) this.boxes.set(boxId(name, topic), { name, topic, messages: new Map(), acked: new Map(), dropped: 0 })
  }

  append (name: string, topic: string, message: AppMessage, at: number): void {
    this.boxes.get(boxId(name, topic))?.messages.set(refKey(message), { message, at })
  }

  remove (name: string, topic: string, ids: readonly MessageRef[]): void {
    const b = this.boxes.get(boxId(name, topic))
    if (b !== undefined) for (const id of ids) b.messages.delete(refKey(id))
  }

  setAcked (name: string, topic: string, ref: MessageRef): void {
    this.boxes.get(boxId(name, topic))?.acked.set(sessionKey(ref), ref)
  }

  setDropped (name: string, topic: string, dropped: number): void {
    const b = this.boxes.get(boxId(name, topic))
    if (b !== undefined) b.dropped = dropped
  }

  delete (name: string, topic: string): void {
    this.boxes.delete(boxId(name, topic))
  }
}

/**
 * Puts each publisher session's messages in sequence order within the places its messages hold
 * (messages of different publishers keep their interleaving). A mailbox keeps messages in the
 * order they came, which is per-publisher order except for what a merge of another holder's
 * copy or a reload added later.
 */
export function inPublisherOrder<T extends { message: MessageRef }> (list: T[]): T[] {
  const slots = new Map<string, number[]>()
  list.forEach((x, i) => {
    const k = sessionKey(x.message)
    const s = slots.get(k)
    if (s === undefined) slots.set(k, [i])
    else s.push(i)
  })
  const out = list.slice()
  for (const positions of slots.values()) {
    if (positions.length < 2) continue
    const items = positions.map(i => list[i]).sort((a, b) => a.message.seq - b.message.seq)
    positions.forEach((p, j) => { out[p] = items[j] })
  }
  return out
}

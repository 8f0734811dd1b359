// Request/reply, as nats.js has it (issue 13): `node.request(topic, data, { timeout })`
// publishes the request with a `reply` header holding the requester's number for it; a
// subscriber answers with `msg.respond(data)`, which goes straight to the requesting node
// (core Reply). The first reply resolves the request; later ones are counted and dropped.
// A topic with no subscriber fails at once with NoRespondersError (the publish's subscriber
// count, which the first publish to a topic waits for from the root), not after the timeout.
import { NodeStoppedError, RequestTimeoutError } from '../core/errors.ts'
import type { Header } from '../core/wire/types.ts'
import { toMessage } from './subscription.ts'
import type { Message } from './subscription.ts'

/** The header a request carries: the requester's number for it (decimal). */
export const REPLY_HEADER = 'reply'

interface Waiter {
  topic: string
  resolve: (m: Message) => void
  reject: (err: Error) => void
  timer: ReturnType<typeof setTimeout>
}

export class Requests {
  private next = 1
  private readonly waiting = new Map<number, Waiter>()
  /** Replies that came after the first one, or after their request timed out. */
  lateReplies = 0

  get pending (): number {
    return this.waiting.size
  }

  /** A new request: its number, and the promise of its first reply. */
  open (topic: string, timeoutMs: number): { id: number, reply: Promise<Message> } {
    const id = this.next++
    const reply = new Promise<Message>((resolve, reject) => {
      const timer = setTimeout(() => { this.fail(id, new RequestTimeoutError(topic, timeoutMs)) }, timeoutMs)
      this.waiting.set(id, { topic, resolve, reject, timer })
    })
    return { id, reply }
  }

  /** A reply came from `from`. */
  settle (from: string, topic: string, request: number, payload: Uint8Array, headers: Header[]): void {
    const w = this.waiting.get(request)
    if (w === undefined || w.topic !== topic) {
      this.lateReplies++
      return
    }
    this.waiting.delete(request)
    clearTimeout(w.timer)
    w.resolve(toMessage({ topic, publisher: from, epoch: 0, seq: 0, payload, headers }))
  }

  fail (id: number, err: Error): void {
    const w = this.waiting.get(id)
    if (w === undefined) return
    this.waiting.delete(id)
    clearTimeout(w.timer)
    w.reject(err)
  }

  /** The node stops: every open request fails. */
  close (): void {
    for (const id of [...this.waiting.keys()]) this.fail(id, new NodeStoppedError('a reply came'))
  }
}

/** The request number a delivered message asks a reply for (undefined: not a request). */
export function replyTo (headers: Header[]): number | undefined {
  for (const h of headers) {
    if (h.key !== REPLY_HEADER) continue
    const n = Number(h.value)
    return Number.isSafeInteger(n) && n >= 1 ? n : undefined
  }
  return undefined
}

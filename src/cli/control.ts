// The control socket a long-running `meshcast node` serves in its data directory: JSON lines
// over a Unix socket. Requests: {"op":"publish","topic","data"} -> {"ok":true,"subscribers"};
// {"op":"subscribe","topic","reliable"?} -> {"ok":true,"ready":true} then one {"message":{...}} per
// message and a {"dropped":{"reason","count"}} for messages that will not arrive; "ack" on a publish waits for the acknowledgement;
// {"op":"peers"} / {"op":"topics"} / {"op":"stats"} / {"op":"info"} -> {"ok":true,...};
// {"op":"revoke","data":"mcrevoke1.…"} -> {"ok":true,"new"}. Errors: {"ok":false,"error"}. A request's
// "id" (a string of at most 64 characters, or an integer) comes back on every line answering it.
import { chmodSync, existsSync, rmSync } from 'node:fs'
import { createConnection, createServer } from 'node:net'
import type { Server, Socket } from 'node:net'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import type { MeshNode } from '../node/mesh-node.ts'
import type { Message } from '../node/subscription.ts'
import { UsageError } from './args.ts'

export const CONTROL_SOCKET = 'control.sock'

export function controlPath (dataDir: string): string {
  return join(dataDir, CONTROL_SOCKET)
}

export async function serveControl (node: MeshNode, dataDir: string): Promise<Server> {
  const path = controlPath(dataDir)
  if (existsSync(path)) rmSync(path)
  const clients = new Set<Socket>()
  const server = createServer(socket => {
    clients.add(socket)
    socket.once('close', () => { clients.delete(socket) })
    handle(node, socket)
  })
  // Closing the server drops its clients too: a `sub` or `top` left attached would otherwise
  // hold a stopping node (server.close waits for every connection); they see the node go away.
  const close = server.close.bind(server)
  server.close = (cb?: (err?: Error) => void) => { for (const c of clients) c.destroy(); return close(cb) }
  await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(path, resolve) })
  // The socket drives the node: its owner only (the data directory's lock keeps a second node
  // from taking it over).
  chmodSync(path, 0o600)
  return server
}

/** Requests (and messages to acknowledge) delivered to one control connection and not answered yet, by number (bounded: the oldest go). */
class OpenRequests {
  private next = 1
  private readonly open = new Map<number, Message>()

  add (m: Message): number {
    if (this.open.size >= MAX_OPEN_REQUESTS) this.open.delete(this.open.keys().next().value as number)
    this.open.set(this.next, m)
    return this.next++
  }

  take (ref: number): Message | undefined {
    const m = this.open.get(ref)
    this.open.delete(ref)
    return m
  }
}

const MAX_OPEN_REQUESTS = 1024
/** The longest request line the control socket reads (a publish carries its payload): longer ones close the connection. */
export const MAX_CONTROL_LINE_BYTES = 2 * 1024 * 1024

function handle (node: MeshNode, socket: Socket): void {
  const reply = (o: unknown): void => { if (!socket.destroyed) socket.write(JSON.stringify(o) + '\n') }
  const requests = new OpenRequests()
  // Bounded lines: the bytes since the last newline never pass MAX_CONTROL_LINE_BYTES.
  let pending = 0
  socket.on('data', (chunk: Buffer) => {
    let over = false
    for (let start = 0; ;) {
      const nl = chunk.indexOf(10, start)
      if (nl === -1) { pending += chunk.byteLength - start; over ||= pending > MAX_CONTROL_LINE_BYTES; break }
      over ||= pending + nl - start > MAX_CONTROL_LINE_BYTES
      pending = 0
      start = nl + 1
    }
    if (!over) return
    reply({ ok: false, error: `request line over ${MAX_CONTROL_LINE_BYTES} bytes: connection closed` })
    socket.destroy()
  })
  const lines = createInterface({ input: socket })
  lines.on('line', line => {
    void (async () => {
      let req: { id?: unknown, op?: string, topic?: string, data?: string, reliable?: boolean, since?: number | { last: number } | { time: number }, replies?: boolean, ref?: number, timeout?: number, queue?: string, durable?: string, ack?: boolean | string }
      try { req = JSON.parse(line) } catch { reply({ ok: false, error: 'request is not JSON' }); return }
      if (typeof req !== 'object' || req === null) { reply({ ok: false, error: 'a request is a JSON object' }); return }
      // A request may carry an id (a string of at most 64 characters, or an integer): every line
      // answering it carries the same id, so a client can match answers on one connection.
      const id = req.id
      if (id !== undefined && !((typeof id === 'string' && id.length <= 64) || Number.isSafeInteger(id))) { reply({ ok: false, error: 'id: a string of at most 64 characters or an integer' }); return }
      const answer = (o: object): void => { reply(id === undefined ? o : { ...o, id }) }
      try {
        switch (req.op) {
          case 'publish': answer({ ok: true, subscribers: await node.publish(String(req.topic), String(req.data ?? ''), { ack: req.ack === true }) }); break
          case 'subscribe': {
            const s = req.since
            const since = s === undefined ? undefined : typeof s === 'object' && s !== null && 'time' in s ? new Date(s.time) : s
            const explicit = req.ack === 'explicit'
            const sub = node.subscribe(String(req.topic), { since, reliable: req.reliable === true, queue: req.queue === undefined ? undefined : String(req.queue), durable: req.durable === undefined ? undefined : String(req.durable), ack: explicit ? 'explicit' : undefined, onDrop: e => { answer({ dropped: { reason: e.reason, count: e.count } }) } })
            socket.once('close', () => { sub.unsubscribe() })
            await sub.ready
            answer({ ok: true, ready: true })
            for await (const m of sub) {
              // A `meshcast reply` client answers the requests by the number given here.
              // and an `ack: 'explicit'` client acknowledges by it once it printed the message.
              const ref = (req.replies === true && m.headers.reply !== undefined) || explicit ? requests.add(m) : undefined
              answer({ message: { topic: m.topic, data: m.string(), publisher: m.publisher, seq: m.seq, ref } })
            }
            break
          }
          case 'respond': {
            const m = requests.take(Number(req.ref))
            if (m === undefined) answer({ ok: false, error: `no request ${String(req.ref)} to answer on this connection` })
            else m.respond(String(req.data ?? ''))
            break
          }
          case 'ack': {
            const m = requests.take(Number(req.ref))
            if (m === undefined) answer({ ok: false, error: `no message ${String(req.ref)} to acknowledge on this connection` })
            else m.ack()
            break
          }
          case 'request': {
            const m = await node.request(String(req.topic), String(req.data ?? ''), { timeout: req.timeout })
            answer({ ok: true, message: { data: m.string(), publisher: m.publisher, headers: m.headers } })
            break
          }
          case 'peers': answer({ ok: true, peers: node.peers() }); break
          case 'topics': answer({ ok: true, topics: node.topics() }); break
          case 'stats': answer({ ok: true, stats: node.stats() }); break
          case 'info': answer({ ok: true, peerId: node.peerId, addrs: node.addrs }); break
          case 'revoke': answer({ ok: true, new: node.revoke(String(req.data ?? '')) }); break
          default: answer({ ok: false, error: `unknown op '${String(req.op)}'` })
        }
      } catch (err) {
        answer({ ok: false, error: (err as Error).message, code: (err as { code?: string }).code })
      }
    })()
  })
  socket.on('error', () => {})
}

/** Connects to the node serving DIR; a clear UsageError when there is none. */
export async function connectControl (dataDir: string): Promise<{ request: (o: object) => void, lines: AsyncIterable<string>, close: () => void, destroy: () => void }> {
  const path = controlPath(dataDir)
  if (!existsSync(path)) throw new UsageError(`no meshcast node is running with --data ${dataDir} (start one with: meshcast node --data ${dataDir})`)
  const socket = createConnection(path)
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve)
    socket.once('error', () => { reject(new UsageError(`no meshcast node answers at ${path} (is it still running?)`)) })
  })
  return {
    request: o => { socket.write(JSON.stringify(o) + '\n') },
    lines: createInterface({ input: socket }),
    close: () => { socket.end() },
    /** Closes at once, without waiting for the node to close its side (which a hung node never does). */
    destroy: () => { socket.destroy() }
  }
}

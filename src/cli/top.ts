// `meshcast top --data DIR`: a live view of a running node, redrawn every --interval ms from its
// control socket ('info' once, then 'stats' and 'topics' each tick). In a terminal: the
// alternate screen, no cursor, raw keys (q or Ctrl-C quits), restored however it ends. With
// stdout not a terminal (or --json): one snapshot from two samples --interval apart.
import { numberFlag, parse, UsageError } from './args.ts'
import { connectControl } from './control.ts'
import type { Io } from './io.ts'
import { renderTop, topSnapshot } from './top-render.ts'
import type { TopSample } from './top-render.ts'
import type { NodeStats, NodeTopicView } from '../node/mesh-node.ts'

export const TOP_HELP = `Usage: meshcast top --data DIR [--interval MS] [--json]

A live view of the node running with --data DIR, redrawn every second: messages published,
delivered and forwarded per second, send queues, drops by reason, ZeroMQ lanes, tree repairs,
and its topics, busiest first. q or Ctrl-C quits.
When standard output is not a terminal, prints one snapshot (rates over --interval) and exits.
  --data DIR       the node's data directory
  --interval MS    time between samples, in milliseconds (default 1000)
  --json           print one snapshot as JSON and exit
  -h, --help       this help
`

const DEFAULT_INTERVAL_MS = 1000
/** A node that does not answer a request for this long counts as gone. */
const REPLY_TIMEOUT_MS = 10_000

/** The node closed its control socket or stopped answering: exit code 1. */
class NodeGone extends Error {
  constructor (message: string) {
    super(message)
    this.name = 'NodeGone'
  }
}

const ESC = '\x1b['
const ALT_SCREEN_ON = `${ESC}?1049h`
const ALT_SCREEN_OFF = `${ESC}?1049l`
const CURSOR_HIDE = `${ESC}?25l`
const CURSOR_SHOW = `${ESC}?25h`

export async function runTop (argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { data: { type: 'string' }, interval: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } })
  if (values.help === true) { io.stdout(TOP_HELP); return 0 }
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`)
  if (typeof values.data !== 'string') throw new UsageError('--data DIR is required')
  const interval = numberFlag(values, 'interval', { min: 100, max: 3_600_000, integer: true }) ?? DEFAULT_INTERVAL_MS
  const dataDir = values.data
  const client = await Client.connect(dataDir)
  try {
    const live = process.stdout.isTTY && values.json !== true
    if (live) await runLive(client, interval, io)
    else await runSnapshot(client, interval, values.json === true, io)
    return 0
  } catch (err) {
    if (!(err instanceof NodeGone)) throw err
    io.stderr(`meshcast top: ${err.message}\n`)
    return 1
  } finally {
    client.close()
  }
}

/** Requests to the control socket, one at a time, each answered by one line. */
class Client {
  private readonly dataDir: string
  private readonly c: Awaited<ReturnType<typeof connectControl>>
  private readonly replies: AsyncIterator<string>
  private closed = false
  /** The request waiting for its answer: its timeout, and how to fail it when closing. */
  private waiting: { timer: NodeJS.Timeout, fail: (err: Error) => void } | undefined

  private constructor (dataDir: string, c: Awaited<ReturnType<typeof connectControl>>) {
    this.dataDir = dataDir
    this.c = c
    this.replies = c.lines[Symbol.asyncIterator]()
  }

  static async connect (dataDir: string): Promise<Client> {
    return new Client(dataDir, await connectControl(dataDir))
  }

  async sample (peerId: string): Promise<TopSample> {
    const stats = (await this.ask('stats')).stats as NodeStats
    const topics = (await this.ask('topics')).topics as NodeTopicView[]
    return { peerId, time: Date.now(), stats, topics }
  }

  async ask (op: string): Promise<Record<string, unknown>> {
    const gone = new NodeGone(`the node with --data ${this.dataDir} went away (its control socket closed)`)
    if (this.closed) throw gone
    this.c.request({ op })
    const failed = new Promise<never>((_resolve, reject) => {
      const timer = setTimeout(() => { reject(new NodeGone(`the node with --data ${this.dataDir} did not answer for ${REPLY_TIMEOUT_MS / 1000} s`)) }, REPLY_TIMEOUT_MS)
      this.waiting = { timer, fail: reject }
    })
    let next: IteratorResult<string>
    try {
      next = await Promise.race([this.replies.next(), failed])
    } catch (err) {
      if (err instanceof NodeGone) throw err
      throw gone // the socket failed (reset by a node that died)
    } finally {
      clearTimeout(this.waiting?.timer)
      this.waiting = undefined
    }
    if (next.done === true) throw gone
    const r = JSON.parse(next.value)
    if (r.ok !== true) throw new Error(`the node refused '${op}': ${String(r.error)}`)
    return r
  }

  /** Closes the socket at once; a request still waiting fails. */
  close (): void {
    this.closed = true
    this.c.destroy()
    clearTimeout(this.waiting?.timer)
    this.waiting?.fail(new NodeGone('closed'))
    this.waiting = undefined
  }
}

async function runSnapshot (client: Client, interval: number, json: boolean, io: Io): Promise<void> {
  const { peerId } = await client.ask('info') as { peerId: string }
  const first = await client.sample(peerId)
  const t0 = performance.now()
  await new Promise(resolve => setTimeout(resolve, interval))
  const second = await client.sample(peerId)
  const elapsed = performance.now() - t0
  if (json) io.stdout(JSON.stringify(topSnapshot(first, second, elapsed)) + '\n')
  else io.stdout(renderTop(first, second, elapsed, { rows: Infinity, columns: Infinity }).join('\n') + '\n')
}

/**
 * Redraws until q, Ctrl-C, SIGINT or SIGTERM (resolves) or the node goes away (NodeGone).
 * Whatever happens, the terminal is given back as it was: main screen, cursor, cooked mode.
 */
async function runLive (client: Client, interval: number, io: Io): Promise<void> {
  const stdin = process.stdin
  const out = process.stdout
  let quit!: () => void
  const quitting = new Promise<void>(resolve => { quit = resolve })
  let quitRequested = false
  const onQuit = (): void => { quitRequested = true; quit() }
  const onKey = (b: Buffer): void => {
    // q, Q, Ctrl-C (raw mode: no SIGINT), Ctrl-D.
    if (b.includes(0x71) || b.includes(0x51) || b.includes(0x03) || b.includes(0x04)) onQuit()
  }
  let prev: TopSample | undefined
  let cur: TopSample | undefined
  let elapsed = 0
  const draw = (): void => {
    if (cur === undefined) return
    const lines = renderTop(prev, cur, elapsed, { rows: out.rows ?? 24, columns: out.columns ?? 80, live: true })
    // Home, each line then erase its rest, erase below: no newline after the last row, so no scrolling.
    io.stdout(`${ESC}H` + lines.map(l => l + `${ESC}K`).join('\r\n') + `${ESC}J`)
  }
  const restore = (): void => { io.stdout(CURSOR_SHOW + ALT_SCREEN_OFF) }

  process.once('SIGINT', onQuit)
  process.once('SIGTERM', onQuit)
  process.once('exit', restore) // an exit that skips the finally below
  out.on('resize', draw)
  const raw = stdin.isTTY
  if (raw) {
    stdin.setRawMode(true)
    stdin.on('data', onKey)
    stdin.resume()
  }
  io.stdout(ALT_SCREEN_ON + CURSOR_HIDE + `${ESC}2J`)
  let timer: NodeJS.Timeout | undefined
  try {
    const info = await untilQuit(client.ask('info'), quitting)
    if (info === undefined) return
    const peerId = String(info.peerId)
    cur = await untilQuit(client.sample(peerId), quitting)
    if (cur === undefined) return
    let at = performance.now() // each sample's time: when its answers were in
    draw()
    while (!quitRequested) {
      const tick = new Promise<void>(resolve => { timer = setTimeout(resolve, interval) })
      await Promise.race([tick, quitting])
      clearTimeout(timer)
      if (quitRequested) break
      const next = await untilQuit(client.sample(peerId), quitting)
      if (next === undefined) break
      const now = performance.now()
      prev = cur
      cur = next
      elapsed = now - at
      at = now
      draw()
    }
  } finally {
    clearTimeout(timer)
    process.off('SIGINT', onQuit)
    process.off('SIGTERM', onQuit)
    process.off('exit', restore)
    out.off('resize', draw)
    if (raw) {
      stdin.off('data', onKey)
      stdin.setRawMode(false)
      stdin.pause()
    }
    restore()
  }
}

/** The request's answer, or undefined when quit comes first (the request is then abandoned). */
async function untilQuit<T> (request: Promise<T>, quitting: Promise<void>): Promise<T | undefined> {
  request.catch(() => {}) // an abandoned request fails when the socket closes
  return await Promise.race([request, quitting.then(() => undefined)])
}

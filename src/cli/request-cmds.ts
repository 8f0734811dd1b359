// `meshcast request | reply` (issue 13, item 5), as `nats request | reply`: through a running
// node's control socket (--data DIR) or an ephemeral node that joins through --bootstrap.
import { execFile } from 'node:child_process'
import type { MeshNode } from '../node/mesh-node.ts'
import { CommandFailed, numberFlag, parse, UsageError } from './args.ts'
import { ephemeral, target } from './client-cmds.ts'
import { connectControl } from './control.ts'
import type { Io } from './io.ts'

export const REQUEST_HELP = `Usage: meshcast request TOPIC MESSAGE (--data DIR | --bootstrap MULTIADDR) [--timeout MS]

Sends MESSAGE as a request and prints the first reply. Exits 1 with a message when nobody
subscribes to TOPIC (no responders) or no reply came within the timeout.
  --data DIR            use the node running with this data directory
  --bootstrap MULTIADDR start a short-lived node that joins through this peer (an open
                        mesh only: with --open)
  --timeout MS          how long to wait for a reply (default 1000)
`
export const REPLY_HELP = `Usage: meshcast reply TOPIC [RESPONSE] (--data DIR | --bootstrap MULTIADDR) [--command CMD] [--queue GROUP] [--count N]

Answers the requests sent to TOPIC: with RESPONSE, or with what CMD prints when run through
the shell with the request on its standard input. Prints each request on standard output.
  --command CMD  run CMD for each request (at most 10 s; 1 MiB of output)
  --queue GROUP  answer as one member of GROUP: each request goes to one member (the service
                 pattern; default: the group 'meshcast-reply', so replies never compete)
  --count N      exit after answering N requests
`

const OPTIONS = {
  data: { type: 'string' }, bootstrap: { type: 'string', multiple: true }, timeout: { type: 'string' }, open: { type: 'boolean' },
  command: { type: 'string' }, count: { type: 'string' }, queue: { type: 'string' }, help: { type: 'boolean', short: 'h' }
} as const

const COMMAND_TIMEOUT_MS = 10_000
/** As `nats reply`, every `meshcast reply` of a topic is in one queue group unless told otherwise. */
const DEFAULT_GROUP = 'meshcast-reply'
const COMMAND_MAX_OUTPUT = 1024 * 1024

export async function runRequest (argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS)
  if (values.help === true) { io.stdout(REQUEST_HELP); return 0 }
  const [topic, message, extra] = positionals
  if (topic === undefined) throw new UsageError('missing TOPIC')
  if (message === undefined) throw new UsageError('missing MESSAGE')
  if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}' (quote a message with spaces)`)
  if (values.command !== undefined || values.count !== undefined || values.queue !== undefined) throw new UsageError('--command, --count and --queue are options of meshcast reply')
  const timeout = numberFlag(values, 'timeout', { min: 1, max: 3_600_000 }) ?? 1000
  const t = target(values)
  if (t.data !== undefined) {
    const c = await connectControl(t.data)
    try {
      c.request({ op: 'request', topic, data: message, timeout })
      const r = JSON.parse((await c.lines[Symbol.asyncIterator]().next()).value as string)
      if (r.ok !== true) throw failure(r.code, String(r.error))
      io.stdout(String(r.message.data) + '\n')
    } finally { c.close() }
    return 0
  }
  const node = await ephemeral(t.bootstrap ?? [], values)
  try {
    const reply = await node.request(topic, message, { timeout }).catch((err: { code?: string, message: string }) => { throw failure(err.code, err.message) })
    io.stdout(reply.string() + '\n')
  } finally { await node.stop() }
  return 0
}

export async function runReply (argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS)
  if (values.help === true) { io.stdout(REPLY_HELP); return 0 }
  const [topic, response, extra] = positionals
  if (topic === undefined) throw new UsageError('missing TOPIC')
  if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}' (quote a response with spaces)`)
  const command = values.command as string | undefined
  if ((response === undefined) === (command === undefined)) throw new UsageError('give a RESPONSE or --command CMD (one of them)')
  if (values.timeout !== undefined) throw new UsageError('--timeout is an option of meshcast request')
  const count = numberFlag(values, 'count', { min: 1, integer: true }) ?? Infinity
  const queue = (values.queue as string | undefined) ?? DEFAULT_GROUP
  const answer = async (request: string): Promise<string> => command === undefined ? response as string : await run(command, request, io)
  const t = target(values)
  let answered = 0
  if (t.data !== undefined) {
    const c = await connectControl(t.data)
    c.request({ op: 'subscribe', topic, replies: true, queue })
    for await (const line of c.lines) {
      const r = JSON.parse(line)
      if (r.ok === false) throw new UsageError(String(r.error))
      if (r.message === undefined || r.message.ref === undefined) continue
      io.stdout(String(r.message.data) + '\n')
      c.request({ op: 'respond', ref: r.message.ref, data: await answer(String(r.message.data)) })
      if (++answered >= count) break
    }
    c.close()
    return 0
  }
  const node: MeshNode = await ephemeral(t.bootstrap ?? [], values)
  try {
    const sub = node.subscribe(topic, { queue })
    for await (const m of sub) {
      io.stdout(m.string() + '\n')
      if (!m.respond(await answer(m.string()))) continue
      if (++answered >= count) break
    }
    await new Promise(resolve => setTimeout(resolve, 300)) // let the last reply leave
  } finally { await node.stop() }
  return 0
}

/** What CMD prints (one trailing newline removed) for a request on its standard input. */
async function run (command: string, input: string, io: Io): Promise<string> {
  return await new Promise(resolve => {
    const child = execFile('/bin/sh', ['-c', command], { timeout: COMMAND_TIMEOUT_MS, maxBuffer: COMMAND_MAX_OUTPUT }, (err, stdout) => {
      if (err !== null) io.stderr(`meshcast reply: --command failed: ${err.message.split('\n')[0]}\n`)
      resolve(stdout.replace(/\n$/, ''))
    })
    child.stdin?.end(input)
  })
}

function failure (code: string | undefined, message: string): Error {
  return code === 'ERR_NO_RESPONDERS' || code === 'ERR_REQUEST_TIMEOUT' || code === 'ERR_NODE_STOPPED' ? new CommandFailed(message) : new UsageError(message)
}

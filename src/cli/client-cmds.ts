// `meshcast pub | sub | peers | topics`: through a running node's control socket (--data DIR)
// or, for pub and sub, an ephemeral node that joins through --bootstrap.
import { createInterface } from 'node:readline'
import type { DropCounts, MeshNode, NodeStats, NodeTopicView } from '../node/mesh-node.ts'
import { CommandFailed, numberFlag, parse, UsageError } from './args.ts'
import { connectControl } from './control.ts'
import type { Io } from './io.ts'
import { awaitBootstrap, checkMultiaddrs } from './peering.ts'

export const PUB_HELP = `Usage: meshcast pub TOPIC [MESSAGE] (--data DIR | --bootstrap MULTIADDR) [--ack] [--quiet]

Publishes MESSAGE, or each line of standard input when MESSAGE is absent, and prints for each
how many subscribers the topic's tree reported (0: nobody listens).
  --data DIR            use the node running with this data directory
  --bootstrap MULTIADDR start a short-lived node that joins through this peer (an open
                        mesh only: with --open)
  --ack                 wait until the topic's root and a replica hold each message; exit 1
                        if one is not acknowledged in time
  --quiet               print nothing
`
export const SUB_HELP = `Usage: meshcast sub TOPIC (--data DIR | --bootstrap MULTIADDR) [--queue GROUP | --durable NAME] [--reliable] [--since S] [--json] [--count N]

Prints each message's payload on its own line as it arrives. Messages that will not arrive
(a gap in a publisher's numbers, a consumer too slow) are reported on standard error.
  --queue GROUP  share the messages with the other subscribers in GROUP: each goes to one
               of them (a work queue, as nats sub --queue). Each message is acknowledged once
               it is written to standard output; one that is not (this process died first) is
               delivered to another member
  --durable NAME  a durable subscription: while no subscriber of NAME is there, the mesh keeps
               the topic's messages for it (on the two nodes closest to the mailbox, on disk
               where they have --data), and delivers them in order when a sub --durable NAME
               returns, on any node. Each message is acknowledged once written to standard
               output
  --reliable   ask the tree again for what this node missed while its branch repaired
  --since S    start with what the topic's root retained: from sequence number S, from an
               ISO date (2026-11-30T12:00:00Z), or last:N for the last N; implies --reliable
  --json       print JSON lines {"topic","data","publisher","seq"}
  --count N    exit after N messages
`
export const PEERS_HELP = 'Usage: meshcast peers --data DIR\n\nLists the peers the node is connected to.\n'
export const TOPICS_HELP = 'Usage: meshcast topics --data DIR [--json]\n\nLists the trees the node is in: role, parent, children, queue groups (at the root),\nmessages dropped by reason.\n'
export const STATS_HELP = 'Usage: meshcast stats --data DIR [--json]\n\nThe node\'s counters: frames per transport, the ZeroMQ lanes (state, queue, failures),\nmessages dropped by reason, reliable delivery (gaps, resends) and queue groups (acknowledged,\nredelivered, dead-lettered) and durable mailboxes (held, dropped).\n'

const CLIENT_OPTIONS = {
  data: { type: 'string' }, bootstrap: { type: 'string', multiple: true }, json: { type: 'boolean' },
  count: { type: 'string' }, durable: { type: 'string' }, quiet: { type: 'boolean', short: 'q' }, help: { type: 'boolean', short: 'h' },
  ack: { type: 'boolean' }, reliable: { type: 'boolean' }, since: { type: 'string' }, queue: { type: 'string' }, open: { type: 'boolean' }
} as const

/** --since: a sequence number, an ISO date, or last:N (as the API's `since`). */
function sinceOption (s: string | undefined): number | Date | { last: number } | undefined {
  if (s === undefined) return undefined
  const last = /^last:(\d+)$/.exec(s)
  if (last !== null && Number(last[1]) >= 1) return { last: Number(last[1]) }
  if (/^\d+$/.test(s) && Number(s) >= 1) return Number(s)
  const d = new Date(s)
  if (/^\d{4}-\d{2}-\d{2}/.test(s) && Number.isFinite(d.getTime())) return d
  throw new UsageError(`--since ${s}: give a sequence number from 1, an ISO date, or last:N`)
}

/** --bootstrap's short-lived node: a new key, so no grant; it joins an open mesh only. */
export async function ephemeral (bootstrap: string[], values: Record<string, unknown>): Promise<MeshNode> {
  if (values.open !== true) throw new UsageError('--bootstrap starts a short-lived node with a new key, which has no grant: it joins only an open mesh (add --open). In a secured mesh, use --data DIR of a running node')
  // libp2p is loaded only for a command that runs a node of its own (seconds of start-up).
  const { createNode } = await import('../node/mesh-node.ts')
  const node = await createNode({ open: true, bootstrap: checkMultiaddrs('bootstrap', bootstrap) })
  await awaitBootstrap(node, bootstrap)
  return node
}

export function target (values: Record<string, unknown>): { data?: string, bootstrap?: string[] } {
  const data = values.data as string | undefined
  const bootstrap = values.bootstrap as string[] | undefined
  if (data === undefined && (bootstrap === undefined || bootstrap.length === 0)) throw new UsageError('give --data DIR (a running node) or --bootstrap MULTIADDR')
  return { data, bootstrap }
}

export async function runPub (argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, CLIENT_OPTIONS)
  if (values.help === true) { io.stdout(PUB_HELP); return 0 }
  const [topic, message, extra] = positionals
  if (topic === undefined) throw new UsageError('missing TOPIC')
  if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}' (quote a message with spaces)`)
  const t = target(values)
  const report = (n: number): void => { if (values.quiet !== true) io.stdout(`published to ${topic}: ${n} subscriber${n === 1 ? '' : 's'}\n`) }
  const messages: AsyncIterable<string> = message !== undefined ? [message] as unknown as AsyncIterable<string> : createInterface({ input: process.stdin })
  if (t.data !== undefined) {
    const c = await connectControl(t.data)
    const replies = c.lines[Symbol.asyncIterator]()
    try {
      for await (const m of messages) {
        c.request({ op: 'publish', topic, data: m, ack: values.ack === true })
        const r = JSON.parse((await replies.next()).value as string)
        if (r.ok !== true) throw r.code === 'ERR_PUBLISH_NOT_ACKNOWLEDGED' || r.code === 'ERR_NODE_STOPPED' ? new CommandFailed(String(r.error)) : new UsageError(String(r.error))
        report(Number(r.subscribers))
      }
    } finally { c.close() }
    return 0
  }
  const node = await ephemeral(t.bootstrap ?? [], values)
  try {
    for await (const m of messages) report(await node.publish(topic, m, { ack: values.ack === true }))
    await new Promise(resolve => setTimeout(resolve, 300)) // let the last frames leave
  } finally { await node.stop() }
  return 0
}

export async function runSub (argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, CLIENT_OPTIONS)
  if (values.help === true) { io.stdout(SUB_HELP); return 0 }
  const [topic, extra] = positionals
  if (topic === undefined) throw new UsageError('missing TOPIC')
  if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}'`)
  const count = numberFlag(values, 'count', { min: 1, integer: true }) ?? Infinity
  const since = sinceOption(values.since as string | undefined)
  const json = values.json === true
  const print = (m: { topic: string, data: string, publisher: string, seq: number }): void => {
    io.stdout(json ? JSON.stringify(m) + '\n' : m.data + '\n')
  }
  const t = target(values)
  let seen = 0
  if (t.data !== undefined) {
    const c = await connectControl(t.data)
    c.request({ op: 'subscribe', topic, reliable: values.reliable === true, since: since instanceof Date ? { time: since.getTime() } : since, queue: values.queue, durable: values.durable, ack: values.queue !== undefined || values.durable !== undefined ? 'explicit' : undefined })
    for await (const line of c.lines) {
      const r = JSON.parse(line)
      if (r.ok === false) throw new UsageError(String(r.error))
      if (r.dropped !== undefined) io.stderr(dropLine(topic, r.dropped))
      if (r.message === undefined) continue
      print(r.message)
      if (r.message.ref !== undefined) c.request({ op: 'ack', ref: r.message.ref })
      if (++seen >= count) break
    }
    c.close()
    return 0
  }
  const node = await ephemeral(t.bootstrap ?? [], values)
  try {
    const queue = values.queue as string | undefined
    const durable = values.durable as string | undefined
    const sub = node.subscribe(topic, { reliable: values.reliable === true, since, queue, durable, ack: queue !== undefined || durable !== undefined ? 'explicit' : undefined, onDrop: e => { io.stderr(dropLine(topic, e)) } })
    for await (const m of sub) {
      print({ topic: m.topic, data: m.string(), publisher: m.publisher, seq: m.seq })
      m.ack()
      if (++seen >= count) break
    }
  } finally { await node.stop() }
  return 0
}

function dropLine (topic: string, d: { reason: string, count: number }): string {
  return `meshcast sub: ${d.count} message${d.count === 1 ? '' : 's'} of ${topic} will not arrive (${d.reason})\n`
}

export async function runInfo (what: 'peers' | 'topics' | 'stats', argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { data: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } })
  if (values.help === true) { io.stdout(what === 'peers' ? PEERS_HELP : what === 'topics' ? TOPICS_HELP : STATS_HELP); return 0 }
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`)
  if (typeof values.data !== 'string') throw new UsageError('--data DIR is required')
  const c = await connectControl(values.data)
  c.request({ op: what })
  const first = await c.lines[Symbol.asyncIterator]().next()
  c.close()
  const r = JSON.parse(first.value as string)
  if (r.ok !== true) throw new UsageError(String(r.error))
  if (values.json === true) io.stdout(JSON.stringify(r[what]) + '\n')
  else if (what === 'peers') io.stdout((r.peers as string[]).map(p => p + '\n').join(''))
  else if (what === 'stats') io.stdout(formatStats(r.stats as NodeStats))
  else {
    for (const t of r.topics as NodeTopicView[]) {
      const groups = t.queueGroups === undefined ? '' : `  queue-groups=${Object.entries(t.queueGroups).map(([g, n]) => `${g}:${n}`).join(',')}`
      io.stdout(`${t.topic}  role=${t.role}${t.subscribed ? ' (subscribed)' : ''}  depth=${t.depth}  subscribers-below=${t.subscribers}${groups}  dropped=${formatDrops(t.dropped)}\n` +
        `  root=${t.root ?? '-'}\n  parent=${t.parent ?? '-'}\n` + t.children.map(c => `  child=${c}\n`).join(''))
    }
  }
  return 0
}

function formatDrops (d: DropCounts): string {
  const parts = Object.entries(d).map(([k, v]) => `${k}:${v}`)
  return parts.length === 0 ? '0' : parts.join(',')
}

function formatStats (s: NodeStats): string {
  const lines = [
    `peers ${s.peers}  routing table ${s.routingTable}`,
    `libp2p   frames sent ${s.transport.framesSent}  received ${s.transport.framesReceived}  queue drops ${s.transport.droppedQueueFull}`,
    s.lan === undefined
      ? 'zeromq   off (--lan off)'
      : `zeromq   frames sent ${s.lan.framesSent}  received ${s.lan.framesReceived}  lanes opened ${s.lan.lanesOpened}  fallbacks ${s.lan.fallbacks}  zap refused ${s.lan.zapRefused}`,
    `dropped  ${formatDrops(s.dropped)}`,
    `reliable gaps ${s.core.gaps}  nacks sent ${s.core.nacksSent}  replays sent ${s.core.replaysSent} received ${s.core.replaysReceived}  publish retries ${s.core.ackRetries}`,
    `queues   acknowledged ${s.core.queueAcked}  redeliveries ${s.core.queueRedeliveries}  dead-lettered ${s.core.queueDeadLettered}  answers ignored ${s.core.queueAcksIgnored}  joins refused ${s.core.queueJoinsRefused}`,
    `mailbox  held ${s.mailboxes}  messages kept ${s.mailboxMessages}  dropped over bounds ${s.core.mailboxDropped}  deleted ${s.core.mailboxesDeleted}  refused ${s.core.mailboxesRefused}`
  ]
  for (const p of s.paths) {
    const lane = p.lane === undefined ? '' : `  lane=${p.lane.state} queued=${p.lane.queued} failures=${p.lane.failures}${p.lane.lastError === '' ? '' : ` (${p.lane.lastError})`}`
    lines.push(`peer ${p.peer}  path=${p.path}  data frames zeromq=${p.dataFrames.zeromq} libp2p=${p.dataFrames.libp2p}${lane}`)
  }
  return lines.join('\n') + '\n'
}

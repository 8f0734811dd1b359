// One request/reply run: `responders` endpoints join queue group `svc` of a topic and answer
// each request with its payload; the client sends `warmup` + `count` sequential 100-byte
// requests (the next once the reply came) and reports the round trips of the last `count`.
import { percentile } from '../bench-node/stats.ts'
import type { Cluster } from './cluster.ts'
import type { RequestsReport, System } from './protocol.ts'

export interface RequestReplyOptions { responders: number, count: number, warmup: number, timeoutMs: number, timeLimitMs: number }

export interface RequestReplyResult {
  system: System
  topic: string
  replies: number
  errors: number
  wrongReplies: number
  p50: number | null
  p99: number | null
  max: number | null
  rttMs: number[]
  lastError: string
}

const GROUP = 'svc'

export async function runRequestReply (c: Cluster, system: System, o: RequestReplyOptions, round: number, log: (s: string) => void): Promise<RequestReplyResult> {
  const topic = system === 'meshcast' ? c.meshTopic('bench-services-svc') : `bench.services.svc.${round}`
  await Promise.all(Array.from({ length: o.responders }, async (_, i) => { await c.endpoint(i).request({ op: 'queue-subscribe', system, topic, group: GROUP, respond: true, timeoutMs: 15_000 }, 30_000) }))
  if (system === 'meshcast') await c.waitMembers(topic, GROUP, o.responders, 15_000)
  try {
    const r = await c.client.request<RequestsReport>({ op: 'requests', system, topic, count: o.count, warmup: o.warmup, timeoutMs: o.timeoutMs, timeLimitMs: o.timeLimitMs }, o.timeLimitMs + o.timeoutMs + 30_000)
    const result: RequestReplyResult = {
      system,
      topic,
      replies: r.rttMs.length,
      errors: r.errors,
      wrongReplies: r.wrongReplies,
      p50: percentile(r.rttMs, 0.5),
      p99: percentile(r.rttMs, 0.99),
      max: percentile(r.rttMs, 1),
      rttMs: r.rttMs,
      lastError: r.lastError
    }
    log(`[bench:services] ${system} request/reply: ${result.replies}/${o.count} replies in ${r.elapsedMs.toFixed(0)} ms, p50 ${result.p50?.toFixed(3)} ms, p99 ${result.p99?.toFixed(3)} ms, max ${result.max?.toFixed(3)} ms, errors ${r.errors}${r.lastError === '' ? '' : ` (${r.lastError})`}, wrong replies ${r.wrongReplies}`)
    return result
  } finally {
    await Promise.all(Array.from({ length: o.responders }, async (_, i) => { await c.endpoint(i).request({ op: 'unsubscribe', system, topic }, 10_000).catch(() => {}) }))
  }
}

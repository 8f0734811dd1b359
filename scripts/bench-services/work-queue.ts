// One work-queue run: the client produces `count` 100-byte messages as fast as it can into
// queue group `workers` of a topic, joined by every endpoint; each message must reach exactly
// one worker. Delivered msgs/s = distinct messages delivered / (last delivery - first send).
import { percentile } from '../bench-node/stats.ts'
import type { Cluster } from './cluster.ts'
import type { CollectReport, ProduceReport, System } from './protocol.ts'

export interface WorkQueueOptions { workers: number, count: number, warmup: number, chunk: number, timeLimitMs: number, idleMs: number }

export interface WorkQueueResult {
  system: System
  topic: string
  msgsPerSec: number | null
  sent: number
  publishErrors: number
  delivered: number
  lost: number
  /** Messages delivered more than once (to one worker twice, or to two workers). */
  duplicates: number
  perWorker: number[]
  /** ms from the first send to the last send and to the last delivery. */
  sendMs: number
  lastDeliveryMs: number | null
  lastError: string
  /** meshcast: the nodes' drop counters after the run (cumulative), by worker index, when not zero. */
  drops?: Record<number, Record<string, number>>
}

const GROUP = 'workers'

async function sleep (ms: number): Promise<void> { await new Promise(resolve => setTimeout(resolve, ms)) }

/** Polls the workers' distinct counts until `expected`, or no progress for idleMs, or the deadline. */
async function waitDeliveries (c: Cluster, o: WorkQueueOptions, phaseId: number, expected: number, deadline: number): Promise<number> {
  let total = 0
  let changed = Date.now()
  while (Date.now() < deadline) {
    const counts = await Promise.all(Array.from({ length: o.workers }, async (_, i) => await c.endpoint(i).request<number>({ op: 'count', phaseId }, 10_000)))
    const now = counts.reduce((a, b) => a + b, 0)
    if (now !== total) { total = now; changed = Date.now() }
    if (total >= expected || Date.now() - changed > o.idleMs) break
    await sleep(50)
  }
  return total
}

export async function runWorkQueue (c: Cluster, system: System, o: WorkQueueOptions, phaseIds: { warm: number, measured: number }, log: (s: string) => void): Promise<WorkQueueResult> {
  const topic = system === 'meshcast' ? c.meshTopic('bench-services-work') : `bench.services.work.${phaseIds.measured}`
  await Promise.all(Array.from({ length: o.workers }, async (_, i) => { await c.endpoint(i).request({ op: 'queue-subscribe', system, topic, group: GROUP, respond: false, timeoutMs: 15_000 }, 30_000) }))
  if (system === 'meshcast') await c.waitMembers(topic, GROUP, o.workers, 15_000)
  try {
    if (o.warmup > 0) {
      await c.client.request<ProduceReport>({ op: 'produce', system, topic, phaseId: phaseIds.warm, count: o.warmup, chunk: o.chunk, timeLimitMs: o.timeLimitMs }, o.timeLimitMs + 30_000)
      const got = await waitDeliveries(c, o, phaseIds.warm, o.warmup, Date.now() + 10_000)
      log(`[bench:services] ${system} work queue warm-up: ${got}/${o.warmup} delivered`)
    }
    const deadline = Date.now() + o.timeLimitMs + 30_000
    const produced = await c.client.request<ProduceReport>({ op: 'produce', system, topic, phaseId: phaseIds.measured, count: o.count, chunk: o.chunk, timeLimitMs: o.timeLimitMs }, o.timeLimitMs + 30_000)
    await waitDeliveries(c, o, phaseIds.measured, o.count, deadline)
    const reports = await Promise.all(Array.from({ length: o.workers }, async (_, i) => await c.endpoint(i).request<CollectReport>({ op: 'collect', phaseId: phaseIds.measured }, 30_000)))
    const seen = new Set<number>()
    let duplicates = 0
    for (const r of reports) {
      duplicates += r.duplicates
      for (const i of r.indices) { if (seen.has(i)) duplicates++; else seen.add(i) }
    }
    const lasts = reports.flatMap(r => r.last === null ? [] : [r.last])
    const last = percentile(lasts, 1)
    const lastDeliveryMs = last === null ? null : last - produced.startedAt
    const result: WorkQueueResult = {
      system,
      topic,
      msgsPerSec: lastDeliveryMs === null || lastDeliveryMs <= 0 ? null : seen.size / lastDeliveryMs * 1000,
      sent: produced.sent,
      publishErrors: produced.errors,
      delivered: seen.size,
      lost: o.count - seen.size,
      duplicates,
      perWorker: reports.map(r => r.indices.length),
      sendMs: produced.endedAt - produced.startedAt,
      lastDeliveryMs,
      lastError: produced.lastError
    }
    if (system === 'meshcast' && result.lost > 0) {
      result.drops = await c.drops()
      log(`[bench:services] meshcast drop counters (cumulative, by worker): ${JSON.stringify(result.drops)}`)
    }
    log(`[bench:services] ${system} work queue: ${result.delivered}/${o.count} delivered in ${lastDeliveryMs?.toFixed(0) ?? 'n/a'} ms (sent in ${result.sendMs.toFixed(0)} ms), per worker ${result.perWorker.join(',')}, duplicates ${duplicates}, publish errors ${produced.errors}${produced.lastError === '' ? '' : ` (${produced.lastError})`}`)
    return result
  } finally {
    await Promise.all(Array.from({ length: o.workers }, async (_, i) => { await c.endpoint(i).request({ op: 'unsubscribe', system, topic }, 10_000).catch(() => {}) }))
  }
}

// The cases of `npm run bench:lan`: for each (subscribers, size, system), a fresh subscriber
// process and a fresh publisher process (./worker.ts), then
//  1. warm-up: a probe every 50 ms until every subscriber has had one (at most 30 s, else
//     the case fails); this also gets PUB/SUB past its slow joiner;
//  1b. unloaded latency: the paced phase of step 3 once before any burst (after one unmeasured
//     second at the same pace, for the JIT), the figure step 3 is compared with (same
//     processes, same trees, the machine's load of the moment);
//  2. throughput: `bursts` bursts (default 3), each `messages` sends as fast as the publisher
//     can (awaiting each send that returns a promise, a turn of the event loop every 1,000),
//     at most 20 s; each burst waits until every delivery arrived or none came for 2 s;
//     delivered msgs/s = deliveries over all subscribers / (last delivery - first send), the
//     median over the bursts (one sub-second burst on a busy 2-core machine varies by +-25%);
//  3. latency after the bursts: `rate` msgs/s for `seconds`, timer-driven (late timers catch
//     up in a batch), every delivery's one-way latency (send stamp to onMessage, one clock on
//     this machine, corrected by the two processes' clock skew measured over IPC). Did the
//     system recover from the overload: every message delivered, p50 near the unloaded one?
// Both processes are stopped by PID when the case ends, whichever way it ends.
import { fileURLToPath } from 'node:url'
import { IpcWorker } from '../bench-node/procs.ts'
import { percentile, ratio, round } from '../bench-node/stats.ts'
import { KIND_LATENCY, KIND_THROUGHPUT, wallNow } from './protocol.ts'
import type { PhaseReport, ProbeReport, Request, Role, SendReport, StartedSubscribers } from './protocol.ts'

export const BASELINE = 'zeromq'
const WARMUP_INTERVAL_MS = 50
const WARMUP_LIMIT_MS = 30_000
const BURST_LIMIT_MS = 20_000
const YIELD_EVERY = 1000
const IDLE_MS = 2000
/** Bound on waiting for the deliveries of a phase after its last send. */
const DRAIN_LIMIT_MS = 60_000

export interface CaseSpec {
  system: string
  subscribers: number
  size: number
  /** Throughput phase: bursts of `messages` sends each (the median burst is the figure). */
  messages: number
  bursts: number
  /** Latency phase: msgs/s and seconds. */
  rate: number
  seconds: number
}

export interface BurstResult {
  sent: number
  sendErrors: number
  expected: number
  delivered: number
  malformed: number
  deliveredPerSec: number | null
  publishedPerSec: number | null
  /** ms from the first send to the last delivery. */
  windowMs: number | null
  minPerSubscriber: number
  maxPerSubscriber: number
  end: PhaseReport['end']
}

export interface ThroughputResult {
  /** Messages per burst. */
  planned: number
  /** Totals over every burst. */
  sent: number
  sendErrors: number
  expected: number
  delivered: number
  malformed: number
  loss: number | null
  /** Median over the bursts. */
  deliveredPerSec: number | null
  publishedPerSec: number | null
  bursts: BurstResult[]
}

export interface LatencyResult {
  rate: number
  planned: number
  sent: number
  sendErrors: number
  /** The most messages sent in one timer tick (catching up with late timers). */
  maxBatch: number
  expected: number
  delivered: number
  malformed: number
  loss: number | null
  p50Us: number | null
  p99Us: number | null
  maxUs: number | null
  meanUs: number | null
  end: PhaseReport['end']
}

export interface CaseResult {
  system: string
  subscribers: number
  size: number
  ok: boolean
  error: string | null
  warmupMs: number | null
  throughput: ThroughputResult | null
  /** The paced phase after the bursts. */
  latency: LatencyResult | null
  /** The same paced phase before the bursts (the unloaded figure). */
  latencyUnloaded: LatencyResult | null
  clock: ClockResult | null
  wallMs: number
}

/** Subscriber clock minus publisher clock, µs, measured over IPC. */
export interface ClockResult {
  /** Before the bursts; burst windows are corrected by it when it is beyond its error. */
  burstSkewUs: number
  /** Before the latency phase; latencies are corrected by it when it is beyond errorUs (`corrected`). */
  skewUs: number
  corrected: boolean
  /** Bound on the error of skewUs (half the two round trips). */
  errorUs: number
  /** After the latency phase. */
  skewAfterUs: number
}


export interface Ratio { system: string, subs: number, size: number, throughputRatio: number | null, p50Ratio: number | null }

/** A bench:lan worker process (./worker.ts) in one role. */
class LanWorker extends IpcWorker<Request> {
  readonly role: Role

  constructor (role: Role) {
    super(fileURLToPath(new URL('./worker.ts', import.meta.url)), [role], `${role} process`)
    this.role = role
  }

  /** A worker closing its system (a whole mesh node) may take longer to exit. */
  override async stop (): Promise<void> {
    await super.stop(6000)
  }
}

function lossOf (delivered: number, expected: number): number | null {
  return expected === 0 ? null : round(1 - delivered / expected, 6)
}

/** The worker's clock minus ours (ms), from the ping with the shortest round trip. */
async function clockOffset (w: LanWorker, pings = 15): Promise<{ offset: number, rtt: number }> {
  let best = { offset: 0, rtt: Infinity }
  for (let k = 0; k < pings; k++) {
    const t0 = wallNow()
    const theirs = await w.request<number>({ op: 'clock' }, 10_000)
    const t1 = wallNow()
    if (t1 - t0 < best.rtt) best = { offset: theirs - (t0 + t1) / 2, rtt: t1 - t0 }
  }
  return best
}

/**
 * Subscriber clock minus publisher clock (ms). Both stamp with performance.timeOrigin +
 * performance.now(), which agree within a few µs on one machine, unless the wall clock was
 * stepped between the two processes' starts (seen once here: -1.6 ms "latencies"). Latencies
 * and windows are corrected by a skew beyond the estimate's error (half the round trips).
 */
async function clockSkew (sub: LanWorker, pub: LanWorker): Promise<{ skewMs: number, errorMs: number }> {
  const s = await clockOffset(sub)
  const p = await clockOffset(pub)
  return { skewMs: s.offset - p.offset, errorMs: (s.rtt + p.rtt) / 2 }
}

/**
 * `rate` msgs/s for `seconds`, timer-driven; every delivery's one-way latency, corrected by the
 * processes' clock skew measured just before (when beyond its error).
 */
async function pacedPhase (sub: LanWorker, pub: LanWorker, spec: CaseSpec, label: string, when: string, log: (s: string) => void): Promise<{ latency: LatencyResult, clock: ClockResult }> {
  const { subscribers, size } = spec
  const mid = await clockSkew(sub, pub)
  const planned = Math.max(1, Math.round(spec.rate * spec.seconds))
  const p = await pub.request<SendReport>({ op: 'paced', size, count: planned, rate: spec.rate, timeLimitMs: spec.seconds * 2000 + 5000 }, spec.seconds * 2000 + 30_000)
  const pExpected = p.sent * subscribers
  const pd = await sub.request<PhaseReport>({ op: 'await', kind: KIND_LATENCY, expected: pExpected, idleMs: IDLE_MS, timeLimitMs: DRAIN_LIMIT_MS }, DRAIN_LIMIT_MS + 30_000)
  const after = await clockSkew(sub, pub)
  const us = (ms: number): number => round(ms * 1000, 1) ?? 0
  // Corrected only by a skew beyond the estimate's error (normally a few µs, within it).
  const corrected = Math.abs(mid.skewMs) > mid.errorMs
  const clock: ClockResult = { burstSkewUs: 0, skewUs: us(mid.skewMs), errorUs: us(mid.errorMs), skewAfterUs: us(after.skewMs), corrected }
  const fix = (x: number | null): number | null => round(x === null ? null : corrected ? x - mid.skewMs * 1000 : x, 1)
  const latency: LatencyResult = {
    rate: spec.rate,
    planned,
    sent: p.sent,
    sendErrors: p.errors,
    maxBatch: p.maxBatch,
    expected: pExpected,
    delivered: pd.delivered,
    malformed: pd.malformed,
    loss: lossOf(pd.delivered, pExpected),
    p50Us: fix(pd.p50Us),
    p99Us: fix(pd.p99Us),
    maxUs: fix(pd.maxUs),
    meanUs: fix(pd.meanUs),
    end: pd.end
  }
  if (Math.abs(after.skewMs - mid.skewMs) * 1000 > Math.max(50, clock.errorUs + us(after.errorMs))) log(`[bench:lan] ${label}: the two processes' clocks moved apart during the latency phase ${when} (${clock.skewUs} -> ${clock.skewAfterUs} µs): latencies are off by up to the difference`)
  if (p.errors > 0) log(`[bench:lan] ${label}: ${p.errors} paced send errors ${when}, last: ${p.lastError}`)
  log(`[bench:lan] ${label}: paced ${when}: ${p.sent}/${planned} sent, ${pd.delivered}/${pExpected} delivered (${pd.end}), p50 ${latency.p50Us ?? 'n/a'} µs, p99 ${latency.p99Us ?? 'n/a'} µs`)
  return { latency, clock }
}

export async function runCase (spec: CaseSpec, log: (s: string) => void): Promise<CaseResult> {
  const t0 = performance.now()
  const { system, subscribers, size } = spec
  const label = `${system} 1->${subscribers} ${size} B`
  const result: CaseResult = { system, subscribers, size, ok: false, error: null, warmupMs: null, throughput: null, latency: null, latencyUnloaded: null, clock: null, wallMs: 0 }
  const sub = new LanWorker('subscriber')
  const pub = new LanWorker('publisher')
  try {
    const { info } = await sub.request<StartedSubscribers>({ op: 'start-subscribers', system, count: subscribers, size }, 30_000)
    await pub.request({ op: 'start-publisher', system, info, subscribers }, 30_000)

    await pub.request({ op: 'probe-start', size, intervalMs: WARMUP_INTERVAL_MS, timeLimitMs: WARMUP_LIMIT_MS }, 10_000)
    let probes: ProbeReport
    let probesSent = 0
    try {
      probes = await sub.request<ProbeReport>({ op: 'await-probes', timeoutMs: WARMUP_LIMIT_MS }, WARMUP_LIMIT_MS + 10_000)
    } finally {
      probesSent = await pub.request<number>({ op: 'probe-stop' }, 15_000).catch(() => 0)
    }
    if (probes.ready < probes.count) {
      throw new Error(`warm-up: only ${probes.ready} of ${probes.count} subscribers received a probe within ${WARMUP_LIMIT_MS / 1000} s`)
    }
    result.warmupMs = probes.ms
    log(`[bench:lan] ${label}: every subscriber had a probe after ${probes.ms} ms (${probesSent} probes sent)`)

    // The same paced phase before any burst: the unloaded figure the one after the bursts is
    // compared with (same processes, same tree, same machine load). One unmeasured second at
    // the same pace first: a fresh process runs its first seconds unoptimised (JIT), which
    // showed as a 1.4 s "unloaded" p50 at 1->10 1 KiB that the same pace after the bursts
    // did not have.
    const warm = await pub.request<SendReport>({ op: 'paced', size, count: Math.max(1, Math.round(spec.rate)), rate: spec.rate, timeLimitMs: 7000 }, 30_000)
    await sub.request<PhaseReport>({ op: 'await', kind: KIND_LATENCY, expected: warm.sent * subscribers, idleMs: IDLE_MS, timeLimitMs: DRAIN_LIMIT_MS }, DRAIN_LIMIT_MS + 30_000)
    await sub.request({ op: 'reset', kind: KIND_LATENCY }, 10_000)
    const unloaded = await pacedPhase(sub, pub, spec, label, 'unloaded, before the bursts', log)
    result.latencyUnloaded = unloaded.latency
    await sub.request({ op: 'reset', kind: KIND_LATENCY }, 10_000)

    const before = await clockSkew(sub, pub)
    const bursts: BurstResult[] = []
    for (let k = 0; k < spec.bursts; k++) {
      await sub.request({ op: 'reset', kind: KIND_THROUGHPUT }, 10_000)
      const b = await pub.request<SendReport>({ op: 'burst', kind: KIND_THROUGHPUT, size, count: spec.messages, yieldEvery: YIELD_EVERY, timeLimitMs: BURST_LIMIT_MS }, BURST_LIMIT_MS + 30_000)
      const expected = b.sent * subscribers
      const d = await sub.request<PhaseReport>({ op: 'await', kind: KIND_THROUGHPUT, expected, idleMs: IDLE_MS, timeLimitMs: DRAIN_LIMIT_MS }, DRAIN_LIMIT_MS + 30_000)
      const windowMs = d.last === null ? null : d.last - (Math.abs(before.skewMs) > before.errorMs ? before.skewMs : 0) - b.startedAt
      const x: BurstResult = {
        sent: b.sent,
        sendErrors: b.errors,
        expected,
        delivered: d.delivered,
        malformed: d.malformed,
        deliveredPerSec: windowMs === null || windowMs <= 0 ? null : Math.round(d.delivered / windowMs * 1000),
        publishedPerSec: b.endedAt > b.startedAt ? Math.round(b.sent / (b.endedAt - b.startedAt) * 1000) : null,
        windowMs: round(windowMs, 1),
        minPerSubscriber: d.minPerSubscriber,
        maxPerSubscriber: d.maxPerSubscriber,
        end: d.end
      }
      bursts.push(x)
      if (b.errors > 0) log(`[bench:lan] ${label}: ${b.errors} burst send errors, last: ${b.lastError}`)
      log(`[bench:lan] ${label}: burst ${k + 1}/${spec.bursts}: ${b.sent}/${spec.messages} sent, ${d.delivered}/${expected} delivered (${d.end}), ${x.deliveredPerSec ?? 'n/a'} deliveries/s`)
    }
    const sum = (f: (x: BurstResult) => number): number => bursts.reduce((a, x) => a + f(x), 0)
    const median = (f: (x: BurstResult) => number | null): number | null => percentile(bursts.map(f).filter(v => v !== null), 0.5)
    result.throughput = {
      planned: spec.messages,
      sent: sum(x => x.sent),
      sendErrors: sum(x => x.sendErrors),
      expected: sum(x => x.expected),
      delivered: sum(x => x.delivered),
      malformed: sum(x => x.malformed),
      loss: lossOf(sum(x => x.delivered), sum(x => x.expected)),
      deliveredPerSec: median(x => x.deliveredPerSec),
      publishedPerSec: median(x => x.publishedPerSec),
      bursts
    }

    const paced = await pacedPhase(sub, pub, spec, label, 'after the bursts', log)
    result.latency = paced.latency
    result.clock = { ...paced.clock, burstSkewUs: round(before.skewMs * 1000, 1) ?? 0 }
    result.ok = true
  } catch (err) {
    result.error = (err as Error).message
    log(`[bench:lan] ${label}: FAILED: ${result.error}`)
  } finally {
    await Promise.all([pub.stop(), sub.stop()])
    result.wallMs = Math.round(performance.now() - t0)
  }
  return result
}

/** Every case, subscriber counts outermost and systems innermost (so the systems of one case run back to back). */
export async function runAll (opts: { systems: string[], subs: number[], sizes: number[], messages: (size: number) => number, bursts: number, rate: number, seconds: number }, log: (s: string) => void): Promise<CaseResult[]> {
  const results: CaseResult[] = []
  for (const subscribers of opts.subs) {
    for (const size of opts.sizes) {
      for (const system of opts.systems) {
        results.push(await runCase({ system, subscribers, size, messages: opts.messages(size), bursts: opts.bursts, rate: opts.rate, seconds: opts.seconds }, log))
      }
    }
  }
  return results
}

/** Every non-baseline system against the baseline, for each case both ran successfully. */
export function ratios (results: CaseResult[]): Ratio[] {
  const out: Ratio[] = []
  for (const r of results) {
    if (r.system === BASELINE || !r.ok) continue
    const base = results.find(x => x.system === BASELINE && x.ok && x.subscribers === r.subscribers && x.size === r.size)
    if (base === undefined) continue
    out.push({
      system: r.system,
      subs: r.subscribers,
      size: r.size,
      throughputRatio: ratio(r.throughput?.deliveredPerSec ?? null, base.throughput?.deliveredPerSec ?? null),
      p50Ratio: ratio(r.latency?.p50Us ?? null, base.latency?.p50Us ?? null)
    })
  }
  return out
}

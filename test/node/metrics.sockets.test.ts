// Prometheus metrics of real nodes on loopback (real sockets): a testnet scraped over HTTP while
// it carries traffic, and `meshcast node --metrics` as a separate process.
import { spawn, spawnSync } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, describe, expect, it } from 'vitest'
import { createTestnet } from '../../src/index.ts'
import type { Testnet } from '../../src/index.ts'
import { parseMetricsAddress } from '../../src/cli/node-cmd.ts'
import { UsageError } from '../../src/cli/args.ts'
import { NODE_DEFAULTS } from '../../src/node/defaults.ts'
import { until } from '../helpers/until.ts'
import { grantDataDir } from '../helpers/processes.ts'

const root = new URL('../..', import.meta.url).pathname
const bin = join(root, 'bin', 'meshcast.js')
const dir = mkdtempSync(join(tmpdir(), 'meshcast-metrics-'))
const procs: ChildProcess[] = []
afterAll(() => {
  for (const p of procs) p.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})

interface Sample { name: string, labels: Record<string, string>, value: number }

/** The samples of a Prometheus text exposition. */
function parse (text: string): Sample[] {
  const out: Sample[] = []
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line)
    if (m === null) throw new Error(`not an exposition line: ${line}`)
    const labels: Record<string, string> = {}
    for (const [, k, v] of (m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[k] = v
    out.push({ name: m[1], labels, value: Number(m[3]) })
  }
  return out
}

async function scrape (url: string): Promise<Sample[]> {
  const res = await fetch(url)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
  return parse(await res.text())
}

/** Sum of a metric's samples (over all label values, or those matching `labels`). */
function total (samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  return samples.filter(s => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v)).reduce((n, s) => n + s.value, 0)
}

const topicLabels = (samples: Sample[]): Set<string> => new Set(samples.filter(s => /^meshcast_messages_(published|delivered|forwarded)_total$/.test(s.name)).map(s => s.labels.topic))

/** Sockets, servers and pipes (not timers): none may outlive a stopped testnet. */
const handles = (): string[] => process.getActiveResourcesInfo().filter(r => r !== 'Timeout' && r !== 'TTYWrap').sort()

async function noneLeft (before: string[]): Promise<void> {
  await until(`no socket left behind (before: ${before.join(', ')})`, () => JSON.stringify(handles()) === JSON.stringify(before))
    .catch((err: unknown) => { throw new Error(`${(err as Error).message}; now: ${handles().join(', ')}`) })
}

describe('createTestnet(3, { metrics: true })', () => {
  it('serves /metrics per node; counters and histograms move with traffic; topic labels are capped; stop closes the port', async () => {
    const handlesBefore = handles()
    const net = await createTestnet(3, { metrics: true })
    const urls = net.nodes.map(n => n.metricsUrl as string)
    try {
      const [a, b, c] = net.nodes
      for (const u of urls) expect(u).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/)
      expect(new Set(urls).size).toBe(3)

      // Subscribers: an async iterator on a, a callback on b; c publishes.
      const sub = a.subscribe('orders')
      let called = 0
      const cb = b.subscribe('orders', { callback: () => { called++ } })
      await Promise.all([sub.ready, cb.ready])
      const before = await Promise.all(urls.map(scrape))
      // Two subscribers on three nodes: one tree, with at least one child edge.
      expect(before.reduce((k, s) => k + total(s, 'meshcast_tree_children'), 0)).toBeGreaterThanOrEqual(1)
      const n = 10
      const got: string[] = []
      const consumed = (async () => {
        for await (const m of sub) {
          got.push(m.string())
          if (got.length === n) break
        }
      })()
      // Scrape c while it publishes: its counters only ever go up.
      let publishing = true
      const seen: number[] = []
      const scraping = (async () => {
        while (publishing) seen.push(total(await scrape(urls[2]), 'meshcast_messages_published_total'))
      })()
      for (let i = 0; i < n; i++) await c.publish('orders', `m${i}`)
      publishing = false
      await Promise.all([consumed, scraping])
      await until('b\'s callback to get every message', () => called === n)
      for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1])

      const after = await Promise.all(urls.map(scrape))
      const grew = (i: number, name: string, labels?: Record<string, string>): number => total(after[i], name, labels) - total(before[i], name, labels)
      expect(grew(2, 'meshcast_messages_published_total')).toBe(n)
      expect(grew(0, 'meshcast_messages_delivered_total')).toBe(n)
      expect(grew(1, 'meshcast_messages_delivered_total')).toBe(n)
      // The first scrape that saw 'orders' grow gave it a label, from 0 (what came before stays in
      // "other"); from then on its own series counts it.
      expect(after[1].find(x => x.name === 'meshcast_messages_delivered_total' && x.labels.topic === 'orders')?.value).toBe(0)
      await c.publish('orders', 'one more')
      await until('b\'s orders series to count one more', async () => total(await scrape(urls[1]), 'meshcast_messages_delivered_total', { topic: 'orders' }) === 1)
      // The iterator's messages waited and were handled (the last one when the loop broke); the callback's too.
      expect(grew(0, 'meshcast_delivery_wait_seconds_count')).toBe(n)
      expect(grew(0, 'meshcast_handler_seconds_count')).toBe(n)
      expect(grew(1, 'meshcast_handler_seconds_count')).toBe(n)
      expect(total(after[0], 'meshcast_handler_seconds_bucket', { le: '+Inf' })).toBe(total(after[0], 'meshcast_handler_seconds_count'))
      // The process, the tree, the peers.
      for (const s of after) {
        expect(total(s, 'process_resident_memory_bytes')).toBeGreaterThan(0)
        expect(s.some(x => x.name === 'process_cpu_seconds_total')).toBe(true)
        expect(total(s, 'meshcast_peers')).toBe(2)
        expect(s.filter(x => x.name === 'meshcast_messages_dropped_total').map(x => x.labels.reason)).toContain('slow-consumer')
        expect(s.filter(x => x.name === 'meshcast_send_queue_frames').map(x => x.labels.transport).sort()).toEqual(['libp2p', 'zeromq'])
      }
      // While a and b subscribed: one root among the three, and a in the tree.
      expect(before.reduce((k, s) => k + total(s, 'meshcast_topics', { role: 'root' }), 0)).toBe(1)
      expect(total(before[0], 'meshcast_topics')).toBe(1)

      // More topics than the label cap: at most cap + 1 topic labels, the rest in "other".
      const cap = NODE_DEFAULTS.metricsTopics
      const extra = cap + 5
      const mid = await scrape(urls[2])
      await Promise.all(Array.from({ length: extra }, async (_, i) => await c.publish(`cap/${i}`, 'x')))
      // The first scrape after the publishes gives the free slots to the new topics (and 'orders',
      // if c holds no tree state for it, counts as dead and gives its slot up too). A topic's
      // messages before it had a label stay in "other": here, all of them.
      const labelled = await scrape(urls[2])
      const names = topicLabels(labelled)
      expect(names.size).toBeLessThanOrEqual(cap + 1)
      expect(names.has('other')).toBe(true)
      expect([...names].filter(t => t.startsWith('cap/')).length).toBeGreaterThanOrEqual(cap - 1)
      const other = (s: Sample[]): number => total(s, 'meshcast_messages_published_total', { topic: 'other' })
      expect(other(labelled) - other(mid)).toBe(extra)
      // The labelled cap/ series count what comes next; the others go on counting in "other".
      await Promise.all(Array.from({ length: extra }, async (_, i) => await c.publish(`cap/${i}`, 'y')))
      const next = await scrape(urls[2])
      const labelledCaps = [...names].filter(t => t.startsWith('cap/'))
      for (const t of labelledCaps) expect(total(next, 'meshcast_messages_published_total', { topic: t })).toBe(1)
      expect(other(next) - other(labelled)).toBe(extra - labelledCaps.length)
      expect(topicLabels(next).size).toBeLessThanOrEqual(cap + 1)

      // Only /metrics.
      const notFound = await fetch(urls[0].replace(/\/metrics$/, '/other'))
      expect(notFound.status).toBe(404)
      await notFound.text()
      const post = await fetch(urls[0], { method: 'POST' })
      expect(post.status).toBe(405)
      await post.text()
    } finally {
      await net.stop()
    }
    // Stopped: the ports refuse connections, and no socket is left.
    for (const n of net.nodes) expect(n.metricsUrl).toBeUndefined()
    for (const u of urls) {
      const err = await fetch(u).then(() => undefined, (e: unknown) => e as { cause?: { code?: string } })
      expect(err?.cause?.code).toBe('ECONNREFUSED')
    }
    await net.stop() // idempotent
    await noneLeft(handlesBefore)
  })

  it('with a fixed port, node i listens on port + i; a second node on a taken port fails to start', async () => {
    const handlesBefore = handles()
    // A port just freed and the next two are most likely free; if not, try other ones.
    let net: Testnet | undefined
    let port = 0
    for (let attempt = 0; net === undefined; attempt++) {
      const probe = await createTestnet(1, { metrics: true, lan: false })
      port = Number(new URL(probe.nodes[0].metricsUrl as string).port)
      await probe.stop()
      net = await createTestnet(3, { metrics: { port, topics: 5 }, lan: false }).catch((err: unknown) => {
        if (attempt >= 4) throw err
        return undefined
      })
    }
    try {
      expect(net.nodes.map(n => new URL(n.metricsUrl as string).port)).toEqual([port, port + 1, port + 2].map(String))
      await expect(createTestnet(1, { metrics: { port }, lan: false })).rejects.toThrow(/metrics: cannot listen on 127\.0\.0\.1:\d+ \(EADDRINUSE\)/)
    } finally {
      await net.stop()
    }
    // The node that failed to start stopped what it had started.
    await noneLeft(handlesBefore)
  })
})

function start (args: string[]): ChildProcess {
  const data = args.indexOf('--data')
  if (args[0] === 'node' && data !== -1) grantDataDir(args[data + 1]) // the run's secured mesh
  const p = spawn(process.execPath, [bin, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
  procs.push(p)
  return p
}

async function lineMatching (p: ChildProcess, re: RegExp): Promise<string> {
  for await (const line of createInterface({ input: p.stdout as NodeJS.ReadableStream })) if (re.test(line)) return line
  throw new Error(`process ended without a line matching ${re}`)
}

describe('meshcast node --metrics', () => {
  it('prints the metrics URL (JSON and text), serves it, and closes it on SIGTERM', async () => {
    const p = start(['node', '--data', join(dir, 'a'), '--json', '--metrics', '127.0.0.1:0'])
    const info = JSON.parse(await lineMatching(p, /^\{/)) as { peerId: string, metrics: string }
    expect(info.metrics).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/)
    const samples = await scrape(info.metrics)
    expect(total(samples, 'meshcast_peers')).toBe(0)
    expect(total(samples, 'process_resident_memory_bytes')).toBeGreaterThan(0)
    const exited = new Promise(resolve => p.once('exit', resolve))
    p.kill('SIGTERM')
    expect(await exited).toBe(0)
    await expect(fetch(info.metrics)).rejects.toThrow()

    // ':PORT' is 127.0.0.1; without --json the URL is on its own line.
    const q = start(['node', '--data', join(dir, 'b'), '--metrics', ':0'])
    const line = await lineMatching(q, /metrics on/)
    expect(line).toMatch(/^ {2}metrics on http:\/\/127\.0\.0\.1:\d+\/metrics$/)
    expect((await fetch(line.trim().replace('metrics on ', ''))).status).toBe(200)
    const qExited = new Promise(resolve => q.once('exit', resolve))
    q.kill('SIGTERM')
    expect(await qExited).toBe(0)
  })

  it.each(['nope', ':99999', '::1:9464', '999.1.1.1:9464'])('rejects --metrics %j with a clear error and exit code 2', value => {
    const r = spawnSync(process.execPath, [bin, 'node', '--data', join(dir, 'x'), '--open', '--metrics', value], { cwd: root, encoding: 'utf8', timeout: 30_000 })
    expect(r.status).toBe(2)
    expect(r.stderr).toContain(`meshcast: --metrics takes HOST:PORT (127.0.0.1:9464, [::1]:9464, or :9464 for 127.0.0.1), not '${value}'`)
  })

  it('parses the accepted forms', () => {
    expect(parseMetricsAddress('127.0.0.1:9464')).toEqual({ host: '127.0.0.1', port: 9464 })
    expect(parseMetricsAddress('[::1]:9464')).toEqual({ host: '::1', port: 9464 })
    expect(parseMetricsAddress(':9464')).toEqual({ host: '127.0.0.1', port: 9464 })
    expect(parseMetricsAddress('0.0.0.0:0')).toEqual({ host: '0.0.0.0', port: 0 })
    expect(parseMetricsAddress('localhost:9464')).toEqual({ host: 'localhost', port: 9464 })
    for (const bad of [':65536', ':', '127.0.0.1', '[::1:9464', '[nope]:9464', 'bad_host:9464', ':-1', ':9464x']) {
      expect(() => parseMetricsAddress(bad)).toThrow(UsageError)
    }
  })
})

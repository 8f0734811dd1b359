// Two LAN segments built from network namespaces (test/helpers/netns.ts): hosts a1, a2 on
// 10.x.1.0/24 and b1, b2 on 10.x.2.0/24, joined by a router namespace. One `meshcast node`
// process per host, default segment detection (the interface's IPv4 subnet). Tree edges inside
// a segment must carry data over ZeroMQ, edges across segments over libp2p, as each node's
// `stats` reports; every message reaches every subscriber. Then the same with --lan 10.x.0.0/16,
// which makes the two subnets one segment: every edge uses ZeroMQ.
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { until } from '../helpers/until.ts'
import { connectControl } from '../../src/cli/control.ts'
import type { NodeStats } from '../../src/node/mesh-node.ts'
import { createLanLab, netnsUnavailable } from '../helpers/netns.ts'
import type { LabHost, LanLab } from '../helpers/netns.ts'
import { firstLine, grantDataDir } from '../helpers/processes.ts'

const root = new URL('../..', import.meta.url).pathname
const bin = join(root, 'bin', 'meshcast.js')
const unavailable = await netnsUnavailable()
if (unavailable !== undefined) console.warn(`LAN segment tests skipped: ${unavailable}`)


interface Running { host: LabHost, dir: string, proc: ChildProcess, peerId: string, addr: string }

async function control (dir: string, request: object): Promise<Record<string, unknown>> {
  const c = await connectControl(dir)
  try {
    c.request(request)
    for await (const line of c.lines) return JSON.parse(line)
    throw new Error('no answer')
  } finally {
    c.close()
  }
}

describe.skipIf(unavailable !== undefined)(`two LAN segments in network namespaces${unavailable === undefined ? '' : ` (skipped: ${unavailable})`}`, () => {
  let lab: LanLab
  const dir = mkdtempSync(join(tmpdir(), 'meshcast-netns-'))
  const procs: ChildProcess[] = []
  beforeAll(async () => { lab = await createLanLab({ perSegment: 2, tag: 'lan' }) })
  afterAll(async () => {
    for (const p of procs) p.kill('SIGKILL')
    await lab?.cleanup()
    rmSync(dir, { recursive: true, force: true })
  })

  async function startAll (name: string, extra: string[]): Promise<Running[]> {
    const nodes: Running[] = []
    for (const host of lab.hosts) {
      const d = join(dir, `${name}-${host.name}`)
      grantDataDir(d)
      const args = [bin, 'node', '--data', d, '--json', '--listen', `/ip4/${host.ip}/tcp/0`, ...extra]
      if (nodes.length > 0) args.push('--bootstrap', nodes[0].addr)
      const proc = lab.spawn(host, process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] })
      procs.push(proc)
      const info = JSON.parse(await firstLine(proc, 30_000)) as { peerId: string, addrs: string[] }
      nodes.push({ host, dir: d, proc, peerId: info.peerId, addr: info.addrs[0] })
    }
    // Full mesh: each node learns the others from the first (kad-dht).
    await until('every node knows the others', async () => {
      const counts = await Promise.all(nodes.map(async n => ((await control(n.dir, { op: 'peers' })).peers as string[]).length))
      return counts.every(c => c >= nodes.length - 1)
    }, 30_000)
    return nodes
  }

  /** Every node subscribes to every topic; each node publishes `rounds` messages per topic. */
  async function traffic (nodes: Running[], topics: string[], rounds: number): Promise<Map<string, Set<string>>> {
    const got = new Map<string, Set<string>>()
    const subs: Array<{ close: () => void }> = []
    let ready = 0
    for (const n of nodes) {
      for (const topic of topics) {
        const c = await connectControl(n.dir)
        subs.push(c)
        const seen = new Set<string>()
        got.set(`${n.host.name} ${topic}`, seen)
        c.request({ op: 'subscribe', topic })
        void (async () => {
          for await (const line of c.lines) {
            const r = JSON.parse(line)
            if (r.ready === true) ready++
            if (r.message !== undefined) seen.add(String(r.message.data))
          }
        })().catch(() => {})
      }
    }
    await until('every subscription is ready (acknowledged by its tree)', () => ready === nodes.length * topics.length, 30_000)
    for (let r = 0; r < rounds; r++) {
      for (const n of nodes) {
        for (const topic of topics) await control(n.dir, { op: 'publish', topic, data: `${n.host.name}#${r}` })
      }
    }
    // Best effort: what is lost stays lost, and the check after this names it.
    await until('every subscriber has every message', () => [...got.values()].every(s => s.size === nodes.length * rounds), 20_000).catch(() => {})
    for (const s of subs) s.close()
    return got
  }

  async function pathsBySegment (nodes: Running[]): Promise<{ same: number[][], across: number[][], states: string[] }> {
    const segmentOf = new Map(nodes.map(n => [n.peerId, n.host.segment]))
    const same: number[][] = []
    const across: number[][] = []
    const states: string[] = []
    for (const n of nodes) {
      const stats = (await control(n.dir, { op: 'stats' })).stats as NodeStats
      for (const p of stats.paths) {
        const row = [p.dataFrames.zeromq, p.dataFrames.libp2p]
        if (segmentOf.get(p.peer) === n.host.segment) same.push(row)
        else across.push(row)
        states.push(`${n.host.name}->${nodes.find(m => m.peerId === p.peer)?.host.name ?? '?'} ${p.path} ${p.lane?.state ?? '-'} ${p.lane?.lastError ?? ''} zeromq=${p.dataFrames.zeromq} libp2p=${p.dataFrames.libp2p}`)
      }
    }
    return { same, across, states }
  }

  async function stopAll (nodes: Running[]): Promise<void> {
    for (const n of nodes) n.proc.kill('SIGTERM')
    await Promise.all(nodes.map(async n => { if (n.proc.exitCode === null) await new Promise(resolve => n.proc.once('exit', resolve)) }))
  }

  const TOPICS = Array.from({ length: 6 }, (_, i) => `factory/cell-${i}`)

  it('uses ZeroMQ inside a segment and libp2p across segments', async () => {
    const nodes = await startAll('default', [])
    const got = await traffic(nodes, TOPICS, 10)
    for (const [key, seen] of got) expect(seen.size, key).toBe(nodes.length * 10)
    const { same, across, states } = await pathsBySegment(nodes)
    console.log(states.join('\n'))
    expect(same.length).toBeGreaterThan(0)
    expect(across.length).toBeGreaterThan(0)
    // Inside a segment: data over ZeroMQ (a lane's first frames may leave over libp2p while its handshake runs).
    for (const [zmq, libp2p] of same) expect(zmq).toBeGreaterThan(libp2p)
    // Across segments: never over ZeroMQ.
    for (const [zmq, libp2p] of across) {
      expect(zmq).toBe(0)
      expect(libp2p).toBeGreaterThan(0)
    }
    await stopAll(nodes)
  })

  it('treats both subnets as one segment with --lan covering them', async () => {
    const wide = lab.hosts[0].ip.split('.').slice(0, 2).join('.') + '.0.0/16'
    const nodes = await startAll('wide', ['--lan', wide])
    const got = await traffic(nodes, TOPICS, 10)
    for (const [key, seen] of got) expect(seen.size, key).toBe(nodes.length * 10)
    const { same, across, states } = await pathsBySegment(nodes)
    console.log(states.join('\n'))
    expect(across.length).toBeGreaterThan(0)
    for (const [zmq, libp2p] of [...same, ...across]) expect(zmq).toBeGreaterThan(libp2p)
    await stopAll(nodes)
  })
})

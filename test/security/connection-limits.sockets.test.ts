// libp2p's own connection limits hold for a production node (issue 14, item 4): every remote
// host but this host's loopback gets at most 5 new inbound connections per second (and 10
// pending). A `meshcast node` process listens in one network namespace; a host in another opens
// 20 TCP connections to it at once: all but a few are closed at once, before any handshake.
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLanLab, netnsUnavailable } from '../helpers/netns.ts'
import type { LanLab } from '../helpers/netns.ts'
import { firstLine, grantDataDir } from '../helpers/processes.ts'

const root = new URL('../..', import.meta.url).pathname
const bin = join(root, 'bin', 'meshcast.js')
const unavailable = await netnsUnavailable()
if (unavailable !== undefined) console.warn(`connection limit test skipped: ${unavailable}`)

/** Opens `n` TCP connections to host:port at once; prints how many the server closed within `ms`. */
const CLIENT = `
const net = require('node:net')
const [host, port, n, ms] = process.argv.slice(1)
let closed = 0, connected = 0
const sockets = Array.from({ length: Number(n) }, () => {
  const s = net.connect(Number(port), host, () => { connected++ })
  s.on('error', () => {})
  s.on('close', () => { closed++ })
  return s
})
setTimeout(() => {
  console.log(JSON.stringify({ connected, closed }))
  for (const s of sockets) s.destroy()
  process.exit(0)
}, Number(ms))
`

describe.skipIf(unavailable !== undefined)('libp2p connection limits on a production node', () => {
  let lab: LanLab
  const dir = mkdtempSync(join(tmpdir(), 'meshcast-limits-'))
  const procs: ChildProcess[] = []
  beforeAll(async () => { lab = await createLanLab({ perSegment: 2, tag: 'lim' }) })
  afterAll(async () => {
    for (const p of procs) p.kill('SIGKILL')
    await lab?.cleanup()
    rmSync(dir, { recursive: true, force: true })
  })

  it('a remote host that opens 20 connections at once has most of them closed at once', async () => {
    const [server, client] = lab.hosts
    grantDataDir(dir)
    const node = lab.spawn(server, process.execPath, [bin, 'node', '--data', dir, '--json', '--lan', 'off', '--listen', `/ip4/${server.ip}/tcp/0`], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] })
    procs.push(node)
    const info = JSON.parse(await firstLine(node, 30_000)) as { addrs: string[] }
    const port = /\/tcp\/(\d+)/.exec(info.addrs[0])?.[1]
    expect(port).toBeDefined()
    const run = lab.spawn(client, process.execPath, ['-e', CLIENT, server.ip, String(port), '20', '1500'], { stdio: ['ignore', 'pipe', 'inherit'] })
    procs.push(run)
    const r = JSON.parse(await firstLine(run, 20_000)) as { connected: number, closed: number }
    // TCP accepts every one; libp2p then keeps 5 (the rate per host) for their handshake and
    // closes the rest.
    expect(r.connected).toBe(20)
    expect(r.closed).toBeGreaterThanOrEqual(10)
    expect(r.closed).toBeLessThan(20)
  }, 60_000)
})

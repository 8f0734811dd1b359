// The netns LAN lab really gives separate IP hosts: processes spawned in them talk TCP across a
// segment and through the router, see only their own address, and cleanup leaves nothing behind.
import { execFileSync } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLanLab, netnsUnavailable } from './netns.ts'
import type { LabHost, LanLab } from './netns.ts'

const unavailable = await netnsUnavailable()
if (unavailable !== undefined) console.warn(`netns lab tests skipped: ${unavailable}`)

const WAIT_MS = 5_000
const TAG = 'nt'

function namespaces (): string[] {
  return execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' }).split('\n').map(l => l.trim().split(/\s+/)[0]).filter(n => n !== '')
}

describe.skipIf(unavailable !== undefined)(unavailable === undefined ? 'netns LAN lab (2 segments x 2 hosts)' : `netns LAN lab (skipped: ${unavailable})`, () => {
  let lab: LanLab
  const children = new Set<ChildProcess>()
  const host = (name: string): LabHost => {
    const h = lab.hosts.find(h => h.name === name)
    if (h === undefined) throw new Error(`no host ${name}`)
    return h
  }

  /** Runs `node -e script ...args` inside a host; resolves with its stdout when it exits 0. */
  async function runNode (h: LabHost, script: string, args: string[] = []): Promise<string> {
    const child = lab.spawn(h, process.execPath, ['-e', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    children.add(child)
    let out = ''
    let err = ''
    child.stdout?.setEncoding('utf8').on('data', (d: string) => { out += d })
    child.stderr?.setEncoding('utf8').on('data', (d: string) => { err += d })
    return await new Promise((resolve, reject) => {
      const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`node in ${h.name} did not finish within ${WAIT_MS} ms; stdout ${out} stderr ${err}`)) }, WAIT_MS)
      child.once('error', e => { clearTimeout(timer); reject(e) })
      child.once('exit', (code, signal) => {
        clearTimeout(timer)
        children.delete(child)
        if (code === 0) resolve(out)
        else reject(new Error(`node in ${h.name} exited ${code ?? signal}: ${err.trim()}`))
      })
    })
  }

  beforeAll(async () => {
    lab = await createLanLab({ perSegment: 2, tag: TAG })
  })

  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL')
    await lab?.cleanup()
  })

  it('lays out perSegment hosts on a, then on b, in 10.x.1/24 and 10.x.2/24', () => {
    expect(lab.hosts.map(h => `${h.name}:${h.segment}`)).toEqual(['a1:a', 'a2:a', 'b1:b', 'b2:b'])
    const x = lab.hosts[0].ip.split('.')[1]
    expect(Number(x)).toBeGreaterThanOrEqual(100)
    expect(Number(x)).toBeLessThanOrEqual(199)
    expect(lab.hosts.map(h => h.ip)).toEqual([`10.${x}.1.2`, `10.${x}.1.3`, `10.${x}.2.2`, `10.${x}.2.3`])
    expect(lab.hosts.map(h => h.cidr)).toEqual(lab.hosts.map(h => `${h.ip}/24`))
    expect(new Set(lab.hosts.map(h => h.ns)).size).toBe(4)
    for (const h of lab.hosts) expect(namespaces()).toContain(h.ns)
  })

  it('a TCP echo server on a1 is reachable from a2 (same segment) and b1 (through the router)', async () => {
    const a1 = host('a1')
    // Echoes each line prefixed with the peer's address, so we also see there is no NAT in between.
    const serverScript = `
      const net = require('node:net')
      const server = net.createServer(s => {
        let buf = ''
        s.setEncoding('utf8')
        s.on('data', d => {
          buf += d
          let i
          while ((i = buf.indexOf('\\n')) >= 0) { s.write(s.remoteAddress + ' ' + buf.slice(0, i) + '\\n'); buf = buf.slice(i + 1) }
        })
        s.on('error', () => {})
      })
      server.listen(0, process.argv[1], () => console.log('listening ' + server.address().port))`
    const server = lab.spawn(a1, process.execPath, ['-e', serverScript, a1.ip], { stdio: ['ignore', 'pipe', 'pipe'] })
    children.add(server)
    let serverErr = ''
    server.stderr?.setEncoding('utf8').on('data', (d: string) => { serverErr += d })
    const port = await new Promise<number>((resolve, reject) => {
      let out = ''
      const timer = setTimeout(() => reject(new Error(`server on a1 not listening within ${WAIT_MS} ms: ${serverErr}`)), WAIT_MS)
      server.stdout?.setEncoding('utf8').on('data', (d: string) => {
        out += d
        const m = /listening (\d+)/.exec(out)
        if (m != null) { clearTimeout(timer); resolve(Number(m[1])) }
      })
      server.once('exit', code => { clearTimeout(timer); reject(new Error(`server on a1 exited ${code}: ${serverErr}`)) })
    })

    const clientScript = `
      const net = require('node:net')
      const [host, port, line] = process.argv.slice(1)
      setTimeout(() => { console.error('client timed out'); process.exit(2) }, ${WAIT_MS - 1000}).unref()
      const s = net.connect(Number(port), host, () => s.write(line + '\\n'))
      let buf = ''
      s.setEncoding('utf8')
      s.on('data', d => { buf += d; const i = buf.indexOf('\\n'); if (i >= 0) { console.log(buf.slice(0, i)); s.end() } })
      s.on('error', e => { console.error(e.message); process.exit(1) })`
    for (const from of [host('a2'), host('b1')]) {
      const reply = await runNode(from, clientScript, [a1.ip, String(port), `hello from ${from.name}`])
      expect(reply.trim()).toBe(`${from.ip} hello from ${from.name}`)
    }
    server.kill('SIGKILL')
  })

  it('inside each host, os.networkInterfaces() shows only its own 10.x/24 IPv4 address besides loopback', async () => {
    const script = 'console.log(JSON.stringify(require("node:os").networkInterfaces()))'
    const seen = await Promise.all(lab.hosts.map(async h => JSON.parse(await runNode(h, script)) as Record<string, Array<{ address: string, netmask: string, family: string, internal: boolean, cidr: string | null }>>))
    for (const [i, h] of lab.hosts.entries()) {
      const v4 = Object.entries(seen[i]).flatMap(([name, addrs]) => addrs.filter(a => a.family === 'IPv4' && !a.internal).map(a => ({ name, address: a.address, netmask: a.netmask, cidr: a.cidr })))
      expect(v4).toEqual([{ name: 'eth0', address: h.ip, netmask: '255.255.255.0', cidr: h.cidr }])
    }
  })

  it('cleanup() removes every namespace of the lab, and a second cleanup() does not throw', async () => {
    const prefix = lab.hosts[0].ns.replace(/-a1$/, '')
    expect(namespaces().filter(n => n.startsWith(prefix + '-')).length).toBe(5) // router + 4 hosts
    await lab.cleanup()
    expect(namespaces().filter(n => n.startsWith(prefix + '-'))).toEqual([])
    for (const h of lab.hosts) expect(namespaces()).not.toContain(h.ns)
    await expect(lab.cleanup()).resolves.toBeUndefined()
  })
})

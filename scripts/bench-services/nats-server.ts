// nats-server for bench:services: the Debian package (installed with apt-get when missing),
// started on 127.0.0.1 on a free port and registered with bench-node/procs.ts, so it is
// stopped by PID with every other child: at the end, on error and on SIGINT.
import { execFileSync, spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createConnection, createServer } from 'node:net'
import { stopProcess, track } from '../bench-node/procs.ts'

const BINARY = '/usr/sbin/nats-server'

/** The nats-server binary, installed from the Debian package when missing (needs root). */
export function ensureNatsServer (log: (s: string) => void): string {
  if (existsSync(BINARY)) return BINARY
  if (process.getuid?.() !== 0) throw new Error(`${BINARY} is missing and this is not root: run apt-get install -y nats-server`)
  log('[bench:services] nats-server is missing: apt-get install -y nats-server')
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  execFileSync('apt-get', ['install', '-y', 'nats-server'], { stdio: ['ignore', 2, 2], env, timeout: 300_000 })
  if (!existsSync(BINARY)) throw new Error(`apt-get install nats-server did not provide ${BINARY}`)
  return BINARY
}

export function natsServerVersion (binary: string): string {
  return execFileSync(binary, ['--version'], { encoding: 'utf8', timeout: 10_000 }).trim()
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
async function freePort (): Promise<number> {
  return await new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const a = s.address()
      const port = typeof a === 'object' && a !== null ? a.port : 0
      s.close(() => { resolve(port) })
    })
  })
}

async function accepts (port: number): Promise<boolean> {
  return await new Promise(resolve => {
    const c = createConnection({ host: '127.0.0.1', port })
    c.once('connect', () => { c.destroy(); resolve(true) })
    c.once('error', () => { resolve(false) })
  })
}

export interface NatsServer { port: number, child: ChildProcess, stop: () => Promise<void> }

/** Starts nats-server on 127.0.0.1 (no monitoring port) and waits (at most 10 s) until it accepts connections. */
export async function startNatsServer (binary: string, log: (s: string) => void): Promise<NatsServer> {
  const port = await freePort()
  const child = track(spawn(binary, ['-a', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] }))
  let output = ''
  child.stderr?.on('data', (b: Buffer) => { output = (output + b.toString()).slice(-4000) })
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`nats-server exited (${child.exitCode ?? child.signalCode}): ${output}`)
    if (await accepts(port)) {
      log(`[bench:services] nats-server pid ${child.pid} on 127.0.0.1:${port}`)
      return { port, child, stop: async () => { await stopProcess(child, 3000) } }
    }
    await new Promise(resolve => setTimeout(resolve, 50))
  }
  await stopProcess(child, 1000)
  throw new Error(`nats-server did not accept connections on 127.0.0.1:${port} within 10 s: ${output}`)
}

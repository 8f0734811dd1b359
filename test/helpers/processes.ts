// `meshcast` processes for the CLI tests: started from the repository's bin, killed after the
// file's tests, each with a way to read its first line of output.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { generateKeyPairSync } from 'node:crypto'
import { privateKeyFromProtobuf, privateKeyFromRaw, privateKeyToProtobuf } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { createAuthority, grantText, issueGrant, parseAuthorityPrivateKey } from '../../src/security/authority.ts'
import { AUTHORITY_FILE, GRANT_FILE } from '../../src/cli/security-cmds.ts'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll } from 'vitest'
import { connectControl } from '../../src/cli/control.ts'
import { until } from './until.ts'

export const root = new URL('../..', import.meta.url).pathname
export const bin = join(root, 'bin', 'meshcast.js')

/** One authority for the processes of a test run (as `meshcast authority init` makes). */
export const authority = createAuthority()

/**
 * Readies DIR for `meshcast node --data DIR` in the test run's secured mesh: the node's key (as
 * the node would make it), its grant to publish and subscribe on every topic, and the
 * authority's public key (DIR/authority.pub). Returns the peer id.
 */
export function grantDataDir (dir: string, patterns: { pub: string[], sub: string[] } = { pub: ['>'], sub: ['>'] }): string {
  mkdirSync(dir, { recursive: true })
  const keyFile = join(dir, 'peer.key')
  let key
  if (existsSync(keyFile)) key = privateKeyFromProtobuf(readFileSync(keyFile))
  else {
    const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' })
    key = privateKeyFromRaw(Buffer.concat([Buffer.from(jwk.d as string, 'base64url'), Buffer.from(jwk.x as string, 'base64url')]))
    writeFileSync(keyFile, privateKeyToProtobuf(key), { mode: 0o600 })
  }
  const peer = peerIdFromPrivateKey(key).toString()
  const now = Date.now()
  writeFileSync(join(dir, GRANT_FILE), grantText(issueGrant(parseAuthorityPrivateKey(authority.privatePem), { peer, ...patterns, issued: now, expires: now + 24 * 3600_000 })))
  writeFileSync(join(dir, AUTHORITY_FILE), authority.publicKey)
  return peer
}

/** A temporary directory and a process starter for one test file; both cleaned up after it. */
export function processes (prefix: string): { dir: string, procs: ChildProcess[], start: (args: string[]) => ChildProcess } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  const procs: ChildProcess[] = []
  afterAll(() => {
    for (const p of procs) p.kill('SIGKILL')
    rmSync(dir, { recursive: true, force: true })
  })
  const start = (args: string[]): ChildProcess => {
    // A node joins the run's secured mesh unless the test says otherwise.
    const data = args.indexOf('--data')
    if (args[0] === 'node' && data !== -1 && !args.includes('--open') && !args.includes('--authority')) grantDataDir(args[data + 1])
    const p = spawn(process.execPath, [bin, ...args], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] })
    procs.push(p)
    return p
  }
  return { dir, procs, start }
}

export async function firstLine (p: ChildProcess, killAfterMs?: number): Promise<string> {
  let err = ''
  p.stderr?.on('data', (b: Buffer) => { err += b.toString() })
  // A process that prints nothing in time is killed: the loop below then ends.
  const timer = killAfterMs === undefined ? undefined : setTimeout(() => { p.kill('SIGKILL') }, killAfterMs)
  try {
    for await (const line of createInterface({ input: p.stdout as NodeJS.ReadableStream })) return line
    throw new Error(`process ended without output${err === '' ? '' : `; its standard error: ${err.slice(0, 2000)}`}`)
  } finally {
    clearTimeout(timer)
  }
}

/**
 * One request to the node serving DIR over its control socket, from this process (what
 * `meshcast peers|topics|stats --json` print, without starting a CLI process for each check).
 */
export async function ask (dataDir: string, op: 'peers' | 'topics' | 'stats'): Promise<unknown> {
  const c = await connectControl(dataDir)
  try {
    c.request({ op })
    const first = await c.lines[Symbol.asyncIterator]().next()
    const r = JSON.parse(String(first.value))
    if (r.ok !== true) throw new Error(String(r.error))
    return r[op]
  } finally {
    c.destroy()
  }
}

export interface NodeProc { dir: string, proc: ChildProcess, peerId: string, /** The first address it listens on. */ addr: string }

/**
 * n `meshcast node` processes (data directories DIR/n0..), each joining through the first, once
 * every one is in the mesh (at least two peers; the DHT connects the rest as trees need it).
 */
export async function startNodes (start: (args: string[]) => ChildProcess, dir: string, n: number): Promise<NodeProc[]> {
  const nodes: NodeProc[] = []
  let boot = ''
  for (let i = 0; i < n; i++) {
    const d = join(dir, `n${i}`)
    const proc = start(['node', '--data', d, '--json', ...(i > 0 ? ['--bootstrap', boot] : [])])
    const info = JSON.parse(await firstLine(proc))
    if (i === 0) boot = info.addrs[0]
    nodes.push({ dir: d, proc, peerId: info.peerId, addr: info.addrs[0] })
  }
  let counts: number[] = []
  await until('every node in the mesh', async () => {
    counts = await Promise.all(nodes.map(async p => (await ask(p.dir, 'peers') as string[]).length))
    return counts.every(c => c >= 2)
  }, 90_000).catch(err => { throw new Error(`${(err as Error).message} (peers per node: ${counts.join(', ')})`) })
  return nodes
}

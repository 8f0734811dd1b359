// A two-segment LAN lab built from Linux network namespaces, for integration tests that need
// real, separate IP hosts on one machine.
//
//   segment a: 10.<x>.1.0/24            segment b: 10.<x>.2.0/24
//   host a1 10.<x>.1.2  ─┐                ┌─ host b1 10.<x>.2.2
//   host a2 10.<x>.1.3  ─┤  router ns     ├─ host b2 10.<x>.2.3
//                        └ br-a .1.1 ── br-b .2.1 ┘   (ip_forward=1 inside the router ns only)
//
// Every host is its own namespace with `lo` up and one interface `eth0`, a veth whose peer sits in
// the router namespace as a port of its segment's bridge; default route via the segment's .1.
// Nothing is created in the root namespace: veth pairs are made inside the host namespace and
// their peer is moved straight into the router namespace, so deleting the namespaces deletes
// every interface too. Needs root and iproute2 (see netnsUnavailable()).
import { execFile, execFileSync, spawn as spawnChild } from 'node:child_process'
import type { ChildProcess, SpawnOptions } from 'node:child_process'

export interface LabHost { name: string, ns: string, ip: string, segment: 'a' | 'b', cidr: string }

export interface LanLab {
  /** perSegment hosts on segment a, then perSegment on segment b */
  hosts: LabHost[]
  /** spawn a command inside a host's namespace: `ip netns exec <ns> <cmd> ...args`, same cwd/env options as child_process.spawn */
  spawn: (host: LabHost, cmd: string, args: string[], options?: SpawnOptions) => ChildProcess
  /** deletes every namespace (and so every veth/bridge) it made; idempotent; safe to call after a partial set-up failure */
  cleanup: () => Promise<void>
}

const IP = 'ip'
const COMMAND_TIMEOUT_MS = 10_000

interface RunError extends Error { code?: string | number, stderr?: string, killed?: boolean, signal?: string }

/** Runs `ip ...args`; on failure throws an Error naming the command and its stderr. */
async function ip (args: string[]): Promise<string> {
  return await new Promise((resolve, reject) => {
    execFile(IP, args, { timeout: COMMAND_TIMEOUT_MS, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (err == null) { resolve(stdout); return }
      const e = err as RunError
      const how = e.killed === true ? `timed out after ${COMMAND_TIMEOUT_MS} ms` : e.code != null ? `exit ${e.code}` : `signal ${e.signal}`
      const detail = String(stderr ?? '').trim() || e.message
      reject(new Error(`\`${[IP, ...args].join(' ')}\` failed (${how}): ${detail}`, { cause: err }))
    })
  })
}

async function listNamespaces (): Promise<string[]> {
  // Lines look like "mc-x-r (id: 3)" or just "mc-x-r".
  return (await ip(['netns', 'list'])).split('\n').map(l => l.trim().split(/\s+/)[0]).filter(n => n !== '')
}

/** Kills every process inside `ns` (they would keep the namespace and its veths alive after
 * `ip netns del`), then deletes it. Missing namespaces are not an error. */
async function deleteNamespace (ns: string): Promise<void> {
  if (!(await listNamespaces()).includes(ns)) return
  let pids: number[] = []
  try {
    pids = (await ip(['netns', 'pids', ns])).split(/\s+/).filter(p => p !== '').map(Number)
  } catch { /* no pids, or the namespace went away meanwhile */ }
  for (const pid of pids) {
    if (Number.isInteger(pid) && pid > 1 && pid !== process.pid) {
      try { process.kill(pid, 'SIGKILL') } catch { /* already gone */ }
    }
  }
  try {
    await ip(['netns', 'del', ns])
  } catch (err) {
    if ((await listNamespaces()).includes(ns)) throw err
  }
}

function deleteNamespaceSync (ns: string): void {
  try {
    const pids = execFileSync(IP, ['netns', 'pids', ns], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: COMMAND_TIMEOUT_MS })
    for (const p of pids.split(/\s+/)) {
      const pid = Number(p)
      if (p !== '' && Number.isInteger(pid) && pid > 1 && pid !== process.pid) {
        try { process.kill(pid, 'SIGKILL') } catch { /* already gone */ }
      }
    }
  } catch { /* namespace gone or no pids */ }
  try { execFileSync(IP, ['netns', 'del', ns], { stdio: 'ignore', timeout: COMMAND_TIMEOUT_MS }) } catch { /* already gone */ }
}

// Namespaces made by this process and not yet deleted; an 'exit' handler removes them
// synchronously if the process ends without cleanup() (a crashed or aborted test).
const live = new Set<string>()
let exitHandlerInstalled = false
function track (ns: string): void {
  live.add(ns)
  if (!exitHandlerInstalled) {
    exitHandlerInstalled = true
    process.on('exit', () => { for (const n of live) deleteNamespaceSync(n); live.clear() })
  }
}

/** Why network namespaces can't be used here (not root, no `ip`, `ip netns add` fails...), or undefined when they can. Never throws. */
export async function netnsUnavailable (): Promise<string | undefined> {
  try {
    if (process.platform !== 'linux') return `network namespaces need Linux (this is ${process.platform})`
    const uid = process.getuid?.()
    if (uid !== 0) return `network namespaces need root (uid is ${uid})`
    try {
      await ip(['-V'])
    } catch (err) {
      return (err as Error & { cause?: RunError }).cause?.code === 'ENOENT' ? 'the `ip` command (iproute2) is not installed' : `\`ip -V\` failed: ${(err as Error).message}`
    }
    // Try what a lab needs: a namespace, exec inside it, a veth pair and a bridge in it.
    const ns = `mc-probe-${process.pid}-${Math.floor(Math.random() * 1e6)}`
    try {
      await ip(['netns', 'add', ns])
    } catch (err) {
      return (err as Error).message
    }
    try {
      await ip(['netns', 'exec', ns, IP, 'link', 'set', 'lo', 'up'])
      await ip(['-n', ns, 'link', 'add', 'probe0', 'type', 'veth', 'peer', 'name', 'probe1'])
      await ip(['-n', ns, 'link', 'add', 'probebr', 'type', 'bridge'])
      await ip(['-n', ns, 'link', 'set', 'probe1', 'master', 'probebr'])
    } catch (err) {
      return (err as Error).message
    } finally {
      await deleteNamespace(ns).catch(() => {})
    }
    return undefined
  } catch (err) {
    return `probing network namespaces failed: ${(err as Error).message}`
  }
}

let labSeq = 0

export async function createLanLab (options: { perSegment: number, tag?: string }): Promise<LanLab> {
  const { perSegment, tag = '' } = options
  if (!Number.isInteger(perSegment) || perSegment < 1 || perSegment > 250) throw new Error(`perSegment must be an integer in 1..250, got ${perSegment}`)
  if (!/^[A-Za-z0-9_]*$/.test(tag)) throw new Error(`tag may only hold letters, digits and _ (got ${JSON.stringify(tag)})`)
  const seq = labSeq++
  // Second octet in 100..199 from the pid, so concurrent runs use different subnets (the
  // namespaces keep them apart anyway; this only makes captures and logs unambiguous).
  const x = 100 + ((process.pid + seq) % 100)
  const prefix = `mc-${tag}${process.pid}-${seq}`
  const router = `${prefix}-r`
  const segments = ['a', 'b'] as const
  const hosts: LabHost[] = segments.flatMap((segment, s) => Array.from({ length: perSegment }, (_, i) => {
    const ip = `10.${x}.${s + 1}.${i + 2}`
    return { name: `${segment}${i + 1}`, ns: `${prefix}-${segment}${i + 1}`, ip, segment, cidr: `${ip}/24` }
  }))

  const made: string[] = [] // namespaces of this lab that exist, in creation order
  const children = new Set<ChildProcess>()
  let cleaning: Promise<void> | undefined

  const cleanup = async (): Promise<void> => {
    cleaning ??= (async () => {
      for (const child of children) if (child.exitCode == null && child.signalCode == null) child.kill('SIGKILL')
      children.clear()
      const errors: Error[] = []
      // Hosts first, router last (deleting a host takes its veth and the peer in the router with it).
      for (const ns of [...made].reverse()) {
        try { await deleteNamespace(ns); live.delete(ns) } catch (err) { errors.push(err as Error) }
      }
      made.length = 0
      if (errors.length > 0) throw new AggregateError(errors, `lab cleanup failed: ${errors.map(e => e.message).join('; ')}`)
    })()
    try {
      await cleaning
    } catch (err) {
      cleaning = undefined // let a later call retry
      throw err
    }
  }

  const addNamespace = async (ns: string): Promise<void> => {
    await ip(['netns', 'add', ns])
    made.push(ns)
    track(ns)
  }

  try {
    // Router: two bridges with the segments' .1 addresses, forwarding on (inside this namespace only).
    await addNamespace(router)
    await ip(['-n', router, 'link', 'set', 'lo', 'up'])
    for (const [s, segment] of segments.entries()) {
      const br = `br-${segment}`
      await ip(['-n', router, 'link', 'add', br, 'type', 'bridge'])
      await ip(['-n', router, 'addr', 'add', `10.${x}.${s + 1}.1/24`, 'dev', br])
      await ip(['-n', router, 'link', 'set', br, 'up'])
    }
    await ip(['netns', 'exec', router, 'sysctl', '-q', '-w', 'net.ipv4.ip_forward=1'])

    // Namespaces one at a time (the first `ip netns add` on a machine sets up /run/netns mounts).
    for (const host of hosts) await addNamespace(host.ns)
    await Promise.all(hosts.map(async host => {
      const peer = `v${host.name}` // in the router namespace, e.g. "va1": well within 15 characters
      await ip(['-n', host.ns, 'link', 'set', 'lo', 'up'])
      await ip(['-n', host.ns, 'link', 'add', 'eth0', 'type', 'veth', 'peer', 'name', peer, 'netns', router])
      await ip(['-n', router, 'link', 'set', peer, 'master', `br-${host.segment}`])
      await ip(['-n', router, 'link', 'set', peer, 'up'])
      await ip(['-n', host.ns, 'addr', 'add', host.cidr, 'dev', 'eth0'])
      await ip(['-n', host.ns, 'link', 'set', 'eth0', 'up'])
      await ip(['-n', host.ns, 'route', 'add', 'default', 'via', `10.${x}.${host.segment === 'a' ? 1 : 2}.1`])
    }))
  } catch (err) {
    await cleanup().catch(() => {})
    throw err
  }

  const spawn = (host: LabHost, cmd: string, args: string[], spawnOptions: SpawnOptions = {}): ChildProcess => {
    if (!made.includes(host.ns)) throw new Error(`host ${host.name} (${host.ns}) is not part of this lab, or the lab was cleaned up`)
    // `ip netns exec` execs the command in place, so the child's pid is the command's own.
    const child = spawnChild(IP, ['netns', 'exec', host.ns, cmd, ...args], spawnOptions)
    children.add(child)
    child.once('exit', () => children.delete(child))
    return child
  }

  return { hosts, spawn, cleanup }
}

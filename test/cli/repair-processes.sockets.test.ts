// Ten `meshcast node` processes on loopback: five subscribers, a publisher; kill -9 an
// interior tree node, then the root: the trees heal and publishing goes on.
import { spawn, spawnSync } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, describe, expect, it } from 'vitest'
import { sleep } from '../helpers/until.ts'
import { grantDataDir } from '../helpers/processes.ts'

const root = new URL('../..', import.meta.url).pathname
const bin = join(root, 'bin', 'meshcast.js')
const dir = mkdtempSync(join(tmpdir(), 'meshcast-repair-'))
const procs: ChildProcess[] = []
afterAll(() => {
  for (const p of procs) p.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})

interface View { topic: string, role: string, parent: string | null, children: string[] }

function start (args: string[]): ChildProcess {
  const data = args.indexOf('--data')
  if (args[0] === 'node' && data !== -1) grantDataDir(args[data + 1]) // the run's secured mesh
  const p = spawn(process.execPath, [bin, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
  procs.push(p)
  return p
}

function run (args: string[]): { code: number | null, stdout: string, stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 30_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

async function firstLine (p: ChildProcess): Promise<string> {
  for await (const line of createInterface({ input: p.stdout as NodeJS.ReadableStream })) return line
  throw new Error('process ended without output')
}

describe('ten meshcast node processes', () => {
  it('heal after kill -9 of an interior node and of the root', async () => {
    const N = 10
    const TOPIC = 'plant/line-3/alarms'
    const nodes: Array<{ dir: string, proc: ChildProcess, peerId: string, alive: boolean }> = []
    let bootAddr = ''
    for (let i = 0; i < N; i++) {
      const d = join(dir, `n${i}`)
      const args = ['node', '--data', d, '--json', '--max-children', '2']
      if (i > 0) args.push('--bootstrap', bootAddr)
      const proc = start(args)
      const info = JSON.parse(await firstLine(proc))
      if (i === 0) bootAddr = info.addrs[0]
      nodes.push({ dir: d, proc, peerId: info.peerId, alive: true })
    }
    await sleep(2000)
    const byPeer = new Map(nodes.map((n, i) => [n.peerId, i]))

    // Subscribers on nodes 1..5, each printing JSON lines we collect as they come.
    const got = new Map<number, string[]>()
    for (const i of [1, 2, 3, 4, 5]) {
      const p = start(['sub', TOPIC, '--data', nodes[i].dir, '--json'])
      got.set(i, [])
      void (async () => { for await (const line of createInterface({ input: p.stdout as NodeJS.ReadableStream })) got.get(i)?.push(JSON.parse(line).data) })()
    }
    await sleep(3000)

    const publisher = (): number => [9, 8, 7, 6, 0].find(i => nodes[i].alive) as number
    const publish = (text: string): number => {
      const r = run(['pub', TOPIC, text, '--data', nodes[publisher()].dir])
      expect(r.stderr).toBe('')
      return r.code ?? -1
    }
    const waitFor = async (text: string, who: number[], ms = 3000): Promise<number[]> => {
      const deadline = Date.now() + ms
      while (Date.now() < deadline && !who.every(i => got.get(i)?.includes(text))) await sleep(50)
      return who.filter(i => got.get(i)?.includes(text))
    }
    const views = (): Map<number, View> => {
      const out = new Map<number, View>()
      nodes.forEach((n, i) => {
        if (!n.alive) return
        const r = run(['topics', '--data', n.dir, '--json'])
        const v = (JSON.parse(r.stdout) as View[]).find(t => t.topic === TOPIC)
        if (v !== undefined) out.set(i, v)
      })
      return out
    }
    const kill = (i: number): void => {
      nodes[i].proc.kill('SIGKILL')
      nodes[i].alive = false
      got.delete(i) // its subscriber (if any) loses its node
    }

    // Every message reaches all five subscribers, in order.
    const lines = Array.from({ length: 5 }, (_, i) => `before-${i}`)
    const r = spawnSync(process.execPath, [bin, 'pub', TOPIC, '--data', nodes[9].dir], { cwd: root, encoding: 'utf8', input: lines.join('\n') + '\n', timeout: 30_000 })
    expect(r.status).toBe(0)
    expect(await waitFor(lines[4], [1, 2, 3, 4, 5])).toEqual([1, 2, 3, 4, 5])
    for (const i of [1, 2, 3, 4, 5]) expect(got.get(i)).toEqual(lines)

    // kill -9 an interior node: one with children that is not the root.
    const tree = views()
    const interior = [...tree].find(([, v]) => v.role !== 'root' && v.children.length > 0)
    expect(interior).toBeDefined()
    const [victim, victimView] = interior as [number, View]
    const orphans = victimView.children.map(c => byPeer.get(c) as number)
    kill(victim)
    await sleep(2000) // the repair bound the defaults promise
    expect(publish('after-interior')).toBe(0)
    const living = [...got.keys()]
    expect(await waitFor('after-interior', living)).toEqual(living)
    for (const o of orphans) {
      const v = views().get(o)
      if (v !== undefined) expect(v.parent).not.toBe(nodes[victim].peerId)
    }

    // kill -9 the root: another node takes over and publishing goes on.
    const rootIndex = [...views()].find(([, v]) => v.role === 'root')?.[0] as number
    expect(rootIndex).toBeDefined()
    kill(rootIndex)
    await sleep(2000)
    publish('after-root-1') // the publisher's cached root is gone; this one may find the new root
    await sleep(500)
    expect(publish('after-root-2')).toBe(0)
    const rest = [...got.keys()]
    expect(await waitFor('after-root-2', rest)).toEqual(rest)
    const roots = [...views()].filter(([, v]) => v.role === 'root').map(([i]) => i)
    expect(roots.length).toBe(1)
    expect(roots[0]).not.toBe(rootIndex)
  })
})


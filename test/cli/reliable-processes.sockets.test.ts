// Reliable delivery across kill -9 (issue 12): six `meshcast node` processes on loopback, two
// reliable subscribers (`meshcast sub --reliable`), a publisher that waits for each
// acknowledgement (`meshcast pub --ack`, lines on its standard input). The topic's root is
// killed with SIGKILL mid-stream, and another node (not a subscriber's, not the publisher's)
// 2.75 s later: every acknowledged message reaches each surviving subscriber once and in
// order, and the publisher exits 0 (nothing failed to be acknowledged).
import { spawnSync } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { describe, expect, it } from 'vitest'
import { bin, firstLine, processes, root } from '../helpers/processes.ts'
import { sleep, until } from '../helpers/until.ts'

const { dir, start } = processes('meshcast-reliable-')

describe('reliable delivery between processes', () => {
  it('kill -9 of the root mid-stream, then of another node a repair bound later: every acknowledged message reaches each reliable subscriber once, in order', async () => {
    const N = 6
    const TOPIC = 'ledger/entries'
    const nodes: Array<{ dir: string, proc: ChildProcess, peerId: string }> = []
    let bootAddr = ''
    for (let i = 0; i < N; i++) {
      const d = join(dir, `n${i}`)
      const args = ['node', '--data', d, '--json']
      if (i > 0) args.push('--bootstrap', bootAddr)
      const proc = start(args)
      const info = JSON.parse(await firstLine(proc))
      if (i === 0) bootAddr = info.addrs[0]
      nodes.push({ dir: d, proc, peerId: info.peerId })
    }
    // Every node has joined the mesh (the DHT connects the rest as the trees need it); each
    // check starts six CLI processes, slow on a loaded machine, so the bound is generous.
    const peersOf = (d: string): number => spawnSync(process.execPath, [bin, 'peers', '--data', d], { cwd: root, encoding: 'utf8', timeout: 30_000 }).stdout.trim().split('\n').filter(l => l !== '').length
    await until('every node in the mesh', () => nodes.every(n => peersOf(n.dir) >= 2), 60_000)

    const got = new Map<number, string[]>()
    const stderr = new Map<number, string>()
    for (const i of [1, 2]) {
      const p = start(['sub', TOPIC, '--reliable', '--data', nodes[i].dir, '--json'])
      got.set(i, [])
      stderr.set(i, '')
      p.stderr?.on('data', (b: Buffer) => { stderr.set(i, (stderr.get(i) ?? '') + b.toString()) })
      void (async () => { for await (const line of createInterface({ input: p.stdout as NodeJS.ReadableStream })) got.get(i)?.push(JSON.parse(line).data) })()
    }
    const rootOf = (): number => nodes.findIndex(n => {
      const r = spawnSync(process.execPath, [bin, 'topics', '--data', n.dir, '--json'], { cwd: root, encoding: 'utf8', timeout: 30_000 })
      return r.status === 0 && (JSON.parse(r.stdout) as Array<{ topic: string, role: string }>).some(t => t.topic === TOPIC && t.role === 'root')
    })
    let victim = -1
    await until('a root for the topic', () => { victim = rootOf(); return victim >= 0 }, 15_000)
    const publisherNode = [5, 4].find(i => i !== victim) as number
    // A second node (neither subscriber's nor the publisher's) dies one repair bound later.
    const second = [0, 3, 4, 5].find(i => i !== victim && i !== publisherNode) as number
    const survivors = [1, 2].filter(i => i !== victim)

    const pub = start(['pub', TOPIC, '--ack', '--data', nodes[publisherNode].dir])
    let pubOut = ''
    pub.stdout?.on('data', (b: Buffer) => { pubOut += b.toString() })
    let pubErr = ''
    pub.stderr?.on('data', (b: Buffer) => { pubErr += b.toString() })
    const exited = new Promise<number | null>(resolve => pub.once('exit', code => { resolve(code) }))
    const lines = Array.from({ length: 100 }, (_, i) => `entry-${i + 1}`)
    for (const [k, line] of lines.entries()) {
      if (k === 20) nodes[victim].proc.kill('SIGKILL')
      if (k === 75) nodes[second].proc.kill('SIGKILL') // 55 lines × 50 ms = 2.75 s after the first
      pub.stdin?.write(line + '\n')
      await sleep(50)
    }
    pub.stdin?.end()
    expect(await exited).toBe(0)
    expect(pubErr).toBe('')
    expect(pubOut.trim().split('\n').length).toBe(lines.length) // one acknowledgement per line
    await until('every line at the surviving subscribers', () => survivors.every(i => (got.get(i)?.length ?? 0) >= lines.length), 30_000)
    for (const i of survivors) {
      expect(got.get(i), `subscriber on node ${i}`).toEqual(lines)
      expect(stderr.get(i), `gaps reported on node ${i}`).toBe('')
    }
  })
})

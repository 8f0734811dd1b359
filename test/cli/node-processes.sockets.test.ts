// meshcast node / sub / pub as separate processes on loopback, as a user runs them.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { describe, expect, it } from 'vitest'
import { bin, firstLine, processes, root } from '../helpers/processes.ts'
import { until } from '../helpers/until.ts'

const { dir, procs, start } = processes('meshcast-procs-')

function run (args: string[], input?: string): { code: number | null, stdout: string, stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', input, timeout: 30_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('meshcast node, sub and pub in separate processes', () => {
  it('subscribers on two nodes receive what a third publishes; the peer id survives a restart', async () => {
    const n = 4
    const nodes: Array<{ dir: string, info: { peerId: string, addrs: string[] } }> = []
    const first = start(['node', '--data', join(dir, 'n0'), '--json'])
    nodes.push({ dir: join(dir, 'n0'), info: JSON.parse(await firstLine(first)) })
    for (let i = 1; i < n; i++) {
      const d = join(dir, `n${i}`)
      const p = start(['node', '--data', d, '--json', '--bootstrap', nodes[0].info.addrs[0]])
      nodes.push({ dir: d, info: JSON.parse(await firstLine(p)) })
    }
    await new Promise(resolve => setTimeout(resolve, 1500))
    const subs = [1, 2].map(i => start(['sub', 'alerts', '--data', nodes[i].dir, '--count', '3', '--json']))
    start(['sub', 'alerts', '--data', nodes[1].dir]) // stays: node 1 keeps its place in the tree
    const outputs = subs.map(async s => {
      const lines: string[] = []
      for await (const line of createInterface({ input: s.stdout as NodeJS.ReadableStream })) lines.push(line)
      return lines.map(l => JSON.parse(l))
    })
    await new Promise(resolve => setTimeout(resolve, 3000)) // subscriptions reach their trees
    // pub says how many subscribers the tree reported: nodes 1 and 2 (node 1 holds two subscriptions).
    const one = run(['pub', 'alerts', 'one', '--data', nodes[3].dir])
    expect(one.code).toBe(0)
    expect(one.stdout).toBe('published to alerts: 2 subscribers\n')
    const twoThree = run(['pub', 'alerts', '--data', nodes[3].dir], 'two\nthree\n')
    expect(twoThree.code).toBe(0)
    expect(twoThree.stdout).toBe('published to alerts: 2 subscribers\n'.repeat(2))
    const got = await Promise.all(outputs)
    const quiet = run(['pub', 'alerts', 'four', '--quiet', '--data', nodes[3].dir])
    expect(quiet.code).toBe(0)
    expect(quiet.stdout).toBe('')
    for (const g of got) {
      expect(g.map(m => m.data)).toEqual(['one', 'two', 'three'])
      expect(g.every(m => m.topic === 'alerts' && m.publisher === nodes[3].info.peerId)).toBe(true)
    }
    const peers = run(['peers', '--data', nodes[0].dir])
    expect(peers.code).toBe(0)
    expect(peers.stdout.trim().split('\n').length).toBeGreaterThanOrEqual(n - 1)
    // The publisher's counters: its data left over libp2p or a ZeroMQ lane (all on loopback).
    const stats = run(['stats', '--data', nodes[3].dir, '--json'])
    expect(stats.code).toBe(0)
    const s = JSON.parse(stats.stdout)
    expect(s.lan).toBeDefined()
    expect(s.paths.reduce((k: number, p: { dataFrames: { zeromq: number, libp2p: number } }) => k + p.dataFrames.zeromq + p.dataFrames.libp2p, 0)).toBeGreaterThanOrEqual(3)
    const table = run(['stats', '--data', nodes[3].dir])
    expect(table.stdout).toMatch(/^zeromq +frames sent \d+/m)
    expect(table.stdout).toMatch(/^dropped +0$/m)
    expect(run(['topics', '--data', nodes[1].dir]).stdout).toMatch(/^alerts +role=\w+ \(subscribed\) .*dropped=0$/m)
    // Per-topic counters: node 3 published four messages; node 1 had them delivered.
    expect(s.counts.published).toBe(4)
    const delivered = (): number => JSON.parse(run(['topics', '--data', nodes[1].dir, '--json']).stdout).find((t: { topic: string }) => t.topic === 'alerts').counts.delivered
    await until('node 1 to count four deliveries', () => delivered() === 4)
    // A late subscriber starts with what the root retained: the last two of the four.
    const late = start(['sub', 'alerts', '--data', nodes[2].dir, '--since', 'last:2', '--count', '2'])
    const lateLines: string[] = []
    for await (const line of createInterface({ input: late.stdout as NodeJS.ReadableStream })) lateLines.push(line)
    expect(lateLines).toEqual(['three', 'four'])

    // Restart node 3 on the same directory: same peer id.
    procs[n - 1].kill('SIGTERM')
    await new Promise(resolve => procs[n - 1].once('exit', resolve))
    const again = start(['node', '--data', nodes[3].dir, '--json', '--bootstrap', nodes[0].info.addrs[0]])
    expect(JSON.parse(await firstLine(again)).peerId).toBe(nodes[3].info.peerId)
  })

  it.each([
    [['node'], /--data DIR is required/],
    [['node', '--data', join(dir, 'x'), '--listen', 'nonsense'], /is not a multiaddr/],
    [['node', '--data', join(dir, 'x'), '--bootstrap', '/ip4/127.0.0.1/tcp/1'], /has no \/p2p\//],
    [['pub', 'topic', 'msg', '--data', join(dir, 'nobody')], /no meshcast node is running/],
    [['pub'], /missing TOPIC/],
    [['node', '--data', join(dir, 'y'), '--open', '--bootstrap', '/ip4/127.0.0.1/tcp/1/p2p/12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA'], /could not reach any bootstrap peer/],
    [['sub', 'topic'], /give --data DIR/],
    [['sub', 'topic', '--data', join(dir, 'nobody'), '--count', '0'], /--count takes an integer/],
    [['sub', 'topic', '--data', join(dir, 'nobody'), '--since', 'yesterday'], /--since yesterday: give a sequence number from 1, an ISO date, or last:N/],
    [['sub', 'topic', '--data', join(dir, 'nobody'), '--since', 'last:0'], /--since last:0/],
    [['topics', '--data', join(dir, 'nobody')], /no meshcast node is running/],
    [['stats', '--data', join(dir, 'nobody')], /no meshcast node is running/],
    [['node', '--data', join(dir, 'z'), '--lan', '10.0.0.0/33'], /--lan: "10.0.0.0\/33" is not an IPv4 CIDR/],
    [['node', '--data', join(dir, 'z'), '--lan', 'eth0'], /--lan: "eth0" is not an IPv4 CIDR/],
    [['node', '--data', join(dir, 'z'), '--lan', 'off', '--lan', '10.0.0.0/8'], /--lan off cannot be combined/]
  ])('rejects %j with a clear error and exit code 2', (args, message) => {
    const r = run(args)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
  })
})

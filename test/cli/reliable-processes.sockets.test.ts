// Reliable delivery across kill -9 (issue 12, item 8): twelve `meshcast node` processes on
// loopback, three reliable subscribers (`meshcast sub --reliable`), a publisher that waits for
// each acknowledgement (`meshcast pub --ack`, 200 lines on its standard input). Three nodes are
// killed with SIGKILL one repair bound (2.5 s) apart while the lines go out: the topic's root
// first, then the node that takes over from it, then the one that takes over from that (the
// nodes closest to the topic's key in turn, which hold the acknowledged messages). Every
// acknowledged line reaches each subscriber once and in order, no gap is reported, and the
// publisher exits 0 (nothing failed to be acknowledged).
import { createInterface } from 'node:readline'
import { peerIdFromString } from '@libp2p/peer-id'
import { describe, expect, it } from 'vitest'
import { compareDistance, idFromBytes, topicKey } from '../../src/core/id.ts'
import { ask, processes, startNodes } from '../helpers/processes.ts'
import type { NodeProc as Proc } from '../helpers/processes.ts'
import { sleep, until } from '../helpers/until.ts'

const { dir, start } = processes('meshcast-reliable-')

const N = 12
const LINES = 200
const INTERVAL_MS = 50
const REPAIR_BOUND_MS = 2500
const TOPIC = 'ledger/entries'

describe('reliable delivery between processes', () => {
  it('kill -9 of the root, then of each node taking over, one repair bound apart: every acknowledged message reaches each reliable subscriber once, in order', async () => {
    const nodes = await startNodes(start, dir, N)
    // Nodes by distance to the topic's key: the closest is the root, the next ones its
    // replicas, which take over in turn. Subscribers and the publisher are the farthest.
    const key = topicKey(TOPIC)
    const idOf = (n: Proc): Uint8Array => idFromBytes(peerIdFromString(n.peerId).toMultihash().bytes)
    const byDistance = nodes.map((_, i) => i).sort((a, b) => compareDistance(idOf(nodes[a]), idOf(nodes[b]), key))
    const victims = byDistance.slice(0, 3)
    const publisherNode = byDistance[N - 1]
    const subscribers = byDistance.slice(N - 4, N - 1)


    const got = new Map<number, string[]>()
    const stderr = new Map<number, string>()
    for (const i of subscribers) {
      const p = start(['sub', TOPIC, '--reliable', '--data', nodes[i].dir, '--json'])
      got.set(i, [])
      stderr.set(i, '')
      p.stderr?.on('data', (b: Buffer) => { stderr.set(i, (stderr.get(i) ?? '') + b.toString()) })
      void (async () => { for await (const line of createInterface({ input: p.stdout as NodeJS.ReadableStream })) got.get(i)?.push(JSON.parse(line).data) })()
    }
    const roleOf = async (n: Proc): Promise<string | undefined> =>
      (await ask(n.dir, 'topics') as Array<{ topic: string, role: string }>).find(t => t.topic === TOPIC)?.role
    // The tree is built on the closest node; every subscriber has joined it.
    await until('the closest node is the topic\'s root', async () => await roleOf(nodes[victims[0]]) === 'root', 30_000)
    await until('every subscriber in the tree', async () => (await Promise.all(subscribers.map(async i => await roleOf(nodes[i])))).every(r => r !== undefined && r !== 'detached'), 30_000)

    const pub = start(['pub', TOPIC, '--ack', '--data', nodes[publisherNode].dir])
    let pubOut = ''
    pub.stdout?.on('data', (b: Buffer) => { pubOut += b.toString() })
    let pubErr = ''
    pub.stderr?.on('data', (b: Buffer) => { pubErr += b.toString() })
    const exited = new Promise<number | null>(resolve => pub.once('exit', code => { resolve(code) }))
    const lines = Array.from({ length: LINES }, (_, i) => `entry-${i + 1}`)
    const killAt = new Map(victims.map((v, k) => [20 + k * (REPAIR_BOUND_MS / INTERVAL_MS), v]))
    for (const [k, line] of lines.entries()) {
      const v = killAt.get(k)
      if (v !== undefined) nodes[v].proc.kill('SIGKILL')
      pub.stdin?.write(line + '\n')
      await sleep(INTERVAL_MS)
    }
    pub.stdin?.end()
    expect(await exited).toBe(0)
    expect(pubErr).toBe('')
    expect(pubOut.trim().split('\n').length).toBe(lines.length) // one acknowledgement per line
    await until('every line at the subscribers', () => subscribers.every(i => (got.get(i)?.length ?? 0) >= lines.length), 60_000)
    for (const i of subscribers) {
      expect(got.get(i), `subscriber on node ${i}`).toEqual(lines)
      expect(stderr.get(i), `gaps reported on node ${i}`).toBe('')
    }
    for (const v of victims) expect(nodes[v].proc.signalCode).toBe('SIGKILL')
  })
})

// A durable subscriber between processes (issue 13, items 2, 5 and 6): six `meshcast node`
// processes with data directories. `meshcast sub --durable` on one node takes 5 messages and
// exits; 100 are published while it is away; one of the two mailbox holders is killed with
// SIGKILL; `sub --durable` of the same name on another node prints all 100, in order, once.
// Then, with the subscriber away again, 50 more are published, both holders of that moment are
// killed with SIGKILL and started again on their data directories: they reload the mailbox
// from disk, and a third `sub --durable` prints the 50, in order.
import { describe, expect, it } from 'vitest'
import type { ChildProcess } from 'node:child_process'
import { peerIdFromString } from '@libp2p/peer-id'
import { compareDistance, idFromBytes } from '../../src/core/id.ts'
import { mailboxKey } from '../../src/core/mailboxes.ts'
import { ask, firstLine, processes, startNodes } from '../helpers/processes.ts'
import type { NodeProc } from '../helpers/processes.ts'
import { until } from '../helpers/until.ts'

const { dir, start } = processes('meshcast-mailbox-')
const TOPIC = 'devices.cmd'

/** Collects a process's stdout lines; resolves with them and its exit code when it exits. */
function lines (p: ChildProcess): { got: string[], done: Promise<number | null> } {
  const got: string[] = []
  let buf = ''
  p.stdout?.on('data', (b: Buffer) => {
    buf += b.toString()
    const parts = buf.split('\n')
    buf = parts.pop() ?? ''
    got.push(...parts)
  })
  return { got, done: new Promise(resolve => p.once('exit', code => { resolve(code) })) }
}

async function publish (node: NodeProc, msgs: string[]): Promise<void> {
  const pub = start(['pub', TOPIC, '--ack', '--quiet', '--data', node.dir])
  const exited = new Promise<number | null>(resolve => pub.once('exit', code => { resolve(code) }))
  pub.stdin?.end(msgs.join('\n') + '\n')
  expect(await exited).toBe(0)
}

const held = async (n: NodeProc): Promise<number> => (await ask(n.dir, 'stats') as { mailboxes: number }).mailboxes
const kept = async (n: NodeProc): Promise<number> => (await ask(n.dir, 'stats') as { mailboxMessages: number }).mailboxMessages
const attached = async (n: NodeProc): Promise<boolean> => (await ask(n.dir, 'topics') as Array<{ topic: string, attached: boolean }>).some(t => t.topic === TOPIC && t.attached)
const texts = (p: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${p}-${i}`)

describe('a durable subscriber across kill -9 and restarts of the mailbox holders', () => {
  it('gets what it missed, in order, from whichever holders are left, and from holders that reloaded from disk', async () => {
    const nodes = await startNodes(start, dir, 6)
    // The roles follow from the mailbox's key: its three closest nodes are the holders (h0, h1,
    // and h2, which takes h0's place); the publisher and the subscribers' two nodes are the
    // others, so they are never holders, and what is tested is the mailbox, not a local copy.
    // (A search for a name whose closest nodes are given ones could run for ever: in XOR
    // distance some pairs of nodes are never the two closest to any key.)
    const ids = nodes.map(n => idFromBytes(peerIdFromString(n.peerId).toMultihash().bytes))
    const name = 'device-0'
    const key = mailboxKey(name, TOPIC)
    const [h0, h1, h2, pub, s1, s2] = nodes.map((_, i) => i).sort((a, b) => compareDistance(ids[a], ids[b], key))

    const a = start(['sub', TOPIC, '--durable', name, '--count', '5', '--data', nodes[s1].dir])
    const first = lines(a)
    await until('both holders keep the mailbox, subscribed to the topic', async () => (await held(nodes[h0])) === 1 && (await held(nodes[h1])) === 1 && await attached(nodes[h0]) && await attached(nodes[h1]), 30_000)
    await publish(nodes[pub], texts('a', 5))
    expect(await first.done).toBe(0)
    expect(first.got).toEqual(texts('a', 5))
    // Acknowledged: gone from both holders.
    await until('the holders dropped what was acknowledged', async () => (await kept(nodes[h0])) === 0 && (await kept(nodes[h1])) === 0, 10_000)

    // Away: 100 go out, then the closest holder dies.
    await publish(nodes[pub], texts('m', 100))
    await until('both holders keep the 100', async () => (await kept(nodes[h0])) === 100 && (await kept(nodes[h1])) === 100, 10_000)
    nodes[h0].proc.kill('SIGKILL')
    const b = start(['sub', TOPIC, '--durable', name, '--count', '100', '--data', nodes[s2].dir])
    const second = lines(b)
    expect(await second.done).toBe(0)
    expect(second.got).toEqual(texts('m', 100))

    // Away again: 50 go out; the holders of now (h1, and h2 that took h0's place) both die and
    // start again on their data directories.
    await until('the survivor handed the mailbox to the next node', async () => (await held(nodes[h2])) === 1, 30_000)
    await publish(nodes[pub], texts('r', 50))
    for (const h of [h1, h2]) nodes[h].proc.kill('SIGKILL')
    await Promise.all([h1, h2].map(async h => await new Promise(resolve => nodes[h].proc.once('exit', resolve))))
    for (const h of [h1, h2]) {
      const p = start(['node', '--data', nodes[h].dir, '--json', ...[pub, s1, s2].flatMap(i => ['--bootstrap', nodes[i].addr])])
      const info = JSON.parse(await firstLine(p)) as { peerId: string }
      expect(info.peerId).toBe(nodes[h].peerId) // the same node, from its data directory
      nodes[h] = { ...nodes[h], proc: p }
    }
    await until('the restarted holders hold the mailbox again', async () => (await held(nodes[h1])) === 1 && (await held(nodes[h2])) === 1, 30_000)
    const c = start(['sub', TOPIC, '--durable', name, '--count', '50', '--data', nodes[s1].dir])
    const third = lines(c)
    expect(await third.done).toBe(0)
    expect(third.got).toEqual(texts('r', 50))
  })
})

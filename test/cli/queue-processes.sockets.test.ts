// A work queue between processes (issue 13, item 6): four `meshcast sub --queue` members on
// four `meshcast node` processes; one member's node is killed with SIGKILL mid-stream. Every
// message is processed (printed by a member; what the dead one held and had not acknowledged is
// delivered to another), and no surviving member prints a message twice.
import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { ask, bin, processes, root as repo, startNodes } from '../helpers/processes.ts'
import { sleep, until } from '../helpers/until.ts'

const { dir, start } = processes('meshcast-queue-')
const TOPIC = 'jobs.render'

describe('a work queue across kill -9', () => {
  it('every message is processed by a member; the killed member\'s unacknowledged ones by another', async () => {
    const nodes = await startNodes(start, dir, 5)
    const printed = new Map<number, string[]>()
    for (const i of [1, 2, 3, 4]) {
      const p = start(['sub', TOPIC, '--queue', 'render', '--data', nodes[i].dir])
      printed.set(i, [])
      let buf = ''
      p.stdout?.on('data', (b: Buffer) => {
        buf += b.toString()
        const lines = buf.split('\n')
        buf = lines.pop() ?? ''
        printed.get(i)?.push(...lines)
      })
    }
    const rootInfo = async (): Promise<{ node: number, members: number } | undefined> => {
      for (const [k, n] of nodes.entries()) {
        const t = (await ask(n.dir, 'topics') as Array<{ topic: string, role: string, queueGroups?: Record<string, number> }>).find(x => x.topic === TOPIC && x.role === 'root')
        if (t !== undefined) return { node: k, members: t.queueGroups?.render ?? 0 }
      }
      return undefined
    }
    await until('the root knows the 4 members', async () => (await rootInfo())?.members === 4, 30_000)
    const root = (await rootInfo())?.node
    const victim = [1, 2, 3, 4].find(i => i !== root) as number

    const pub = start(['pub', TOPIC, '--quiet', '--data', nodes[0].dir])
    const exited = new Promise<number | null>(resolve => pub.once('exit', code => { resolve(code) }))
    const lines = Array.from({ length: 120 }, (_, i) => `frame-${i}`)
    for (const [k, line] of lines.entries()) {
      if (k === 60) nodes[victim].proc.kill('SIGKILL')
      pub.stdin?.write(line + '\n')
      await sleep(20)
    }
    pub.stdin?.end()
    expect(await exited).toBe(0)
    const survivors = [1, 2, 3, 4].filter(i => i !== victim)
    const processed = (): Set<string> => new Set([...printed.values()].flat())
    await until('every message processed', () => lines.every(l => processed().has(l)), 30_000)
    for (const i of survivors) {
      const got = printed.get(i) ?? []
      expect(new Set(got).size, `member ${i} printed a message twice`).toBe(got.length)
      expect(got.length).toBeGreaterThan(0)
    }
    expect(nodes[victim].proc.signalCode).toBe('SIGKILL')
    // The root counted each message acknowledged once (meshcast stats prints it).
    const stats = spawnSync(process.execPath, [bin, 'stats', '--data', nodes[root as number].dir], { cwd: repo, encoding: 'utf8', timeout: 30_000 })
    expect(stats.stdout).toMatch(new RegExp(`^queues +acknowledged ${lines.length} `, 'm'))
  })
})

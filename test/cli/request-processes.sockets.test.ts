// `meshcast request`, `meshcast reply` and `meshcast sub --queue` between `meshcast node`
// processes on loopback (issue 13, items 1, 3 and 5): a reply from a command (as `nats reply
// --command`) or a fixed response; no responders and a timeout exit 1 with a clear message; a
// work queue of two subscribers prints each line once; bad arguments exit 2.
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { ask, bin, processes, root, startNodes } from '../helpers/processes.ts'
import { until } from '../helpers/until.ts'

const { dir, start } = processes('meshcast-request-')

function cli (args: string[]): { status: number | null, stdout: string, stderr: string } {
  return spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 })
}

describe('meshcast request | reply', () => {
  it('answers through processes, and fails clearly without responders or in time', async () => {
    const nodes = await startNodes(start, dir, 3)
    const inTree = async (n: { dir: string }, topic: string): Promise<boolean> =>
      (await ask(n.dir, 'topics') as Array<{ topic: string, subscribed: boolean, role: string }>).some(t => t.topic === topic && t.subscribed && t.role !== 'detached')

    // A service that upper-cases what it is sent, on node 1.
    const upper = start(['reply', 'svc.upper', '--command', 'tr a-z A-Z', '--data', nodes[1].dir])
    let served = ''
    upper.stdout?.on('data', (b: Buffer) => { served += b.toString() })
    await until('the service subscribed', async () => await inTree(nodes[1], 'svc.upper'), 30_000)
    const r = cli(['request', 'svc.upper', 'hello mesh', '--data', nodes[2].dir, '--timeout', '5000'])
    expect(r.stderr).toBe('')
    expect(r.stdout).toBe('HELLO MESH\n')
    expect(r.status).toBe(0)
    await until('the service printed the request', () => served.includes('hello mesh'))

    // A fixed response, answering two requests then exiting (--count).
    const fixed = start(['reply', 'svc.fixed', 'pong', '--count', '2', '--data', nodes[0].dir])
    const fixedExit = new Promise<number | null>(resolve => fixed.once('exit', code => { resolve(code) }))
    await until('the fixed service subscribed', async () => await inTree(nodes[0], 'svc.fixed'), 30_000)
    for (let i = 0; i < 2; i++) expect(cli(['request', 'svc.fixed', `ping ${i}`, '--data', nodes[2].dir, '--timeout', '5000']).stdout).toBe('pong\n')
    expect(await fixedExit).toBe(0)

    // Nobody subscribes: no responders, exit 1.
    const none = cli(['request', 'svc.nobody', 'hi', '--data', nodes[2].dir, '--timeout', '30000'])
    expect(none.status).toBe(1)
    expect(none.stderr).toMatch(/no responders on svc.nobody/)

    // A subscriber that never answers: the timeout, exit 1.
    const silent = start(['sub', 'svc.silent', '--data', nodes[1].dir])
    await until('the silent subscriber subscribed', async () => await inTree(nodes[1], 'svc.silent'), 30_000)
    const late = cli(['request', 'svc.silent', 'hi', '--data', nodes[2].dir, '--timeout', '500'])
    expect(late.status).toBe(1)
    expect(late.stderr).toMatch(/no reply to the request on svc.silent within 500 ms/)
    silent.kill()
    upper.kill()

    // A work queue: two `sub --queue` processes share what is published; each line once.
    const workers = [0, 1].map(i => start(['sub', 'jobs.q', '--queue', 'w', '--data', nodes[i].dir]))
    const printed = workers.map(() => '')
    workers.forEach((w, i) => { w.stdout?.on('data', (b: Buffer) => { printed[i] += b.toString() }) })
    const members = async (): Promise<number> => {
      for (const n of nodes) {
        const root = (await ask(n.dir, 'topics') as Array<{ topic: string, role: string, queueGroups?: Record<string, number> }>).find(t => t.topic === 'jobs.q' && t.role === 'root')
        if (root !== undefined) return root.queueGroups?.w ?? 0
      }
      return 0
    }
    await until('both workers registered at the root', async () => await members() === 2, 30_000)
    const lines = Array.from({ length: 20 }, (_, i) => `job-${i}`)
    const pub = spawnSync(process.execPath, [bin, 'pub', 'jobs.q', '--quiet', '--data', nodes[2].dir], { cwd: root, input: lines.join('\n') + '\n', encoding: 'utf8', timeout: 60_000 })
    expect(pub.status).toBe(0)
    const all = (): string[] => printed.flatMap(p => p.split('\n').filter(l => l !== ''))
    await until('every job printed', () => all().length >= lines.length, 30_000)
    expect(all().sort()).toEqual([...lines].sort())
    expect(printed.map(p => p.split('\n').filter(l => l !== '').length)).toEqual([10, 10])
    for (const w of workers) w.kill()
  })

  it.each([
    [['request'], /missing TOPIC/],
    [['request', 't'], /missing MESSAGE/],
    [['request', 't', 'm', '--data', '/nonexistent', '--timeout', '0'], /--timeout takes a number in 1\.\./],
    [['reply', 't', '--data', '/nonexistent'], /give a RESPONSE or --command CMD/],
    [['reply', 't', 'x', '--command', 'cat', '--data', '/nonexistent'], /give a RESPONSE or --command CMD/],
    [['request', 't', 'm', '--data', '/nonexistent'], /no meshcast node is running with --data \/nonexistent/]
  ])('meshcast %j exits 2 with a clear message', (args, message) => {
    const r = cli(args)
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(message)
  })
})

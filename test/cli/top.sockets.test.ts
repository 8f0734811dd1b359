// `meshcast top` against a real node process on loopback: in a pseudo-terminal (tmux) it draws
// the live view and gives the terminal back on q, Ctrl-C or a node that goes away; with stdout
// piped it prints one plain snapshot; bad arguments exit 2.
import { spawn, spawnSync } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectControl } from '../../src/cli/control.ts'
import { until } from '../helpers/until.ts'
import { grantDataDir } from '../helpers/processes.ts'

const root = new URL('../..', import.meta.url).pathname
const bin = join(root, 'bin', 'meshcast.js')
const dir = mkdtempSync(join(tmpdir(), 'meshcast-top-'))
const data = join(dir, 'node')
const tmuxSocket = `meshcast-top-${process.pid}`
let tmuxPath: string | undefined
const hasTmux = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0
const procs: ChildProcess[] = []
let peerId = ''
let publishing: NodeJS.Timeout | undefined

function start (args: string[]): ChildProcess {
  const data = args.indexOf('--data')
  if (args[0] === 'node' && data !== -1) grantDataDir(args[data + 1]) // the run's secured mesh
  const p = spawn(process.execPath, [bin, ...args], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] })
  procs.push(p)
  return p
}

async function startNode (d: string): Promise<{ proc: ChildProcess, peerId: string }> {
  const proc = start(['node', '--data', d, '--json'])
  for await (const line of createInterface({ input: proc.stdout as NodeJS.ReadableStream })) return { proc, peerId: JSON.parse(line).peerId }
  throw new Error('meshcast node ended without output')
}

/** Runs meshcast with stdout piped; asynchronous, so the publisher in this process keeps publishing meanwhile. */
async function run (args: string[]): Promise<{ code: number | null, stdout: string, stderr: string }> {
  const p = start(args)
  p.stdin?.end()
  let stdout = ''
  let stderr = ''
  p.stdout?.setEncoding('utf8').on('data', (s: string) => { stdout += s })
  p.stderr?.setEncoding('utf8').on('data', (s: string) => { stderr += s })
  const code = await new Promise<number | null>(resolve => p.once('close', resolve))
  return { code, stdout, stderr }
}

/** One control-socket request, answered by one JSON line. */
async function ask (d: string, op: string): Promise<Record<string, unknown>> {
  const c = await connectControl(d)
  try {
    c.request({ op })
    const first = await c.lines[Symbol.asyncIterator]().next()
    return JSON.parse(first.value as string)
  } finally { c.close() }
}

/** tmux on this file's own server, without the user's configuration. */
function tmux (...args: string[]): string {
  const r = spawnSync('tmux', ['-L', tmuxSocket, '-f', '/dev/null', ...args], { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`tmux ${args.join(' ')}: ${r.stderr}`)
  return r.stdout
}

const quote = (s: string): string => `'${s.replaceAll("'", "'\\''")}'`

/**
 * `meshcast top` in a new 120x30 tmux session; the exit code lands in exitFile, stderr in
 * errFile. The shell then waits on the terminal (cat), so the pane, and the terminal state
 * top left in it, stay to be read.
 */
function openTop (session: string, d: string): { exitFile: string, errFile: string } {
  const exitFile = join(dir, `${session}.exit`)
  const errFile = join(dir, `${session}.err`)
  const cmd = `cd ${quote(root)} && ${quote(process.execPath)} bin/meshcast.js top --data ${quote(d)} 2>${quote(errFile)}; echo EXIT=$? > ${quote(exitFile)}; exec cat`
  tmux('new-session', '-d', '-x', '120', '-y', '30', '-s', session, `sh -c ${quote(cmd)}`)
  tmuxPath ??= tmux('display-message', '-p', '-t', session, '#{socket_path}').trim()
  return { exitFile, errFile }
}

const screen = (session: string): string => tmux('capture-pane', '-p', '-t', session)
const pane = (session: string, format: string): string => tmux('display-message', '-p', '-t', session, format).trim()

/** The `news` row's PUB/S and DELIV/S, or undefined while it has none. */
function newsRates (text: string): { pub: number, deliv: number } | undefined {
  const m = /^news +root +0 +- +0 +1 +([\d.]+) +([\d.]+) +[\d.]+ +\d+$/m.exec(text)
  return m === null ? undefined : { pub: Number(m[1]), deliv: Number(m[2]) }
}

beforeAll(async () => {
  peerId = (await startNode(data)).peerId
  start(['sub', 'news', '--data', data])
  await until('the subscription to reach the node', async () => {
    const r = await ask(data, 'topics')
    return (r.topics as Array<{ topic: string, attached: boolean }>).some(t => t.topic === 'news' && t.attached)
  })
  // Traffic for the rates: a publisher fed one line every 20 ms, at most 5,000 lines.
  const pub = start(['pub', 'news', '--data', data, '--quiet'])
  pub.stdin?.on('error', () => {}) // it is killed in afterAll, maybe mid-write
  let sent = 0
  publishing = setInterval(() => {
    if (++sent > 5000) { clearInterval(publishing); pub.stdin?.end(); return }
    pub.stdin?.write(`message ${sent}\n`)
  }, 20)
  await until('published messages to be counted', async () => ((await ask(data, 'stats')).stats as { counts: { published: number } }).counts.published > 0)
})

afterAll(() => {
  clearInterval(publishing)
  if (hasTmux) spawnSync('tmux', ['-L', tmuxSocket, 'kill-server'])
  if (tmuxPath !== undefined) rmSync(tmuxPath, { force: true }) // tmux leaves its socket file
  for (const p of procs) p.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})

describe.skipIf(!hasTmux)(`meshcast top in a terminal (tmux)${hasTmux ? '' : ': skipped, no tmux on PATH'}`, () => {
  async function live (session: string): Promise<{ exitFile: string, errFile: string, text: string }> {
    const files = openTop(session, data)
    let text = ''
    await until('top to show a rate for news', () => {
      text = screen(session)
      const r = newsRates(text)
      return r !== undefined && r.pub > 0 && r.deliv > 0
    }, 20_000)
    return { ...files, text }
  }

  async function exited (exitFile: string): Promise<string> {
    await until('top to exit', () => existsSync(exitFile) && readFileSync(exitFile, 'utf8').includes('\n'))
    return readFileSync(exitFile, 'utf8').trim()
  }

  /** tmux parses the pane's output on its own time: wait until it has seen top's last bytes. */
  async function restored (session: string): Promise<void> {
    await until('the main screen and the cursor back', () => pane(session, '#{alternate_on} #{cursor_flag}') === '0 1')
  }

  it('draws the node on the alternate screen, fits 120x30, and q restores the terminal with exit 0', async () => {
    const { exitFile, errFile, text } = await live('q')
    const lines = text.split('\n')
    expect(lines[0]).toMatch(new RegExp(`^meshcast top  ${peerId}  \\d\\d:\\d\\d:\\d\\d  \\(q: quit\\)$`)) // not scrolled
    expect(text).toMatch(/^msgs\/s +published [\d.]+ +delivered [\d.]+ +forwarded [\d.]+$/m)
    expect(text).toMatch(/^queues +libp2p \d+ +zeromq \d+ +pending \d+$/m)
    expect(text).toMatch(/^TOPIC +ROLE +DEPTH +PARENT +CHILD +SUBS +PUB\/S +DELIV\/S +FWD\/S +DROPS$/m)
    expect(lines.every(l => l.length <= 120)).toBe(true)
    expect(pane('q', '#{alternate_on} #{cursor_flag}')).toBe('1 0') // alternate screen, cursor hidden
    tmux('send-keys', '-t', 'q', 'q')
    expect(await exited(exitFile)).toBe('EXIT=0')
    await restored('q')
    expect(screen('q').trim()).toBe('') // the main screen as it was: top's view went with the alternate one
    expect(readFileSync(errFile, 'utf8')).toBe('')
  })

  it('Ctrl-C exits cleanly too', async () => {
    const { exitFile, errFile } = await live('cc')
    tmux('send-keys', '-t', 'cc', 'C-c')
    expect(await exited(exitFile)).toBe('EXIT=0')
    await restored('cc')
    expect(readFileSync(errFile, 'utf8')).toBe('')
  })

  it('exits 1 with a clear message, terminal restored, when the node goes away', async () => {
    const d = join(dir, 'doomed')
    const doomed = await startNode(d)
    const { exitFile, errFile } = openTop('gone', d)
    await until('top to show the doomed node', () => screen('gone').startsWith(`meshcast top  ${doomed.peerId}`), 20_000)
    doomed.proc.kill('SIGTERM')
    expect(await exited(exitFile)).toBe('EXIT=1')
    expect(readFileSync(errFile, 'utf8')).toBe(`meshcast top: the node with --data ${d} went away (its control socket closed)\n`)
    await restored('gone')
  })
})

describe('meshcast top with stdout piped', () => {
  it('prints one plain snapshot with real rates and exits 0', async () => {
    const r = await run(['top', '--data', data, '--interval', '500'])
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    expect(r.stdout).not.toContain('\x1b')
    expect(r.stdout.match(/^meshcast top /gm)).toHaveLength(1)
    expect(r.stdout).toMatch(new RegExp(`^meshcast top  ${peerId}  \\d\\d:\\d\\d:\\d\\d$`, 'm'))
    expect(r.stdout).toMatch(/^peers 0 +routing table 0 +topics 1 +rates over 0\.\ds$/m)
    const rates = newsRates(r.stdout)
    expect(rates?.pub).toBeGreaterThan(0)
    expect(rates?.deliv).toBeGreaterThan(0)
  })

  it('--json prints one JSON object with the rates', async () => {
    const r = await run(['top', '--data', data, '--interval', '500', '--json'])
    expect(r.code).toBe(0)
    const lines = r.stdout.trim().split('\n')
    expect(lines).toHaveLength(1)
    const s = JSON.parse(lines[0])
    expect(s.peerId).toBe(peerId)
    expect(s.elapsedMs).toBeGreaterThanOrEqual(500)
    expect(s.rates.published).toBeGreaterThan(0)
    expect(s.topics[0]).toMatchObject({ topic: 'news', role: 'root', subscribers: 1 })
    expect(s.topics[0].rates.delivered).toBeGreaterThan(0)
  })

  it.each([
    [['top'], /--data DIR is required/],
    [['top', '--data', join(dir, 'nobody')], /no meshcast node is running with --data/],
    [['top', '--data', data, '--interval', '0'], /--interval takes an integer in 100\.\.3600000, not '0'/],
    [['top', '--data', data, '--interval', 'soon'], /--interval takes an integer/],
    [['top', '--data', data, 'extra'], /unexpected argument 'extra'/],
    [['top', '--data', data, '--bogus'], /Unknown option '--bogus'/]
  ])('rejects %j with a clear error and exit code 2', async (args, message) => {
    const r = await run(args)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(r.stderr).toContain('Usage: meshcast top')
  })
})

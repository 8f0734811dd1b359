// Running `meshcast sim` in a child process (Node 24, process.execPath) from a source tree's
// own bin/meshcast.js, and the temporary git worktree that holds the baseline's sources.
// The worktree is removed at the end, on error and on SIGINT/SIGTERM (cleanupAll()).
import { execFileSync, spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { SimReport } from '../../simulations/scenario.ts'
import type { BenchOptions } from './options.ts'
import { UsageError } from './options.ts'

function git (root: string, args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim()
}

export function repoRoot (from: string): string {
  return git(from, ['rev-parse', '--show-toplevel'])
}

/** The full commit a ref names; a UsageError naming the ref when git does not know it. */
export function resolveCommit (root: string, ref: string): string {
  try {
    return git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])
  } catch {
    throw new UsageError(`--baseline: '${ref}' is not a commit or ref git knows in ${root}`)
  }
}

/** The option names `meshcast sim` accepts, read from the OPTIONS object of a src/cli/sim.ts. */
export function simFlags (source: string): Set<string> {
  const start = source.indexOf('const OPTIONS')
  const end = source.indexOf('} as const', start)
  if (start < 0 || end < 0) return new Set()
  const flags = new Set<string>()
  for (const m of source.slice(start, end).matchAll(/^\s*'?([a-z][a-z-]*)'?\s*:\s*\{\s*type\s*:/gm)) flags.add(m[1])
  return flags
}

/** Flags that run the bench's scenario with one source tree's `meshcast sim` (those it supports). */
export function simArgs (o: BenchOptions, flags: Set<string>, label: string, warn: (s: string) => void): string[] {
  const missing = (flag: string): UsageError => new UsageError(`${label}: its 'meshcast sim' has no --${flag}, so it cannot run this scenario`)
  for (const f of ['peers', 'topics', 'seed', 'out']) if (!flags.has(f)) throw missing(f)
  const args = ['sim', '--peers', String(o.peers), '--topics', String(o.topics), '--seed', String(o.seed)]
  if (flags.has('crash')) args.push('--crash', String(o.crash))
  else if (o.crash !== 0.1) throw missing('crash')
  else warn(`${label}: no --crash flag; running its default crash fraction`)
  if (o.wire) {
    if (!flags.has('wire')) throw missing('wire')
    args.push('--wire')
  }
  if (o.publishIntervalMs !== undefined) {
    if (!flags.has('publish-interval')) throw missing('publish-interval')
    args.push('--publish-interval', String(o.publishIntervalMs))
  }
  return args
}

// Everything to undo at exit: worktrees to remove, temporary directories, the running child.
const cleanups: Array<() => void> = []
let running: ChildProcess | undefined

export function cleanupAll (): void {
  if (running?.pid !== undefined && running.exitCode === null && running.signalCode === null) {
    try { process.kill(running.pid, 'SIGTERM') } catch {}
  }
  while (cleanups.length > 0) {
    try { cleanups.pop()?.() } catch (err) { process.stderr.write(`[bench:sim] cleanup: ${(err as Error).message}\n`) }
  }
}

let signalsHooked = false
function hookSignals (): void {
  if (signalsHooked) return
  signalsHooked = true
  process.on('exit', cleanupAll)
  for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.on(sig, () => {
      process.stderr.write(`[bench:sim] ${sig}: stopping, removing the baseline worktree\n`)
      cleanupAll()
      process.exit(code)
    })
  }
}

/** A directory under the system's tmp removed at exit. */
export function tempDir (): string {
  hookSignals()
  const dir = mkdtempSync(join(tmpdir(), 'meshcast-bench-sim-'))
  cleanups.push(() => { rmSync(dir, { recursive: true, force: true }) })
  return dir
}

/**
 * A detached worktree of `commit` at `dir` with the repository's node_modules linked in.
 * Registered for removal (git worktree remove --force) at exit.
 */
export function addWorktree (root: string, commit: string, dir: string): void {
  hookSignals()
  git(root, ['worktree', 'add', '--detach', dir, commit])
  cleanups.push(() => {
    // The link goes first, so nothing can ever reach the real node_modules through it.
    const link = join(dir, 'node_modules')
    try { unlinkSync(link) } catch {}
    try {
      git(root, ['worktree', 'remove', '--force', dir])
    } catch (err) {
      process.stderr.write(`[bench:sim] git worktree remove failed (${(err as Error).message.split('\n')[0]}); deleting ${dir} and pruning\n`)
      rmSync(dir, { recursive: true, force: true })
      git(root, ['worktree', 'prune'])
    }
  })
  const modules = join(root, 'node_modules')
  if (existsSync(modules) && !existsSync(join(dir, 'node_modules'))) symlinkSync(modules, join(dir, 'node_modules'), 'dir')
}

export interface ChildRun {
  report: SimReport
  /** Spawn to exit, start-up included. */
  processMs: number
  /** The child's user + system CPU time. */
  cpuMs: number
  /** The child's peak RSS as the kernel counted it. */
  maxRssBytes: number
}

const CHILD = fileURLToPath(new URL('child.ts', import.meta.url))

/**
 * Runs `<tree>/bin/meshcast.js <args> --out <out>` in a child Node (process.execPath), through
 * child.ts for its CPU time, and reads the report it wrote.
 */
export async function runChild (tree: string, args: string[], out: string, label: string): Promise<ChildRun> {
  const bin = join(tree, 'bin', 'meshcast.js')
  if (!existsSync(bin)) throw new UsageError(`${label}: ${bin} does not exist`)
  const usage = `${out}.usage`
  const start = performance.now()
  const child = spawn(process.execPath, [CHILD, usage, bin, ...args, '--out', out], { cwd: tree, stdio: ['ignore', 'pipe', 'inherit'] })
  running = child
  const stdout: Buffer[] = []
  child.stdout?.on('data', (b: Buffer) => { stdout.push(b) })
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (c, s) => { resolve([c, s]) })
  })
  running = undefined
  const processMs = Math.round(performance.now() - start)
  if (code !== 0) {
    process.stderr.write(Buffer.concat(stdout))
    throw new Error(`${label}: meshcast sim exited with ${code ?? signal} (${[bin, ...args].join(' ')})`)
  }
  const u = JSON.parse(readFileSync(usage, 'utf8')) as { cpuMs: number, maxRssBytes: number }
  return { report: JSON.parse(readFileSync(out, 'utf8')) as SimReport, processMs, cpuMs: u.cpuMs, maxRssBytes: u.maxRssBytes }
}

/** A file's text at a commit, or undefined when the commit has no such file. */
export function gitShow (root: string, commit: string, path: string): string | undefined {
  try {
    return git(root, ['show', `${commit}:${path}`])
  } catch {
    return undefined
  }
}

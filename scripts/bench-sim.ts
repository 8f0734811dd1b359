// npm run bench:sim — the issue-3 figures: 10,000 peers × 100 topics, 10% crash, on this
// machine. Prints the report table, the goals beside the measured figures, and last one JSON
// line with the figures and ratios.
// Options: --peers, --topics, --seed (defaults 10000/100/1), --crash F (0.1), --wire,
// --publish-interval MS, --baseline REF, --repeat N (see --help).
// With --baseline REF the same scenario also runs at REF: a temporary `git worktree` of REF
// (the repository's node_modules linked in) runs its own bin/meshcast.js sim in a child
// process, and so does the current working tree, one after the other (current first,
// alternating with --repeat). Then a side-by-side table (baseline / current / ratio) and the
// goal "wall time ≤ 0.6 × baseline's". The worktree is removed at the end, on error and on
// SIGINT. Progress goes to stderr; stdout holds only the tables and the JSON line.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { formatReport } from '../simulations/report.ts'
import { runScenario } from '../simulations/scenario.ts'
import { combine, formatComparison, formatGoals, goals, nondeterministic, ratio } from './bench-sim/compare.ts'
import { parseBenchArgs, UsageError, USAGE } from './bench-sim/options.ts'
import type { Side } from './bench-sim/compare.ts'
import type { BenchOptions } from './bench-sim/options.ts'
import type { ChildRun } from './bench-sim/runs.ts'
import { addWorktree, cleanupAll, gitShow, repoRoot, resolveCommit, runChild, simArgs, simFlags, tempDir } from './bench-sim/runs.ts'

const log = (s: string): void => { process.stderr.write(`[bench:sim] ${s}\n`) }

interface Result {
  current: Side
  /** Wall time of each run, in run order (child processes only). */
  currentRuns?: number[]
  baseline?: { ref: string, commit: string, side: Side, runs: number[] }
}

function inProcess (o: BenchOptions): Result {
  const r = runScenario({
    peers: o.peers,
    topics: o.topics,
    seed: o.seed,
    crash: o.crash,
    wire: o.wire,
    ...(o.publishIntervalMs === undefined ? {} : { publishIntervalMs: o.publishIntervalMs })
  }, {
    onProgress: p => { log(`${p.phase.padEnd(14)} virtual ${(p.virtualMs / 1000).toFixed(1)} s  wall ${(p.wallMs / 1000).toFixed(1)} s`) },
    progressEveryMs: 5000
  })
  return { current: { report: r, processMs: null, cpuMs: null } }
}

const timing = (c: ChildRun): string =>
  `scenario ${(c.report.wallMs / 1000).toFixed(2)} s, process ${(c.processMs / 1000).toFixed(2)} s wall, ${(c.cpuMs / 1000).toFixed(2)} s CPU, ${(c.maxRssBytes / 2 ** 20).toFixed(0)} MiB max RSS`

async function inChildren (o: BenchOptions, root: string): Promise<Result> {
  const tmp = tempDir()
  const currentArgs = simArgs(o, simFlags(readFileSync(join(root, 'src/cli/sim.ts'), 'utf8')), 'the current tree', log)
  let base: { ref: string, commit: string, tree: string, args: string[] } | undefined
  if (o.baseline !== undefined) {
    const commit = resolveCommit(root, o.baseline)
    const label = `baseline ${o.baseline} (${commit.slice(0, 9)})`
    const simSource = gitShow(root, commit, 'src/cli/sim.ts')
    if (simSource === undefined || gitShow(root, commit, 'bin/meshcast.js') === undefined) {
      throw new UsageError(`--baseline ${o.baseline}: commit ${commit.slice(0, 9)} has no bin/meshcast.js or src/cli/sim.ts (no 'meshcast sim' to run)`)
    }
    const args = simArgs(o, simFlags(simSource), label, log)
    const tree = join(tmp, 'tree')
    log(`git worktree add --detach ${tree} ${commit.slice(0, 9)}`)
    addWorktree(root, commit, tree)
    base = { ref: o.baseline, commit, tree, args }
  }
  const current: ChildRun[] = []
  const baseline: ChildRun[] = []
  for (let i = 1; i <= o.repeat; i++) {
    const of = o.repeat > 1 ? ` run ${i}/${o.repeat}` : ''
    log(`current${of}: meshcast ${currentArgs.join(' ')}`)
    const c = await runChild(root, currentArgs, join(tmp, `current-${i}.json`), 'current')
    current.push(c)
    log(`current${of}: ${timing(c)}`)
    if (base !== undefined) {
      log(`baseline ${base.ref}${of}: meshcast ${base.args.join(' ')}`)
      const b = await runChild(base.tree, base.args, join(tmp, `baseline-${i}.json`), `baseline ${base.ref}`)
      baseline.push(b)
      log(`baseline ${base.ref}${of}: ${timing(b)}`)
    }
  }
  for (const [name, runs] of [['current', current], ['baseline', baseline]] as const) {
    const diff = runs.length > 1 ? nondeterministic(runs.map(r => r.report)) : []
    if (diff.length > 0) log(`warning: ${name} runs differ in ${diff.join(', ')} (the simulation should be deterministic)`)
  }
  return {
    current: combine(current),
    currentRuns: current.map(r => r.report.wallMs),
    baseline: base === undefined ? undefined : { ref: base.ref, commit: base.commit, side: combine(baseline), runs: baseline.map(r => r.report.wallMs) }
  }
}

function print (o: BenchOptions, res: Result): void {
  const r = res.current.report
  const b = res.baseline
  process.stdout.write(formatReport(r))
  if (b !== undefined) {
    const median = o.repeat > 1 ? ` (median timings and RSS of ${o.repeat} runs each, alternating)` : ''
    process.stdout.write(`\ncurrent vs baseline ${b.ref} (${b.commit.slice(0, 9)})${median}, ratio = current ÷ baseline\n`)
    process.stdout.write(formatComparison(b.side, res.current, b.commit.slice(0, 9)))
  }
  process.stdout.write('\n' + formatGoals(goals(r, b?.side.report)))
  const repairGoalMs = r.repairBoundMs
  const processFigures = (s: Side, runs: number[] | undefined): Record<string, unknown> =>
    s.processMs === null ? {} : { processMs: s.processMs, cpuMs: s.cpuMs, wallMsRuns: runs }
  process.stdout.write(JSON.stringify({
    bench: 'sim',
    ...r,
    wallRatioToGoal: Math.round(r.wallMs / 60_000 * 1000) / 1000,
    repairMaxRatioToBound: r.repairMs.max === null ? null : Math.round(r.repairMs.max / repairGoalMs * 1000) / 1000,
    scenario: { crash: o.crash, wire: o.wire, publishIntervalMs: o.publishIntervalMs ?? null, repeat: o.repeat },
    ...processFigures(res.current, res.currentRuns),
    ...(b === undefined
      ? {}
      : {
          baseline: { ref: b.ref, commit: b.commit, ...b.side.report, ...processFigures(b.side, b.runs) },
          wallRatioToBaseline: ratio(r.wallMs, b.side.report.wallMs),
          cpuRatioToBaseline: ratio(res.current.cpuMs, b.side.cpuMs)
        })
  }) + '\n')
}

async function main (): Promise<number> {
  let o: BenchOptions | undefined
  try {
    o = parseBenchArgs(process.argv.slice(2))
  } catch (err) {
    process.stderr.write(`bench:sim: ${(err as Error).message}\n${USAGE}`)
    return 2
  }
  if (o === undefined) {
    process.stdout.write(USAGE)
    return 0
  }
  try {
    if (o.repeat > 1 && o.baseline === undefined) log('--repeat without --baseline: running the current code in child processes')
    const root = repoRoot(fileURLToPath(new URL('.', import.meta.url)))
    const res = o.baseline === undefined && o.repeat === 1 ? inProcess(o) : await inChildren(o, root)
    print(o, res)
    return 0
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`bench:sim: ${err.message}\n`)
      return 2
    }
    process.stderr.write(`bench:sim: ${(err as Error).stack ?? String(err)}\n`)
    return 1
  } finally {
    cleanupAll()
  }
}

process.exitCode = await main()

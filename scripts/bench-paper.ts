// npm run bench:paper — the SCRIBE paper's experiment at the paper's scale (issue 6): runs
// `meshcast sim paper --scale full` (which gives itself a large heap), then prints our figures
// beside the goals and the paper's (recalled) figures, and last one JSON line.
// Options: --scale small|full (default full), --out DIR (default out/paper-bench), and any
// `meshcast sim paper` option after `--`.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { PUBLISHED } from '../simulations/paper/published.ts'
import type { PaperResult } from '../simulations/paper/runner.ts'

const { values, positionals } = parseArgs({ options: { scale: { type: 'string' }, out: { type: 'string' } }, allowPositionals: true })
const scale = values.scale ?? 'full'
const out = values.out ?? join('out', 'paper-bench')
const root = new URL('..', import.meta.url).pathname
const r = spawnSync(process.execPath, [join(root, 'bin', 'meshcast.js'), 'sim', 'paper', '--scale', scale, '--out', out, ...positionals], { stdio: ['ignore', 'inherit', 'inherit'] })
if (r.status !== 0) {
  process.stderr.write(`bench:paper: meshcast sim paper exited with ${String(r.status ?? r.signal)}\n`)
  process.exit(1)
}
const res = JSON.parse(readFileSync(join(out, 'scribe-paper.json'), 'utf8')) as PaperResult
const limitMs = 15 * 60_000
const entriesPaper = PUBLISHED.entriesMax.value ?? Infinity
const rows: Array<[string, string, boolean | null]> = [
  ['mean RAD <= 1.5', res.rad.mean.toFixed(3), res.rad.mean <= 1.5],
  [`max node stress < paper's ${entriesPaper} (recalled)`, String(res.nodeStress.max), res.nodeStress.max < entriesPaper],
  ...Object.entries(res.experiments).map(([e, v]): [string, string, boolean] => [`${e} (${v.runs} runs) < 15 min`, `${(v.wallMs / 60_000).toFixed(1)} min`, v.wallMs < limitMs]),
  ['peak memory < 24 GiB', `${(res.peakRssBytes / 2 ** 30).toFixed(1)} GiB`, res.peakRssBytes < 24 * 2 ** 30],
  [`RAD median vs paper ${PUBLISHED.radP50.value} (recalled)`, res.rad.p50.toFixed(3), null],
  [`RMD median vs paper ${PUBLISHED.rmdP50.value} (recalled)`, res.rmd.p50.toFixed(3), null],
  [`max link stress vs paper ${PUBLISHED.linkMax.value} (recalled)`, String(res.linkStress.max), null],
  [`max IP link stress vs paper ${PUBLISHED.ipLinkMax.value} (recalled)`, String(res.ipLinkStress.max), null]
]
process.stdout.write('\ngoal or comparison                                     measured      met\n')
for (const [goal, measured, met] of rows) process.stdout.write(`${goal.padEnd(55)}${measured.padEnd(14)}${met === null ? '-' : met ? 'yes' : 'NO'}\n`)
const { runs, ...head } = res
process.stdout.write(JSON.stringify({ bench: 'paper', ...head, runs: runs.map(x => ({ run: `${x.experiment}/${x.variant}`, rad: x.rad.mean, rmd: x.rmd.mean, entriesMax: x.nodeStress.entries.max, linkMax: x.linkStress.max, wallMs: x.wallMs, peakRssBytes: x.peakRssBytes })) }) + '\n')

// npm run bench:sim — the issue-3 figures: 10,000 peers × 100 topics, 10% crash, on this
// machine. Prints the report table, the goals beside the measured figures, and last one JSON
// line with the figures and ratios. Options: --peers, --topics, --seed (defaults 10000/100/1).
import { parseArgs } from 'node:util'
import { formatReport } from '../simulations/report.ts'
import { runScenario } from '../simulations/scenario.ts'

const { values } = parseArgs({ options: { peers: { type: 'string' }, topics: { type: 'string' }, seed: { type: 'string' } } })
const peers = Number(values.peers ?? 10_000)
const topics = Number(values.topics ?? 100)
const seed = Number(values.seed ?? 1)

const r = runScenario({ peers, topics, seed, crash: 0.1 }, {
  onProgress: p => process.stderr.write(`[bench:sim] ${p.phase.padEnd(14)} virtual ${(p.virtualMs / 1000).toFixed(1)} s  wall ${(p.wallMs / 1000).toFixed(1)} s\n`),
  progressEveryMs: 5000
})
process.stdout.write(formatReport(r))
const repairGoalMs = r.repairBoundMs
const goals = [
  ['wall time < 60 s', `${(r.wallMs / 1000).toFixed(1)} s`, r.wallMs < 60_000],
  ['deliveryAfterRepair = 1.0', r.deliveryAfterRepair.toFixed(4), r.deliveryAfterRepair === 1],
  [`repair max <= 3 heartbeats + one route (${repairGoalMs} ms)`, r.repairMs.max === null ? 'n/a' : `${r.repairMs.max} ms`, r.repairMs.max !== null && r.repairMs.max <= repairGoalMs],
  ['messagesPerDelivery close to 1', r.messagesPerDelivery.toFixed(3), r.messagesPerDelivery < 1.5]
] as const
process.stdout.write('\ngoal                                              measured      met\n')
for (const [goal, measured, met] of goals) process.stdout.write(`${goal.padEnd(50)}${measured.padEnd(14)}${met ? 'yes' : 'NO'}\n`)
process.stdout.write(JSON.stringify({
  bench: 'sim',
  ...r,
  wallRatioToGoal: Math.round(r.wallMs / 60_000 * 1000) / 1000,
  repairMaxRatioToBound: r.repairMs.max === null ? null : Math.round(r.repairMs.max / repairGoalMs * 1000) / 1000
}) + '\n')

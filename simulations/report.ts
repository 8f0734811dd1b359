// A short human table of a simulation report.
import type { SimReport } from './scenario.ts'

export function formatReport (r: SimReport): string {
  const ms = (v: number | null): string => v === null ? 'n/a' : `${v.toFixed(1)} ms`
  const count = (v: number): string => v.toLocaleString('en-US')
  const rows: Array<[string, string]> = [
    ['peers / topics / seed', `${r.peers} / ${r.topics} / ${r.seed}`],
    ['subscriptions', String(r.subscriptions)],
    ['delivery before crash', r.deliveryBeforeCrash.toFixed(4)],
    ['crashed peers', String(r.crashed)],
    ['delivery after repair', r.deliveryAfterRepair.toFixed(4)],
    ['delivery during repair', `${r.deliveryDuringRepair.toFixed(4)} (${count(r.lossDuringRepair)} of ${count(r.expectedDuringRepair)} expected lost)`],
    ['duplicate deliveries', count(r.duplicatesDelivered)],
    ['out-of-order deliveries', count(r.outOfOrderDelivered)],
    ['acknowledged lost', `${count(r.ackedLost)} (${count(r.acked)} acknowledged, ${count(r.ackFailed)} failed)`],
    ['latency p50 / p99', `${ms(r.latencyMs.p50)} / ${ms(r.latencyMs.p99)}`],
    ['orphaned subscriptions', `${r.orphans} (${r.unrepaired} never repaired)`],
    ['repair p50 / max', `${ms(r.repairMs.p50)} / ${ms(r.repairMs.max)} (bound ${r.repairBoundMs} ms)`],
    ['tree depth max', String(r.maxDepth)],
    ['children in one tree max', String(r.maxChildren)],
    ['children entries per node max', String(r.maxChildEntries)],
    ['messages per delivery', r.messagesPerDelivery.toFixed(3)],
    ['control msgs / peer / s', r.controlPerPeerPerSec.toFixed(2)],
    ['  by type', Object.entries(r.controlByType).sort((a, b) => b[1] - a[1]).map(([t, v]) => `${t} ${v.toFixed(2)}`).join(', ')],
    ['roots not at closest node', String(r.rootMismatches)],
    ['events', r.events.toLocaleString('en-US')],
    ['wall time', `${(r.wallMs / 1000).toFixed(1)} s`],
    ['peak memory (RSS)', `${(r.peakRssBytes / 2 ** 20).toFixed(0)} MiB`]
  ]
  const w = Math.max(...rows.map(([k]) => k.length))
  return rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join('\n') + '\n'
}

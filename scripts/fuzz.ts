// npm run fuzz [-- --frames N --seed S --small-bounds --heap-snapshot FILE]: random and mutated input into a live node (scripts/fuzz/run.ts).
// Prints a table, then one JSON line. Exit status 1 on a crash or a hang.
import { parseArgs } from 'node:util'
import { fuzz } from './fuzz/run.ts'

const { values } = parseArgs({ options: { frames: { type: 'string', default: '100000' }, seed: { type: 'string', default: '1' }, 'heap-snapshot': { type: 'string' }, 'small-bounds': { type: 'boolean', default: false } } })
const frames = Number(values.frames)
const seed = Number(values.seed)
if (!Number.isInteger(frames) || frames < 1 || !Number.isInteger(seed)) throw new Error('--frames takes a positive integer, --seed an integer')
const r = await fuzz({ frames, seed, heapSnapshot: values['heap-snapshot'], smallBounds: values['small-bounds'], log: line => { process.stderr.write(line + '\n') } })
const rows: Array<[string, string]> = [
  ['units of input', String(r.frames)],
  ['  structured / mutated frames (libp2p)', `${r.byKind.structured} / ${r.byKind.mutated}`],
  ['  raw streams / lane messages / control lines', `${r.byKind.stream} / ${r.byKind.lane} / ${r.byKind.control}`],
  ['crashes', String(r.crashes)],
  ['hangs (3 probes in a row not delivered in 5 s each)', `${r.hangs} of ${r.probes}`],
  ['victim: malformed frames / refused / bad streams / malformed lane batches', `${r.victim.malformedFrames} / ${r.victim.refused} / ${r.victim.badStreams} / ${r.victim.malformedBatches}`],
  ['rss start / max (MB, three nodes)', `${r.rssStartMB} / ${r.rssMaxMB}`],
  ['heap start / end (MB)', `${r.heapStartMB} / ${r.heapEndMB}`],
  ...r.live.map((l): [string, string] => [`live after a full GC at ${l.units} units: heap / external / rss MB; victim's topics / mailboxes`, `${l.heapMB} / ${l.externalMB} / ${l.rssMB}; ${l.victimTopics} / ${l.victimMailboxes}`]),
  ['wall (s)', (r.wallMs / 1000).toFixed(1)]
]
for (const [k, v] of rows) console.log(`${k.padEnd(76)} ${v}`)
for (const m of r.crashMessages.slice(0, 5)) console.log(`crash: ${m}`)
console.log(JSON.stringify({ bench: 'fuzz', seed, smallBounds: values['small-bounds'], ...r }))
process.exit(r.crashes === 0 && r.hangs === 0 ? 0 : 1)

// Summarises V8 CPU profiles (.cpuprofile, from `npm run bench:node -- --cpu-prof DIR`):
// self time by function and by package, to see where a node's time goes per message.
// Usage: node scripts/bench-node/profile-summary.ts FILE.cpuprofile [--top 30]
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

interface ProfileNode { id: number, callFrame: { functionName: string, url: string, lineNumber: number }, children?: number[] }
interface Profile { nodes: ProfileNode[], samples: number[], timeDeltas: number[], startTime: number, endTime: number }

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string' } } })
const top = Number(values.top ?? 30)

function area (url: string): string {
  if (url === '') return '(native/vm)'
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (m !== null) return m[1]
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0]
  const s = /\/work\/[^/]+\/(src\/[^/]+|scripts)/.exec(url)
  return s !== null ? s[1] : url
}

for (const file of positionals) {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile
  const byId = new Map(p.nodes.map(n => [n.id, n]))
  const self = new Map<number, number>()
  for (let i = 0; i < p.samples.length; i++) self.set(p.samples[i], (self.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0))
  const total = [...self.values()].reduce((a, b) => a + b, 0)
  const byFn = new Map<string, number>()
  const byArea = new Map<string, number>()
  for (const [id, t] of self) {
    const n = byId.get(id)!
    const f = n.callFrame
    const key = `${f.functionName || '(anonymous)'} ${area(f.url)}${f.url === '' ? '' : ':' + String(f.lineNumber + 1)}`
    byFn.set(key, (byFn.get(key) ?? 0) + t)
    const a = f.functionName === '(idle)' ? '(idle)' : f.functionName === '(garbage collector)' ? '(gc)' : area(f.url)
    byArea.set(a, (byArea.get(a) ?? 0) + t)
  }
  const pct = (t: number): string => (t / total * 100).toFixed(1).padStart(5) + '%'
  const ms = (t: number): string => (t / 1000).toFixed(0).padStart(7) + ' ms'
  process.stdout.write(`${file}: ${(total / 1e6).toFixed(1)} s sampled\n  by area:\n`)
  for (const [k, t] of [...byArea].sort((a, b) => b[1] - a[1]).slice(0, 20)) process.stdout.write(`  ${pct(t)} ${ms(t)}  ${k}\n`)
  process.stdout.write('  by function (self):\n')
  for (const [k, t] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, top)) process.stdout.write(`  ${pct(t)} ${ms(t)}  ${k}\n`)
}

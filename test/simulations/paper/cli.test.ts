// `meshcast sim paper` as a user runs it: a real process through the package's bin, writing the
// JSON, the report and the plots.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { cdfPlot } from '../../../simulations/paper/svg.ts'

const root = new URL('../../..', import.meta.url).pathname
const dir = mkdtempSync(join(tmpdir(), 'meshcast-paper-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function meshcast (...args: string[]): { code: number | null, stdout: string, stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'meshcast.js'), ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('meshcast sim paper', () => {
  it('writes scribe-paper.json with the issue\'s keys, scribe-paper.md and SVG plots', () => {
    const out = join(dir, 'small')
    const r = meshcast('sim', 'paper', '--scale', 'small', '--out', out, '--experiments', 'zipf', '--variants', 'pns-cap64,nopns-cap64')
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/\[paper\] zipf\/pns-cap64 .*building trees/)
    expect(r.stdout).toMatch(/headline \(zipf\/pns-cap64\): RAD mean \d\.\d{3}/)
    expect(r.stdout).toMatch(/peak memory \(RSS\) \d+\.\d\d GiB/)
    const json = JSON.parse(readFileSync(join(out, 'scribe-paper.json'), 'utf8'))
    for (const k of ['rad', 'rmd']) for (const q of ['mean', 'p50', 'max']) expect(json[k][q]).toBeGreaterThanOrEqual(1)
    for (const k of ['nodeStress', 'linkStress', 'ipLinkStress']) {
      expect(json[k].mean).toBeGreaterThan(0)
      expect(json[k].max).toBeGreaterThanOrEqual(json[k].mean)
    }
    expect(json.wallMs).toBeGreaterThan(0)
    expect(json.peakRssBytes).toBeGreaterThan(0)
    expect(json.runs.map((x: { variant: string }) => x.variant)).toEqual(['pns-cap64', 'nopns-cap64'])
    expect(json.runs[0].config.nodes).toBe(2000)
    expect(json.runs[0].config.groups).toBe(50)
    const md = readFileSync(join(out, 'scribe-paper.md'), 'utf8')
    expect(md).toMatch(/recalled/)
    expect(md).toMatch(/Castro, P\. Druschel, A\.-M\. Kermarrec, A\. Rowstron/)
    expect(md).toMatch(/## Where meshcast is worse, and why/)
    const svgs = readdirSync(out).filter(f => f.endsWith('.svg'))
    expect(svgs).toContain('scribe-paper-zipf-rad.svg')
    expect(svgs).toContain('scribe-paper-zipf-link-stress.svg')
    for (const f of svgs) {
      const svg = readFileSync(join(out, f), 'utf8')
      expect(svg.startsWith('<svg')).toBe(true)
      expect(svg.trimEnd().endsWith('</svg>')).toBe(true)
      expect(svg).toMatch(/<path d="M/)
      expect(md).toContain(`(${f})`)
    }
  })

  it.each([
    [['sim', 'paper'], /needs --out DIR/],
    [['sim', 'paper', '--out', dir, '--scale', 'huge'], /--scale takes small or full/],
    [['sim', 'paper', '--out', dir, '--variants', 'pns,zap'], /--variants takes a comma-separated list/],
    [['sim', 'paper', '--out', dir, '--candidates', '0'], /--candidates takes an integer/]
  ])('rejects %j with a clear error and exit code 2', (args, message) => {
    const r = meshcast(...args)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
  })

  it('has --help, and meshcast sim --help points to it', () => {
    const h = meshcast('sim', 'paper', '--help')
    expect(h.code).toBe(0)
    expect(h.stdout).toMatch(/Usage: meshcast sim paper/)
    expect(meshcast('sim', '--help').stdout).toMatch(/meshcast sim paper --help/)
  })
})

describe('SVG plot writer', () => {
  it('draws one step line per series, a legend and escapes text', () => {
    const svg = cdfPlot({ title: 'a < b & c', xLabel: 'x', series: [{ label: 'one', points: [[1, 0.5], [2, 1]] }, { label: 'two', points: [[1, 1]], dashed: true }] })
    expect(svg.match(/<path /g)?.length).toBe(2)
    expect(svg).toContain('a &lt; b &amp; c')
    expect(svg).toContain('stroke-dasharray')
    expect(svg).toContain('>one<')
    expect(svg).toContain('>two<')
  })

  it('draws a log axis with decade ticks', () => {
    const svg = cdfPlot({ title: 't', xLabel: 'x', logX: true, series: [{ label: 's', points: [[1, 0.1], [1000, 1]] }] })
    for (const t of ['>1<', '>10<', '>100<', '>1,000<']) expect(svg).toContain(t)
  })
})

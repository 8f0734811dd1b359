// `meshcast sim` as a user runs it: a real process through the package's bin.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const root = new URL('../..', import.meta.url).pathname
const dir = mkdtempSync(join(tmpdir(), 'meshcast-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function meshcast (...args: string[]): { code: number | null, stdout: string, stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'meshcast.js'), ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('meshcast sim', () => {
  it('runs a scenario, prints the table and writes the JSON report with every key', () => {
    const out = join(dir, 'report.json')
    const r = meshcast('sim', '--peers', '150', '--topics', '10', '--crash', '0.1', '--seed', '4', '--out', out)
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/delivery after repair\s+1\.0000/)
    expect(r.stdout).toMatch(/delivery during repair\s+[01]\.\d{4} \([\d,]+ of [\d,]+ expected lost\)/)
    expect(r.stdout).toMatch(/duplicate deliveries\s+\d+/)
    expect(r.stdout).toMatch(/out-of-order deliveries\s+\d+/)
    expect(r.stderr).toMatch(/\[sim\] .*virtual/) // progress
    const report = JSON.parse(readFileSync(out, 'utf8'))
    for (const key of ['peers', 'topics', 'seed', 'deliveryBeforeCrash', 'deliveryAfterRepair', 'deliveryDuringRepair', 'expectedDuringRepair', 'lossDuringRepair', 'duplicatesDelivered', 'outOfOrderDelivered', 'latencyMs', 'repairMs', 'maxDepth', 'maxChildren', 'messagesPerDelivery', 'controlPerPeerPerSec', 'wallMs', 'peakRssBytes']) {
      expect(report).toHaveProperty(key)
    }
    expect(report).toMatchObject({ peers: 150, topics: 10, seed: 4, deliveryAfterRepair: 1 })
    expect(report.deliveryDuringRepair).toBeCloseTo(1 - report.lossDuringRepair / report.expectedDuringRepair, 6)
    expect(report.latencyMs.p50).toBeGreaterThan(0)
    expect(report.latencyMs.p99).toBeGreaterThanOrEqual(report.latencyMs.p50)
  })

  it.each([
    [['sim', '--peers', 'many'], /--peers takes an integer/],
    [['sim', '--crash', '2'], /--crash takes a number in 0\.\.0\.9/],
    [['sim', '--bogus'], /Unknown option '--bogus'/],
    [['sim', 'extra'], /unexpected argument 'extra'/],
    [['sim', '--crash-at', '30000'], /--crash-at must be before --end/],
    [['frobnicate'], /unknown command 'frobnicate'/]
  ])('rejects %j with a clear error and exit code 2', (args, message) => {
    const r = meshcast(...args)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(r.stdout).toBe('')
  })

  it('has --help', () => {
    const r = meshcast('sim', '--help')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/Usage: meshcast sim/)
  })
})

// What a user does: `npm pack`, install the tarball into a new project outside this repository,
// and use meshcast there: the README's example as ES module and through require(), a strict
// TypeScript file checked against the shipped declarations, and the installed `meshcast`
// command (help, the simulator, and a publish between two nodes).
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { until } from '../helpers/until.ts'

const root = new URL('../..', import.meta.url).pathname
const work = mkdtempSync(join(tmpdir(), 'meshcast-user-'))
const project = join(work, 'app')
// The installed command's `#!/usr/bin/env node` finds this Node (24) first, as on a user's machine.
const env = { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}` }
const procs: ChildProcess[] = []
let files: string[] = []
let tarball = ''

beforeAll(() => {
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }))
  files = packed[0].files.map((f: { path: string }) => f.path)
  tarball = join(work, packed[0].filename)
  execFileSync('mkdir', ['-p', project])
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true, type: 'module' }))
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball, '@types/node@24'], { cwd: project, env, stdio: ['ignore', 'ignore', 'pipe'] })
}, 300_000)

afterAll(() => {
  for (const p of procs) p.kill('SIGKILL')
  rmSync(work, { recursive: true, force: true })
})

function meshcast (args: string[], timeout = 60_000): { code: number | null, stdout: string, stderr: string } {
  const r = spawnSync(join(project, 'node_modules', '.bin', 'meshcast'), args, { cwd: project, env, encoding: 'utf8', timeout })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

function start (args: string[]): ChildProcess {
  const p = spawn(join(project, 'node_modules', '.bin', 'meshcast'), args, { cwd: project, env, stdio: ['ignore', 'pipe', 'pipe'] })
  procs.push(p)
  return p
}

describe('meshcast installed from its tarball into a new project', () => {
  it('the tarball holds the built package and nothing of the repository besides', () => {
    expect(files).toContain('package.json')
    expect(files).toContain('dist/src/index.js')
    expect(files).toContain('dist/src/index.d.ts')
    expect(files).toContain('dist/src/cli/bin.js')
    const foreign = files.filter(f => !f.startsWith('dist/') && !['package.json', 'README.md', 'LICENSE'].includes(f))
    expect(foreign).toEqual([])
    expect(files.filter(f => /^(dist\/)?(test|scripts|docs|\.ci|examples)\//.test(f) || f.includes('docs/results'))).toEqual([])
    expect(files.filter(f => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([])
  })

  it('runs the README example as an ES module (.mjs)', () => {
    copyFileSync(join(root, 'examples', 'embed.mjs'), join(project, 'embed.mjs'))
    const r = spawnSync(process.execPath, ['embed.mjs'], { cwd: project, env, encoding: 'utf8', timeout: 60_000 })
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^orders: order 42 from 12D3Koo/)
  })

  it('loads through require() from CommonJS and carries a message', () => {
    writeFileSync(join(project, 'embed.cjs'), `
const { createTestnet } = require('meshcast')
;(async () => {
  const net = await createTestnet(2)
  const [a, b] = net.nodes
  const sub = a.subscribe('orders')
  await sub.ready
  await b.publish('orders', 'from commonjs')
  for await (const m of sub) { console.log(m.topic + ': ' + m.string()); break }
  await net.stop()
})()
`)
    const r = spawnSync(process.execPath, ['embed.cjs'], { cwd: project, env, encoding: 'utf8', timeout: 60_000 })
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.stdout).toBe('orders: from commonjs\n')
  })

  it('type-checks a strict TypeScript file against the shipped declarations (and rejects a wrong call)', () => {
    writeFileSync(join(project, 'use.ts'), `
import { createNode } from 'meshcast'
import type { Message, MeshNode, Subscription } from 'meshcast'

const node: MeshNode = await createNode({ open: true, listen: ['/ip4/127.0.0.1/tcp/0'] })
const sub: Subscription = node.subscribe('orders')
await sub.ready
const subscribers: number = await node.publish('orders', 'hello', { headers: { kind: 'greeting' } })
for await (const m of sub) {
  const msg: Message = m
  const text: string = msg.string()
  console.log(subscribers, text, msg.seq, msg.publisher, msg.headers.kind)
  break
}
// @ts-expect-error the topic comes first (an unused expectation is an error: types are real, not any)
await node.publish(42, 'x')
await node.stop()
`)
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2023', skipLibCheck: false, types: ['node'] },
      files: ['use.ts']
    }))
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc')
    const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: project, env, encoding: 'utf8', timeout: 120_000 })
    expect(r.stdout + r.stderr).toBe('')
    expect(r.status).toBe(0)
    // The same check fails when the file misuses the API: the declarations are what is checked.
    writeFileSync(join(project, 'use.ts'), "import { createNode } from 'meshcast'\nconst n = await createNode()\nn.subscribe(7)\n")
    const bad = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: project, env, encoding: 'utf8', timeout: 120_000 })
    expect(bad.status).not.toBe(0)
    expect(bad.stdout).toMatch(/use\.ts\(3,\d+\): error TS2345/)
  })

  it('the installed meshcast command (also through npx) prints its help and runs the simulator', () => {
    const help = meshcast(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^Usage: meshcast <command>/)
    const npx = spawnSync('npx', ['--no-install', 'meshcast', 'sim', '--help'], { cwd: project, env, encoding: 'utf8', timeout: 60_000 })
    expect(npx.status).toBe(0)
    expect(npx.stdout).toMatch(/^Usage: meshcast sim/)
    const sim = meshcast(['sim', '--peers', '50', '--topics', '5'], 120_000)
    expect(sim.stderr).not.toMatch(/Error/)
    expect(sim.code).toBe(0)
    expect(sim.stdout).toMatch(/^peers \/ topics \/ seed +50 \/ 5 \/ 1$/m)
    expect(sim.stdout).toMatch(/^delivery after repair +1\.0000$/m)
  })

  it('two installed nodes in a secured mesh: a subscriber on one receives what is published on the other', async () => {
    const firstLine = async (p: ChildProcess): Promise<string> => {
      for await (const line of createInterface({ input: p.stdout as NodeJS.ReadableStream })) return line
      throw new Error('process ended without output')
    }
    // The secured set-up of the README: an authority, each node's id, a grant for each.
    const init = meshcast(['authority', 'init', '--out', join(work, 'authority.key')])
    expect(init.code).toBe(0)
    const authority = init.stdout.trim()
    for (const n of ['a', 'b']) {
      const id = meshcast(['id', '--data', join(work, n)]).stdout.trim()
      expect(meshcast(['grant', id, '--key', join(work, 'authority.key'), '--pub', 'news', '--sub', 'news', '--expires', '1d', '--out', join(work, n, 'grant')]).code).toBe(0)
    }
    const a = start(['node', '--data', join(work, 'a'), '--json', '--authority', authority])
    const infoA = JSON.parse(await firstLine(a))
    const b = start(['node', '--data', join(work, 'b'), '--json', '--authority', authority, '--bootstrap', infoA.addrs[0]])
    expect(JSON.parse(await firstLine(b)).peerId).toMatch(/^12D3Koo/)
    const sub = start(['sub', 'news', '--data', join(work, 'a')])
    const lines: string[] = []
    createInterface({ input: sub.stdout as NodeJS.ReadableStream }).on('line', l => { lines.push(l) })
    // Publish until the subscriber has one (its JOIN may still be on its way when the first goes out).
    let n = 0
    await until('the subscriber on node a to print a message published on node b', () => {
      if (lines.length > 0) return true
      expect(meshcast(['pub', 'news', `hello ${++n}`, '--data', join(work, 'b')], 30_000).code).toBe(0)
      return false
    }, 30_000)
    expect(lines[0]).toMatch(/^hello \d+$/)
    // The publisher's count converges on the one subscriber (the root reports it with its heartbeats).
    await until('pub to report one subscriber', () => meshcast(['pub', 'news', 'counted', '--data', join(work, 'b')], 30_000).stdout === 'published to news: 1 subscriber\n', 30_000)
    await until('the subscriber to print the counted message', () => lines.includes('counted'))
  })
})

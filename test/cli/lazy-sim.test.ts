// `meshcast node` and the client commands do not load the simulator; `meshcast sim` does.
// A module hook prints every module Node loads from simulations/.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = new URL('../..', import.meta.url).pathname
const hook = 'data:text/javascript,' + encodeURIComponent(
  "import { registerHooks } from 'node:module'\n" +
  "registerHooks({ resolve (s, c, next) { const r = next(s, c); if (r.url.includes('/simulations/') || r.url.includes('/node_modules/libp2p/')) process.stderr.write('LOADED ' + r.url + '\\n'); return r } })\n")

function loaded (args: string[]): { code: number | null, simulations: string[], libp2p: string[] } {
  const r = spawnSync(process.execPath, ['--import', hook, join(root, 'bin', 'meshcast.js'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 })
  const lines = r.stderr.split('\n').filter(l => l.startsWith('LOADED '))
  return { code: r.status, simulations: lines.filter(l => l.includes('/simulations/')), libp2p: lines.filter(l => l.includes('/node_modules/libp2p/')) }
}

describe('the simulator is loaded only for meshcast sim', () => {
  it.each([['node', '--help'], ['pub', '--help'], ['--help']])('meshcast %s %s loads nothing from simulations/', (...args) => {
    const r = loaded(args)
    expect(r.code).toBe(0)
    expect(r.simulations).toEqual([])
  })

  it.each([['peers', '--help'], ['top', '--help'], ['node', '--help']])('meshcast %s %s does not load libp2p either (it starts in half a second)', (...args) => {
    const r = loaded(args)
    expect(r.code).toBe(0)
    expect(r.libp2p).toEqual([])
  })

  it('meshcast sim --help loads it (the hook sees what it should)', () => {
    const r = loaded(['sim', '--help'])
    expect(r.code).toBe(0)
    expect(r.simulations.some(l => l.endsWith('/simulations/scenario.ts'))).toBe(true)
  })
})

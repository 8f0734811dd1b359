// The README's example is a real program: run it as a user would and check what it prints.
// In this repository `import ... from 'meshcast'` resolves to the sources through the package's
// 'meshcast-source' export condition; test/package/ runs the same example against the
// installed tarball.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const root = new URL('..', import.meta.url).pathname

describe('examples', () => {
  it('embed.mjs (the README example, on a 3-node testnet) receives the order, stops, and the process exits by itself (nothing leaked keeps it alive)', () => {
    const r = spawnSync(process.execPath, ['--conditions=meshcast-source', 'examples/embed.mjs'], { cwd: root, encoding: 'utf8', timeout: 60_000 })
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^orders: order 42 from 12D3Koo/)
  })

  it('the README shows embed.mjs as it is', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
    const code = readFileSync(new URL('../examples/embed.mjs', import.meta.url), 'utf8')
    expect(readme).toContain(code.slice(code.indexOf("import { createTestnet }")).trimEnd())
  })

  it('two-cores.ts delivers the published message to the subscriber', () => {
    const r = spawnSync(process.execPath, ['--conditions=meshcast-source', 'examples/two-cores.ts'], { cwd: root, encoding: 'utf8', timeout: 30_000 })
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.stdout.trim()).toBe('b got "hello from a" on greetings')
  })
})

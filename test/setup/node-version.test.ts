// npm scripts put node_modules/.bin first on PATH, where the `node` package (a devDependency)
// installed Node 24: so `npm test` runs on Node 24 even on a machine that came with Node 20.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

describe('runtime', () => {
  it('runs on Node 24, the version package.json pins', () => {
    expect(process.version).toMatch(/^v24\./)
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'))
    expect(pkg.devDependencies.node).toMatch(/^\^24\./)
  })
})

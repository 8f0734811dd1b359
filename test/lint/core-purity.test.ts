// The lint rules that keep src/core pure must actually fire: lint snippets as if they lived in
// src/core and check each forbidden construct is reported, and that the real core is clean.
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname })

async function problems (code: string, file = 'src/core/example.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file })
  return result.messages.map(m => `${m.ruleId ?? 'parse'}: ${m.message}`)
}

describe('src/core purity lint', () => {
  it.each([
    ["import { readFileSync } from 'node:fs'\nreadFileSync('x')", 'no-restricted-imports'],
    ["import { createLibp2p } from 'libp2p'\nvoid createLibp2p", 'no-restricted-imports'],
    ["import * as zmq from 'zeromq'\nvoid zmq", 'no-restricted-imports'],
    ['setTimeout(() => {}, 1)', 'no-restricted-globals'],
    ['export const t = Date.now()', 'no-restricted-properties'],
    ['export const r = Math.random()', 'no-restricted-properties'],
    ['export const d = new Date()', 'no-restricted-syntax'],
    ['export const p = performance.now()', 'no-restricted-globals']
  ])('rejects %s', async (code, rule) => {
    const found = await problems(code)
    expect(found.some(p => p.startsWith(rule))).toBe(true)
  })

  it('allows the same code outside src/core', async () => {
    expect(await problems('setTimeout(() => {}, 1)\nexport const t = Date.now()', 'src/node/example.ts')).toEqual([])
  })

  it('finds nothing in the real src/core', async () => {
    const results = await eslint.lintFiles(['src/core'])
    const messages = results.flatMap(r => r.messages.map(m => `${r.filePath}:${m.line} ${m.ruleId}: ${m.message}`))
    expect(messages).toEqual([])
  })
})

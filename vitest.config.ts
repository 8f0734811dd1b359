import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: process.env.CI === 'true' ? ['default', 'json'] : ['default'],
    outputFile: process.env.CI === 'true' ? { json: 'out/vitest-results.json' } : undefined
  }
})

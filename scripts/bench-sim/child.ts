// Runs a source tree's bin/meshcast.js in this process and, at exit, writes the process's CPU
// time and kernel peak RSS to a file: `node child.ts <usage.json> <tree>/bin/meshcast.js sim ...`.
// Both sides of a bench:sim comparison start through it, so both pay the same start-up.
import { writeFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

const [usageOut, bin, ...args] = process.argv.slice(2)
process.argv = [process.argv[0], bin, ...args]
process.on('exit', () => {
  const u = process.resourceUsage()
  writeFileSync(usageOut, JSON.stringify({ cpuMs: Math.round((u.userCPUTime + u.systemCPUTime) / 1000), maxRssBytes: u.maxRSS * 1024 }) + '\n')
})
await import(pathToFileURL(bin).href)

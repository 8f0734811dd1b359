// Regenerates src/core/wire/messages.js and messages.d.ts from meshcast.proto.
// protons emits TypeScript with namespaces, which Node's type stripping cannot run, so the
// output is compiled once to JavaScript here and committed; nothing else needs a build step.
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const wire = join(import.meta.dirname, '..', 'src', 'core', 'wire')
const tmp = mkdtempSync(join(wire, '.gen-'))  // inside the repo, so node_modules resolves
try {
  copyFileSync(join(wire, 'meshcast.proto'), join(tmp, 'messages.proto'))
  execFileSync('npx', ['--no-install', 'protons', join(tmp, 'messages.proto')], { stdio: 'inherit' })
  execFileSync('npx', ['--no-install', 'tsc', '--declaration', '--target', 'es2022', '--module', 'nodenext',
    '--moduleResolution', 'nodenext', '--skipLibCheck', '--outDir', tmp, join(tmp, 'messages.ts')], { stdio: 'inherit' })
  for (const f of ['messages.js', 'messages.d.ts']) copyFileSync(join(tmp, f), join(wire, f))
  console.log(`wrote ${join(wire, 'messages.js')} and messages.d.ts`)
} finally {
  rmSync(tmp, { recursive: true, force: true })
}

// Regenerates the protons codecs from the .proto schemas:
//   src/core/wire/meshcast.proto      -> src/core/wire/messages.js (+ .d.ts)
//   src/transport/zeromq/lan.proto    -> src/transport/zeromq/lan-messages.js (+ .d.ts)
// protons emits TypeScript with namespaces, which Node's type stripping cannot run, so the
// output is compiled once to JavaScript here and committed; nothing else needs a build step.
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const src = join(import.meta.dirname, '..', 'src')
const schemas = [
  { dir: join(src, 'core', 'wire'), proto: 'meshcast.proto', out: 'messages' },
  { dir: join(src, 'transport', 'zeromq'), proto: 'lan.proto', out: 'lan-messages' }
]

for (const { dir, proto, out } of schemas) {
  const tmp = mkdtempSync(join(dir, '.gen-')) // inside the repo, so node_modules resolves
  try {
    copyFileSync(join(dir, proto), join(tmp, `${out}.proto`))
    execFileSync('npx', ['--no-install', 'protons', join(tmp, `${out}.proto`)], { stdio: 'inherit' })
    execFileSync('npx', ['--no-install', 'tsc', '--declaration', '--target', 'es2022', '--module', 'nodenext',
      '--moduleResolution', 'nodenext', '--skipLibCheck', '--outDir', tmp, join(tmp, `${out}.ts`)], { stdio: 'inherit' })
    for (const f of [`${out}.js`, `${out}.d.ts`]) copyFileSync(join(tmp, f), join(dir, f))
    console.log(`wrote ${join(dir, `${out}.js`)} and ${out}.d.ts`)
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
}

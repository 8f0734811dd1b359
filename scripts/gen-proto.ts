// Regenerates the protons codecs from the .proto schemas:
//   src/core/wire/meshcast.proto      -> src/core/wire/messages.js (+ .d.ts)
//   src/transport/zeromq/lan.proto    -> src/transport/zeromq/lan-messages.js (+ .d.ts)
// protons emits TypeScript with namespaces, which Node's type stripping cannot run, so the
// output is compiled once to JavaScript here and committed; nothing else needs a build step.
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
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
    // protons allocates a fresh empty array as the default of every bytes field it decodes;
    // one shared empty array does the same (a decoded field replaces it) without the cost.
    const js = readFileSync(join(tmp, `${out}.js`), 'utf8')
    const shared = js.includes('uint8ArrayAlloc(0)') ? js.replaceAll('uint8ArrayAlloc(0)', 'EMPTY_BYTES') + 'const EMPTY_BYTES = uint8ArrayAlloc(0);\n' : js
    writeFileSync(join(dir, `${out}.js`), shared)
    copyFileSync(join(tmp, `${out}.d.ts`), join(dir, `${out}.d.ts`))
    console.log(`wrote ${join(dir, `${out}.js`)} and ${out}.d.ts`)
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
}

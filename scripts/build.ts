// Builds the published package: tsc compiles src/ and simulations/ (the CLI's `meshcast sim`
// needs them) to JavaScript and .d.ts in dist/, rewriting `./x.ts` imports to `./x.js`
// (Node does not strip types under node_modules, so the package must ship JavaScript). The
// generated protons codecs are already JavaScript with declarations (npm run proto): copied.
// Runs from `prepack`; the repository itself runs from source and needs no build.
import { execFileSync } from 'node:child_process'
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'

const root = join(import.meta.dirname, '..')
const dist = join(root, 'dist')

rmSync(dist, { recursive: true, force: true })
execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: ['ignore', 2, 2] }) // on stderr: `npm pack --json` owns stdout

/** Files under dir (recursively) whose names pass `keep`. */
function walk (dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const p = join(dir, e.name)
    return e.isDirectory() ? walk(p, keep) : keep(e.name) ? [p] : []
  })
}

let copied = 0
for (const file of walk(join(root, 'src'), n => n.endsWith('.js') || (n.endsWith('.d.ts')))) {
  const to = join(dist, relative(root, file))
  mkdirSync(dirname(to), { recursive: true })
  copyFileSync(file, to)
  copied++
}
// tsc rewrites `.ts` specifiers in JavaScript but leaves them in declarations: a consumer's
// TypeScript then looks for .ts files the package does not ship. Rewrite them to .js too.
const tsSpecifier = /((?:from\s+|import\s*\(\s*)(['"]))(\.{1,2}\/[^'"]+)\.ts\2/g
let rewritten = 0
for (const file of walk(dist, n => n.endsWith('.d.ts'))) {
  const text = readFileSync(file, 'utf8')
  const out = text.replace(tsSpecifier, (_m, head: string, quote: string, path: string) => `${head}${path}.js${quote}`)
  if (out !== text) { writeFileSync(file, out); rewritten++ }
}
chmodSync(join(dist, 'src', 'cli', 'bin.js'), 0o755)
console.error(`built dist/ (tsc, plus ${copied} generated codec files; .ts imports rewritten in ${rewritten} declarations)`)

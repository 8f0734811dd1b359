// The systems `npm run bench:lan` knows, by name. Each entry imports its module only when
// called, so a run loads nothing of the systems it does not measure. To add a system: a
// module under scripts/bench-lan/ that exports `create(): Promise<BenchSystem>` (see
// ./system.ts), and one line here.
import type { BenchSystem } from './system.ts'

export const systems: Record<string, () => Promise<BenchSystem>> = {
  zeromq: async () => await (await import('./raw-zmq.ts')).create(),
  'zeromq-curve': async () => await (await import('./raw-zmq.ts')).create({ curve: true }),
  'meshcast-zmq': async () => await (await import('./meshcast.ts')).create('zmq'),
  'meshcast-libp2p': async () => await (await import('./meshcast.ts')).create('libp2p')
}

export function knownSystems (): string[] {
  return Object.keys(systems)
}

export async function loadSystem (name: string): Promise<BenchSystem> {
  const load = Object.hasOwn(systems, name) ? systems[name] : undefined
  if (load === undefined) throw new Error(`unknown system '${name}' (known: ${knownSystems().join(', ')})`)
  return await load()
}

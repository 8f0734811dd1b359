// Shared by the commands that join a mesh: multiaddr checks and waiting for a bootstrap peer.
import { multiaddr } from '@multiformats/multiaddr'
import type { MeshNode } from '../node/mesh-node.ts'
import { UsageError } from './args.ts'

export function checkMultiaddrs (flag: string, values: string[]): string[] {
  for (const v of values) {
    try { multiaddr(v) } catch { throw new UsageError(`--${flag}: '${v}' is not a multiaddr (example: /ip4/127.0.0.1/tcp/4001/p2p/12D3Koo...)`) }
    if (flag === 'bootstrap' && !v.includes('/p2p/')) throw new UsageError(`--bootstrap: '${v}' has no /p2p/<peer id>`)
  }
  return values
}

/** Waits until the node is connected to a peer; stops it and fails clearly if none answers. */
export async function awaitBootstrap (node: MeshNode, bootstrap: string[], ms = 5000): Promise<void> {
  const deadline = Date.now() + ms
  while (node.peers().length === 0) {
    if (Date.now() > deadline) {
      await node.stop()
      throw new UsageError(`could not reach any bootstrap peer (${bootstrap.join(', ')})`)
    }
    await new Promise(resolve => setTimeout(resolve, 50))
  }
}

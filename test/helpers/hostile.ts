// A hostile peer for tests: a real meshcast node whose libp2p connection is used to send
// whatever wire messages a test builds (forged, out of turn), encoded as the protocol frames
// them. The victims are unmodified nodes.
import { encodeFrames } from '../../src/core/wire/codec.ts'
import { isDataMsg } from '../../src/core/wire/types.ts'
import type { Msg } from '../../src/core/wire/types.ts'
import type { MeshNode } from '../../src/node/mesh-node.ts'

interface RawTransport { send: (to: string, f: { bytes: Uint8Array, topics: string[], kind: 'control' | 'data' }) => void }

/** Sends the messages from `hostile` to peer `to` over their libp2p connection. */
export function sendRaw (hostile: MeshNode, to: string, msgs: Msg[]): void {
  const transport = (hostile as unknown as { transport: RawTransport }).transport
  for (const bytes of encodeFrames(msgs, 4 * 1024 * 1024)) {
    transport.send(to, { bytes, topics: [], kind: msgs.every(isDataMsg) ? 'data' : 'control' })
  }
}

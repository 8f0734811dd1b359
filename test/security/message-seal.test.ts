// Publisher seals (issue 14, item 2): every message of a batch checks on its own, any change to
// a signed field or a seal made with another key is caught, and one signature check covers a
// whole batch at a receiver.
import { describe, expect, it } from 'vitest'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { MAX_SEAL_BATCH, MessageSealer, SealVerifier } from '../../src/security/message-seal.ts'
import type { AppMessage } from '../../src/core/wire/types.ts'

async function sealer (): Promise<MessageSealer> {
  const key = await generateKeyPair('Ed25519')
  return new MessageSealer(peerIdFromPrivateKey(key).toString(), key.raw)
}

function messages (publisher: string, n: number, topic = 'orders'): AppMessage[] {
  return Array.from({ length: n }, (_, i) => ({ topic, publisher, epoch: 1_700_000_000_000, seq: i + 1, payload: new TextEncoder().encode(`m${i}`), headers: i % 3 === 0 ? [{ key: 'k', value: `v${i}` }] : [] }))
}

describe('message seals', () => {
  it('every message of batches of 1 to 65 verifies alone, with one signature check per batch', async () => {
    const s = await sealer()
    for (const n of [1, 2, 3, 5, 8, 13, 31, 64, 65]) {
      const batch = messages(s.publisher, n)
      s.seal(batch)
      const v = new SealVerifier()
      // Out of order, as a subset would arrive after a repair.
      for (const m of [...batch].reverse()) expect(v.verify(m)).toBe(true)
      expect(v.stats.signatureChecks).toBe(Math.ceil(n / MAX_SEAL_BATCH))
      expect(v.stats.forged).toBe(0)
    }
  })

  it('catches a change to any signed field, a missing seal and another key', async () => {
    const s = await sealer()
    const other = await sealer()
    const changes: Array<(m: AppMessage) => void> = [
      m => { m.payload = new TextEncoder().encode('forged') },
      m => { m.topic = 'orders.x' },
      m => { m.seq += 1000 },
      m => { m.epoch += 1 },
      m => { m.headers = [{ key: 'reply', value: 'attacker' }] },
      m => { m.publisher = other.publisher },
      m => { delete m.seal },
      m => { m.seal = m.seal?.subarray(0, m.seal.byteLength - 1) },
      m => { const seal = new Uint8Array(m.seal ?? []); seal[seal.byteLength - 1] ^= 1; m.seal = seal },
      m => { const seal = new Uint8Array(m.seal ?? []); seal[2] = 200; m.seal = seal }
    ]
    for (const change of changes) {
      const batch = messages(s.publisher, 4)
      s.seal(batch)
      change(batch[1])
      const v = new SealVerifier()
      expect(v.verify(batch[1])).toBe(false)
      expect(v.stats.forged).toBe(1)
    }
    // A seal made by another peer's key for a message that names s as its publisher.
    const forged = messages(s.publisher, 1)
    const signer = other as unknown as { publisher: string }
    Object.defineProperty(signer, 'publisher', { value: s.publisher })
    other.seal(forged)
    expect(new SealVerifier().verify(forged[0])).toBe(false)
    // A publisher id that is not an Ed25519 peer id.
    const junk = messages('not-a-peer-id', 1)
    s.seal(junk)
    expect(new SealVerifier().verify(junk[0])).toBe(false)
  })

  it('keeps its tables bounded', async () => {
    const s = await sealer()
    const v = new SealVerifier({ maxRoots: 4, maxKeys: 2 })
    for (let i = 0; i < 20; i++) {
      const batch = messages(s.publisher, 1)
      batch[0].seq = i + 1
      s.seal(batch)
      expect(v.verify(batch[0])).toBe(true)
    }
    expect(v.cached).toEqual({ roots: 4, keys: 1 })
  })
})

// Control before data over real libp2p streams (two hosts on 127.0.0.1, TCP, Noise, Yamux): a
// burst of data far larger than the data queue and the stream window, with control frames sent
// in between. Every control frame arrives, in order, and ahead of the data that was waiting when
// it was sent; data is shed with its reason and every data frame is either delivered or counted.
import { afterAll, describe, expect, it } from 'vitest'
import { createHost } from '../../src/transport/libp2p/host.ts'
import type { MeshLibp2p } from '../../src/transport/libp2p/host.ts'
import { Libp2pTransport } from '../../src/transport/libp2p/libp2p-transport.ts'
import type { DropReason, OutFrame } from '../../src/transport/transport.ts'
import { NODE_DEFAULTS } from '../../src/node/defaults.ts'
import { until } from '../helpers/until.ts'

const cleanups: Array<() => Promise<void>> = []
afterAll(async () => { for (const c of cleanups.reverse()) await c() })

const CONTROL = 1
const DATA = 2

function frame (kind: typeof CONTROL | typeof DATA, i: number, size: number): OutFrame {
  const bytes = new Uint8Array(size)
  bytes[0] = kind
  new DataView(bytes.buffer).setUint32(1, i)
  return kind === CONTROL ? { bytes, topics: [], kind: 'control' } : { bytes, topics: ['t'], kind: 'data' }
}

async function host (): Promise<MeshLibp2p> {
  const h = await createHost({ maxStreamWindowBytes: NODE_DEFAULTS.streamWindowBytes })
  await h.start()
  cleanups.push(async () => { await h.stop() })
  return h
}

describe('Libp2pTransport over real streams', () => {
  it('control frames sent between bursts of data overtake the queued data, and none is dropped while data is shed', async () => {
    const [ha, hb] = [await host(), await host()]
    const arrived: Array<[number, number]> = []
    const dropped: Array<[DropReason, OutFrame]> = []
    const noop = (): void => {}
    const a = new Libp2pTransport(ha, { frame: noop, peerUp: noop, peerDown: noop, dropped: (r, f) => { dropped.push([r, f]) } },
      { maxFrameBytes: 1 << 20, maxQueuedFrames: 64, maxQueuedBytes: 1 << 30, maxQueuedControlFrames: 1024, maxQueuedControlBytes: 1 << 30, dialTimeoutMs: 5000 })
    const b = new Libp2pTransport(hb, {
      frame: (_from, bytes) => { arrived.push([bytes[0], new DataView(bytes.buffer, bytes.byteOffset).getUint32(1)]) },
      peerUp: noop,
      peerDown: noop,
      dropped: noop
    }, { maxFrameBytes: 1 << 20, maxQueuedFrames: 64, maxQueuedBytes: 1 << 30, maxQueuedControlFrames: 1024, maxQueuedControlBytes: 1 << 30, dialTimeoutMs: 5000 })
    await a.start()
    await b.start()
    cleanups.push(async () => { await a.stop(); await b.stop() })
    await ha.dial(hb.getMultiaddrs()[0])
    const to = hb.peerId.toString()

    // Both streams up.
    a.send(to, frame(CONTROL, 0, 16))
    a.send(to, frame(DATA, 0, 1024))
    await until('both streams carried a frame', () => arrived.length === 2)

    // 20 rounds of 250 x 1 KiB data (a round is 250 KiB, about the stream's whole window), a
    // control frame after each, a turn of the event loop between rounds.
    const ROUNDS = 20
    const PER_ROUND = 250
    let d = 1
    let waitingAtLastControl = 0
    for (let r = 1; r <= ROUNDS; r++) {
      for (let k = 0; k < PER_ROUND; k++) a.send(to, frame(DATA, d++, 1024))
      a.send(to, frame(CONTROL, r, 16))
      if (r === ROUNDS) waitingAtLastControl = a.queued(to).data
      await new Promise(resolve => setImmediate(resolve))
    }
    const dataSent = d

    // Every data frame is delivered or counted as shed (with its reason); every control frame arrives.
    const got = (kind: number): number[] => arrived.filter(([k]) => k === kind).map(([, i]) => i)
    await until('all frames accounted for', () => got(CONTROL).length === ROUNDS + 1 && got(DATA).length + dropped.length === dataSent, 15_000)
    expect(got(CONTROL)).toEqual(Array.from({ length: ROUNDS + 1 }, (_, i) => i))
    expect(dropped.length).toBeGreaterThan(0)
    expect(dropped.every(([reason, f]) => reason === 'stream-queue-full' && f.kind === 'data')).toBe(true)
    expect(a.stats.droppedQueueFull).toBe(dropped.length)
    expect(a.stats.droppedControlQueueFull).toBe(0)
    // Data was waiting when the last control frame was sent; all of it arrived after that frame.
    expect(waitingAtLastControl).toBeGreaterThan(0)
    const last = arrived.findIndex(([k, i]) => k === CONTROL && i === ROUNDS)
    expect(arrived.slice(last + 1).filter(([k]) => k === DATA).length).toBeGreaterThanOrEqual(waitingAtLastControl)
    // Data frames arrive in the order they were sent (the shed ones missing).
    const data = got(DATA)
    expect(data).toEqual([...data].sort((x, y) => x - y))
    expect(a.stats.controlFramesSent).toBe(ROUNDS + 1)
    expect(a.stats.streamsOpened).toBe(2)
  })
})

// System "zeromq": raw zeromq.js (v6, libzmq 4.3.5), written the way its users write it,
// as the baseline the meshcast systems are measured against.
//  - 1 subscriber: a PULL bound on tcp://127.0.0.1:* in the subscriber process, and one PUSH
//    in the publisher process connected to it.
//  - N > 1 subscribers: N SUB sockets, each bound on tcp://127.0.0.1:* and subscribed to
//    everything (''); the publisher's one PUB connects to all N endpoints (libzmq lets a PUB
//    connect to bound SUBs). So the subscriber side always binds and `info` always flows
//    subscriber -> publisher. The harness's warm-up probes cover PUB/SUB's slow joiner.
// High-water marks are raised to 100,000 messages so a burst is queued, not dropped (PUB)
// or blocked early (PUSH). send() is `socket.send(payload)`: one message, one promise.
// zeromq.js sends payloads over 128 B zero-copy, which is why the harness never reuses one.
// System "zeromq-curve": the same with CURVE encryption (the subscriber side is the CURVE
// server, the publisher a client with its own key pair; no ZAP handler), the security
// meshcast's lanes always have: the reference for what encryption itself costs.
import type { BenchSystem, PublisherSide, SubscriberSide } from './system.ts'

const HWM = 100_000
const ANY_PORT = 'tcp://127.0.0.1:*'

interface ZmqInfo { pattern: 'push-pull' | 'pub-sub', endpoints: string[], serverKey: string | null }

export async function create (options: { curve?: boolean } = {}): Promise<BenchSystem> {
  const zmq = await import('zeromq')
  const server = options.curve === true ? zmq.curveKeyPair() : undefined
  const serverOptions = server === undefined ? {} : { curveServer: true, curveSecretKey: server.secretKey, curvePublicKey: server.publicKey }
  const clientOptions = (serverKey: string | null): object => {
    if (serverKey === null) return {}
    const mine = zmq.curveKeyPair()
    return { curveServerKey: serverKey, curvePublicKey: mine.publicKey, curveSecretKey: mine.secretKey }
  }
  type Readable = InstanceType<typeof zmq.Pull> | InstanceType<typeof zmq.Subscriber>

  /** One receive loop per socket; ends quietly when the socket is closed. */
  async function receiveLoop (socket: Readable, i: number, onMessage: (i: number, payload: Uint8Array) => void): Promise<void> {
    try {
      for await (const [msg] of socket) onMessage(i, msg)
    } catch (err) {
      if (!socket.closed) process.stderr.write(`[zeromq] subscriber ${i}: ${(err as Error).message}\n`)
    }
  }

  async function bound (socket: Readable): Promise<string> {
    await socket.bind(ANY_PORT)
    const endpoint = socket.lastEndpoint
    if (endpoint === null) throw new Error('zeromq: no endpoint after bind')
    return endpoint
  }

  return {
    name: options.curve === true ? 'zeromq-curve' : 'zeromq',

    async startSubscribers ({ count, onMessage }): Promise<SubscriberSide> {
      const sockets: Readable[] = []
      const close = async (): Promise<void> => { for (const s of sockets) if (!s.closed) s.close() }
      try {
        const info: ZmqInfo = { pattern: count === 1 ? 'push-pull' : 'pub-sub', endpoints: [], serverKey: server?.publicKey ?? null }
        for (let i = 0; i < count; i++) {
          let socket: Readable
          if (count === 1) {
            socket = new zmq.Pull({ receiveHighWaterMark: HWM, linger: 0, ...serverOptions })
          } else {
            const sub = new zmq.Subscriber({ receiveHighWaterMark: HWM, linger: 0, ...serverOptions })
            sub.subscribe()
            socket = sub
          }
          sockets.push(socket)
          info.endpoints.push(await bound(socket))
        }
        sockets.forEach((s, i) => { void receiveLoop(s, i, onMessage) })
        return { info, close }
      } catch (err) {
        await close()
        throw err
      }
    },

    async startPublisher ({ info }): Promise<PublisherSide> {
      const { pattern, endpoints, serverKey } = info as ZmqInfo
      const socket = pattern === 'push-pull'
        ? new zmq.Push({ sendHighWaterMark: HWM, linger: 0, ...clientOptions(serverKey) })
        : new zmq.Publisher({ sendHighWaterMark: HWM, linger: 0, ...clientOptions(serverKey) })
      for (const e of endpoints) socket.connect(e)
      return {
        send: async payload => await socket.send(payload),
        close: async () => { if (!socket.closed) socket.close() }
      }
    }
  }
}

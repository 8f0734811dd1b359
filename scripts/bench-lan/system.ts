// What a system under test implements for `npm run bench:lan` (scripts/bench-lan.ts).
// A case runs two processes (./worker.ts): the subscriber process calls startSubscribers
// once and holds all `count` subscribers; the publisher process then calls startPublisher
// with the subscriber side's `info` (so the subscriber side binds or listens, the publisher
// side connects or dials). The harness owns the payloads, the clocks and the counting:
// a system only moves bytes from send() to onMessage().
//
// Rules the harness relies on:
//  - send(payload) sends ONE message. It may return a promise (the harness awaits it before
//    the next send, as a user would write `await send()`), or nothing for a synchronous send.
//    The harness never has two sends in progress at once. A system that queues internally
//    and resolves at once must bound that queue itself (or make send() wait): the harness
//    sends 100,000 messages as fast as send() lets it.
//  - The payload passed to send() is a fresh Uint8Array the harness never touches again;
//    the system may keep it (zero-copy) until it is on the wire.
//  - onMessage(i, payload) is called once per delivery to subscriber i (0 <= i < count),
//    as soon as the delivery happens (the harness takes the receive time there); the payload
//    must have the bytes sent, and the same length.
//  - The harness yields to the event loop (setImmediate) every 1,000 sends in a burst, so a
//    system whose send() resolves immediately must not need more turns of the event loop
//    than that to make progress; anything it needs to run in the background (timers,
//    sockets) gets those turns.
//  - close() releases everything (sockets, timers, nodes) so the process can exit by itself.
export interface SubscriberSide {
  /** JSON-serialisable; given to the publisher side as startPublisher's `info`. */
  info: unknown
  close: () => Promise<void>
}

export interface PublisherSide {
  send: (payload: Uint8Array) => void | Promise<void>
  close: () => Promise<void>
}

export interface BenchSystem {
  name: string
  /** In the subscriber process: start `count` subscribers; onMessage(i, payload) for each delivery to subscriber i. */
  startSubscribers: (opts: { count: number, onMessage: (i: number, payload: Uint8Array) => void }) => Promise<SubscriberSide>
  /** In the publisher process, with the subscriber side's info. */
  startPublisher: (opts: { info: unknown, subscribers: number }) => Promise<PublisherSide>
}

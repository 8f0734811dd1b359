// One sample of every wire message (meshcast.proto's Envelope), the shapes the fuzzer fills with
// random values: every string, number, boolean, byte string and list is replaced each time.
import type { AppMessage, Msg, MsgType } from '../../src/core/wire/types.ts'

const app: AppMessage = { topic: 't', publisher: 'p', epoch: 7, seq: 3, payload: new Uint8Array([1]), headers: [{ key: 'k', value: 'v' }], ack: true, floor: 1, queue: [{ group: 'w', member: 'm' }], seal: new Uint8Array([1]) }
const signed = { body: new Uint8Array([1]), signature: new Uint8Array(64) }

export const SAMPLES: Record<MsgType, Msg> = {
  join: { type: 'join', topic: 't', subscribers: 2, reliable: true },
  joinAck: { type: 'joinAck', topic: 't', attached: true, path: ['x'], replaces: 'z', delegate: true, withdraw: false },
  leave: { type: 'leave', topic: 't' },
  publish: { type: 'publish', message: app, direct: true },
  data: { type: 'data', message: app },
  heartbeat: { type: 'heartbeat', topics: ['t'], counts: [3], roots: [{ topic: 'x', subscribers: 12, via: 'v', queues: [{ group: 'w', members: ['m'] }] }] },
  replica: { type: 'replica', entries: [{ topic: 't', children: ['c'], dropped: false, rank: 2, more: false }] },
  redirect: { type: 'redirect', topic: 't', candidates: ['s'] },
  rootInfo: { type: 'rootInfo', topic: 't', subscribers: 5 },
  routeAck: { type: 'routeAck', topic: 't', publisher: 'p', seq: 9 },
  nack: { type: 'nack', topic: 't', publisher: 'p', epoch: 1, from: 4, to: 0, requester: 'r', maxAge: 0 },
  replay: { type: 'replay', message: app },
  stash: { type: 'stash', message: app },
  publishAck: { type: 'publishAck', topic: 't', publisher: 'p', epoch: 1, seq: 2 },
  since: { type: 'since', topic: 't', seq: 1, time: 2, last: 3, done: false, requester: 'r' },
  reply: { type: 'reply', topic: 't', request: 12, payload: new Uint8Array([4]), headers: [{ key: 'k', value: 'v' }] },
  queueJoin: { type: 'queueJoin', topic: 't', group: 'w', leave: false, maxAckPending: 100, plain: true },
  queueDeliver: { type: 'queueDeliver', group: 'w', message: app, attempt: 2 },
  queueAck: { type: 'queueAck', topic: 't', group: 'w', publisher: 'p', epoch: 7, seq: 3, kind: 'nak', delay: 500 },
  mailboxOpen: { type: 'mailboxOpen', name: 'n', topic: 't', subscriber: 's', mode: 'delete' },
  mailboxState: { type: 'mailboxState', name: 'n', topic: 't', ready: true, stored: 100, dropped: 3 },
  mailboxDeliver: { type: 'mailboxDeliver', name: 'n', message: app },
  mailboxAck: { type: 'mailboxAck', name: 'n', topic: 't', ids: [{ publisher: 'p', epoch: 7, seq: 3 }] },
  mailboxSync: { type: 'mailboxSync', name: 'n', topic: 't', acked: [{ publisher: 'p', epoch: 7, seq: 2 }], messages: [app], request: false, hold: true },
  grants: { type: 'grants', grants: [signed], want: ['p'], revocations: [signed] }
}

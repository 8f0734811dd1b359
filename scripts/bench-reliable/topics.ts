// Which node is a topic's root, known before anyone subscribes: the live node whose id is
// closest to the topic key (every node here knows every other, so the tree's root is the
// closest of all). The benchmark picks topic names by it: a root that is not the publisher.
import { peerIdFromString } from '@libp2p/peer-id'
import { compareDistance, idFromBytes, topicKey } from '../../src/core/id.ts'
import type { NodeId } from '../../src/core/id.ts'

/** Node ids (SHA-256 of the peer id's multihash, as the core computes them), by worker index. */
export function nodeIds (peerIds: readonly string[]): NodeId[] {
  return peerIds.map(p => idFromBytes(peerIdFromString(p).toMultihash().bytes))
}

/** The index (among `live`) of the node closest to the topic's key. */
export function predictedRoot (topic: string, ids: readonly NodeId[], live: readonly number[]): number {
  const key = topicKey(topic)
  let best = live[0]
  for (const i of live) if (compareDistance(ids[i], ids[best], key) < 0) best = i
  return best
}

/**
 * The first name `${prefix}-${k}` (k from `from`, at most 10,000 tries) whose predicted root
 * satisfies `accept`.
 */
export function findTopic (prefix: string, ids: readonly NodeId[], live: readonly number[], accept: (root: number) => boolean, from = 0): { topic: string, root: number, next: number } {
  for (let k = from; k < from + 10_000; k++) {
    const topic = `${prefix}-${k}`
    const root = predictedRoot(topic, ids, live)
    if (accept(root)) return { topic, root, next: k + 1 }
  }
  throw new Error(`no topic name ${prefix}-N has an acceptable root`)
}

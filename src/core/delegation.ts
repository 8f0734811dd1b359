// Delegation at the root: a root that is not a member and has one child only would pass every
// message on unchanged (publisher -> root -> child: two copies for one delivery). It delegates
// instead: the child becomes the data top of the tree, publishers learn (a `via` in the root's
// refresh) to publish to it directly, and it delivers and passes down what they send. With
// thousands of one-subscriber topics this halves the messages per delivery.
//
// Withdrawal keeps `ready` true: when a second child joins (or the root subscribes), the root
// withdraws the delegation first and answers the newcomer "not attached" until the delegate
// confirmed (a JOIN back); only then does the newcomer get its attached JOIN-ACK (and `ready`).
// Publishes that reach the former delegate afterwards are routed to the root like any publish
// to a node that is not the root, so nothing published after `ready` misses the newcomer.
import type { CoreContext } from './core-context.ts'
import type { PeerRef } from './routing-table.ts'
import { subtreeCount, wantsReliable } from './topic-state.ts'
import type { TopicState } from './topic-state.ts'
import type { Msg } from './wire/types.ts'

export class Delegation {
  /** Topics whose data we are the top of (a root delegated to us). */
  readonly delegated = new Set<TopicState>()
  private readonly ctx: CoreContext

  constructor (ctx: CoreContext) {
    this.ctx = ctx
  }

  // ---------------------------------------------------------------- at the root

  /** After t changed: a root with one active child and no subscription delegates to it. */
  consider (now: number, t: TopicState): void {
    // A topic with queue groups is not delegated: every message must pass the root to be assigned.
    if (!t.isRoot || t.subscribed || t.delegate !== null || t.revoking !== null || t.children.size !== 1 || t.queues !== null) return
    const [[child, entry]] = t.children
    if (entry.redirected) return
    t.delegate = child
    this.ctx.out.send(now, child, this.ack(t, true, false))
    for (const p of t.publishers.keys()) t.uninformed.add(p)
  }

  /**
   * A JOIN reached the root of t. Returns true when the attached answer must wait: the
   * delegation is being withdrawn (from a newcomer, or while the root subscribes).
   */
  holdAck (now: number, t: TopicState, from: PeerRef): boolean {
    if (t.revoking === from) {
      // The former delegate's JOIN confirms it stopped taking publishes: release the held ones.
      this.finishRevoke(now, t)
      return false
    }
    if (t.delegate !== null && t.delegate !== from) this.revoke(now, t)
    if (t.revoking === null) return false
    t.heldAcks.add(from)
    // Ask again: the withdrawal or its confirmation may have been lost.
    this.ctx.out.send(now, t.revoking, this.ack(t, false, true))
    return true
  }

  /** The root subscribes, or stops being root: the delegation ends. */
  revoke (now: number, t: TopicState): void {
    if (t.delegate === null) return
    t.revoking = t.delegate
    t.delegate = null
    this.ctx.out.send(now, t.revoking, this.ack(t, false, true))
    for (const p of t.publishers.keys()) t.uninformed.add(p)
  }

  /** A child of t is gone; if it was the delegate, the delegation (or its withdrawal) ends. */
  childGone (now: number, t: TopicState, child: PeerRef): void {
    if (t.formerDelegate === child) t.formerDelegate = null
    if (t.delegate === child) {
      t.delegate = null
      for (const p of t.publishers.keys()) t.uninformed.add(p)
    }
    if (t.revoking === child) this.finishRevoke(now, t)
  }

  /** Where t's publishers should send ('' for the root itself). */
  via (t: TopicState): PeerRef {
    return t.delegate ?? ''
  }

  // ---------------------------------------------------------------- at the delegate

  /** A JOIN-ACK from our parent made us t's delegate, or withdrew it. */
  onAck (now: number, t: TopicState, m: { delegate: boolean, withdraw: boolean }): void {
    if (m.withdraw) {
      // Confirm, every time it is asked (a confirmation may be lost): from now on publishes
      // sent to us go up to the root.
      this.drop(t)
      if (t.parent !== null) this.ctx.out.send(now, t.parent, { type: 'join', topic: t.name, subscribers: subtreeCount(t), reliable: wantsReliable(t) })
    } else if (m.delegate && !t.delegated) {
      t.delegated = true
      this.delegated.add(t)
    }
  }

  /** We left the parent that delegated (repair, redirect, leaving the tree). */
  drop (t: TopicState): void {
    if (!t.delegated) return
    t.delegated = false
    this.delegated.delete(t)
  }

  private finishRevoke (now: number, t: TopicState): void {
    t.formerDelegate = t.revoking
    t.revoking = null
    const ack = this.ack(t, false, false)
    for (const c of t.heldAcks) if (t.children.has(c)) this.ctx.out.send(now, c, ack)
    t.heldAcks.clear()
  }

  private ack (t: TopicState, delegate: boolean, withdraw: boolean): Msg {
    return { type: 'joinAck', topic: t.name, attached: true, path: [this.ctx.ref], replaces: '', delegate, withdraw }
  }
}

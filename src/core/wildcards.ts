// Wildcard subscriptions (issue 13, item 4): NATS syntax (`sensors.*.temp`, `sensors.>`) and
// MQTT's (`sensors/+/temp`, `sensors/#`). A publish still takes one route, to its topic's root.
// A wildcard subscription joins the tree of a family topic: `$WC.<first token>` for NATS
// patterns, `$WC/<first token>` for MQTT ones, `$WC` when the pattern starts with a wildcard;
// its node keeps the messages that match. The node where a message enters its topic's tree (the
// root, or a delegate), or where its route ends because the topic has no tree, publishes it once
// more to each of the topic's families that has subscribers (at most three: by '.', by '/', and
// `$WC`), with the original topic, publisher and number in headers. A family known to be empty
// is tried again every wildcardProbeMs, so a new wildcard subscription is served within that
// (its `ready` waits for it). What a wildcard subscription costs: one tree membership per
// pattern family; what it adds to a publish: one extra publish per non-empty family.
import type { CoreContext } from './core-context.ts'
import { MAX_HEADERS } from './wire/limits.ts'
import type { AppMessage, Header } from './wire/types.ts'

export const FAMILY_PREFIX = '$WC'
/** Headers a forwarded message carries: the original topic, publisher and sequence number. */
export const ORIGIN_TOPIC = 'meshcast-topic'
export const ORIGIN_PUBLISHER = 'meshcast-publisher'
export const ORIGIN_SEQ = 'meshcast-seq'
export const ORIGIN_EPOCH = 'meshcast-epoch'
/** Headers of the guard's proof (vouch): removed from the original like the rest. */
export const PROOF_PREFIX = 'meshcast-proof-'
const REMEMBERED = 4096

/** A parsed wildcard pattern: the family topic its node subscribes to, and what it matches. */
export interface WildcardPattern {
  family: string
  matches: (topic: string) => boolean
}

/** The pattern's family and matcher; undefined when `pattern` has no wildcard (a plain topic). */
export function parsePattern (pattern: string): WildcardPattern | undefined {
  const mqtt = /(^|\/)[+#](\/|$)/.test(pattern)
  const nats = /(^|\.)[*>](\.|$)/.test(pattern)
  if (!mqtt && !nats) return undefined
  if (mqtt && nats) throw new Error(`pattern ${pattern}: NATS (. * >) or MQTT (/ + #) syntax, not both`)
  const sep = mqtt ? '/' : '.'
  const one = mqtt ? '+' : '*'
  const rest = mqtt ? '#' : '>'
  const tokens = pattern.split(sep)
  tokens.forEach((t, i) => {
    if (t === '') throw new Error(`pattern ${pattern}: an empty token`)
    if (t === rest && i !== tokens.length - 1) throw new Error(`pattern ${pattern}: '${rest}' only as the last token`)
  })
  const first = tokens[0]
  const family = first === one || first === rest ? FAMILY_PREFIX : `${FAMILY_PREFIX}${sep}${first}`
  return {
    family,
    matches: topic => {
      const parts = topic.split(sep)
      for (let i = 0; i < tokens.length; i++) {
        if (tokens[i] === rest) return parts.length > i
        if (i >= parts.length || (tokens[i] !== one && tokens[i] !== parts[i])) return false
      }
      return parts.length === tokens.length
    }
  }
}

/** The families a topic's messages go to (topics starting with '$' go nowhere). */
export function familiesOf (topic: string): string[] {
  if (topic.startsWith('$')) return []
  const out = [FAMILY_PREFIX]
  if (topic.includes('.')) out.push(`${FAMILY_PREFIX}.${topic.slice(0, topic.indexOf('.'))}`)
  if (topic.includes('/')) out.push(`${FAMILY_PREFIX}/${topic.slice(0, topic.indexOf('/'))}`)
  return out
}

export class WildcardForwarding {
  private readonly ctx: CoreContext
  private readonly publish: (now: number, topic: string, payload: Uint8Array, headers: Header[]) => void
  private readonly subscribers: (topic: string) => number | undefined
  /** Families known to be empty: when they were last tried. */
  private readonly probedAt = new Map<string, number>()
  /** Messages forwarded where their route ended (a retried publish may end there again). */
  private readonly recent = new Set<string>()

  constructor (ctx: CoreContext, publish: (now: number, topic: string, payload: Uint8Array, headers: Header[]) => void, subscribers: (topic: string) => number | undefined) {
    this.ctx = ctx
    this.publish = publish
    this.subscribers = subscribers
  }

  /** A new message entered its topic's tree here, or its route ended here (`routeEnd`). */
  entered (now: number, m: AppMessage, routeEnd: boolean): void {
    const families = familiesOf(m.topic)
    const proof = families.length === 0 ? [] : this.ctx.guard?.vouch?.(m) ?? []
    if (families.length === 0 || m.headers.length > MAX_HEADERS - 4 - proof.length) return
    if (routeEnd) {
      const k = `${m.publisher}\u0000${m.epoch}\u0000${m.topic}\u0000${m.seq}`
      if (this.recent.has(k)) return
      if (this.recent.size >= REMEMBERED) this.recent.clear()
      this.recent.add(k)
    }
    for (const f of families) {
      if (this.subscribers(f) === 0) {
        const last = this.probedAt.get(f)
        if (last !== undefined && now - last < this.ctx.options.wildcardProbeMs) continue
        if (this.probedAt.size >= REMEMBERED) this.probedAt.clear()
        this.probedAt.set(f, now)
      }
      const headers = [...m.headers, { key: ORIGIN_TOPIC, value: m.topic }, { key: ORIGIN_PUBLISHER, value: m.publisher }, { key: ORIGIN_SEQ, value: String(m.seq) }, { key: ORIGIN_EPOCH, value: String(m.epoch) }, ...proof]
      try { this.publish(now, f, m.payload, headers) } catch { /* over the size limit with the headers: not forwarded */ }
    }
  }
}

/**
 * A message of a family topic back as the original: its topic, publisher and number from the
 * headers the forwarding node added (entered), those headers removed; null when `m` does not
 * carry a well-formed origin.
 */
export function originOf (m: AppMessage): AppMessage | null {
  let topic: string | undefined
  let publisher: string | undefined
  let seq = NaN
  let epoch = m.epoch
  const headers: Header[] = []
  for (const h of m.headers) {
    if (h.key === ORIGIN_TOPIC) topic = h.value
    else if (h.key === ORIGIN_PUBLISHER) publisher = h.value
    else if (h.key === ORIGIN_SEQ) seq = Number(h.value)
    else if (h.key === ORIGIN_EPOCH) epoch = Number(h.value)
    else if (!h.key.startsWith(PROOF_PREFIX)) headers.push(h)
  }
  if (topic === undefined || topic === '' || publisher === undefined || publisher === '' || !Number.isSafeInteger(seq) || seq < 1 || !Number.isSafeInteger(epoch)) return null
  return { topic, publisher, epoch, seq, payload: m.payload, headers }
}

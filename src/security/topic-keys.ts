// End-to-end encryption per topic (docs/security.md): a topic key is a 32-byte secret that the
// authority's administrator makes (`meshcast topic-key`) and hands out with the grants of the
// peers that may read or write the topic (the lines after the grant in a node's grant file:
// they stay on the node, and are never sent to a peer). A node that has a key for a topic
// publishes its payloads sealed with AES-256-GCM under it; forwarders and roots carry what they
// cannot read, and only holders of the key can open it. The topic (or pattern, NATS syntax) and
// the publisher are bound to the ciphertext (associated data); headers stay in clear.
//
// Text form: `mctopic1.<pattern>.<base64url key>`. On the wire the payload is nonce (12 bytes),
// ciphertext, tag (16 bytes), and a header `meshcast-e2e` names the key (the first 8 bytes of
// SHA-256 of the key, hex), so a receiver picks its key or knows it has none.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import { InvalidGrantError } from '../core/errors.ts'
import { checkPattern } from './authority.ts'
import { parsePattern } from '../core/wildcards.ts'
import type { AppMessage, Header } from '../core/wire/types.ts'

const PREFIX = 'mctopic1.'
export const E2E_HEADER = 'meshcast-e2e'
const NONCE = 12
const TAG = 16

export interface TopicKey {
  pattern: string
  key: Buffer
  /** Names the key on the wire. */
  id: string
}

/** A new topic key's text for a topic or pattern. */
export function createTopicKey (pattern: string): string {
  checkPattern(pattern)
  return `${PREFIX}${pattern}.${randomBytes(32).toString('base64url')}`
}

export function parseTopicKey (text: string): TopicKey {
  const t = text.trim()
  const dot = t.lastIndexOf('.')
  if (!t.startsWith(PREFIX) || dot <= PREFIX.length) throw new InvalidGrantError(`a topic key is ${PREFIX}<topic>.<key>, not '${t.slice(0, 30)}'`)
  const pattern = t.slice(PREFIX.length, dot)
  const key = Buffer.from(t.slice(dot + 1), 'base64url')
  if (key.byteLength !== 32) throw new InvalidGrantError(`a topic key of 32 bytes, not ${key.byteLength}`)
  checkPattern(pattern)
  return { pattern, key, id: createHash('sha256').update(key).digest('hex').slice(0, 16) }
}

/** The lines of a grant file: the grant first, then topic keys (blank lines and # comments skipped). */
export function splitGrantFile (text: string): { grant: string, topicKeys: string[] } {
  const lines = text.split('\n').map(l => l.trim()).filter(l => l !== '' && !l.startsWith('#'))
  return { grant: lines.find(l => !l.startsWith(PREFIX)) ?? '', topicKeys: lines.filter(l => l.startsWith(PREFIX)) }
}

export interface TopicKeyStats {
  /** Payloads this node sealed, and opened. */
  encrypted: number
  decrypted: number
  /** Messages with a sealed payload this node had no key for, or that did not open: not delivered. */
  undecryptable: number
}

/** The topic keys a node holds. */
export class TopicKeys {
  readonly stats: TopicKeyStats = { encrypted: 0, decrypted: 0, undecryptable: 0 }
  private readonly keys: TopicKey[]
  private readonly byId = new Map<string, TopicKey>()
  private readonly matchers: Array<{ k: TopicKey, matches: (t: string) => boolean }>
  private readonly cache = new Map<string, TopicKey | null>()

  constructor (texts: readonly string[]) {
    this.keys = texts.map(parseTopicKey)
    for (const k of this.keys) this.byId.set(k.id, k)
    this.matchers = this.keys.map(k => ({ k, matches: parsePattern(k.pattern)?.matches ?? (t => t === k.pattern) }))
  }

  get size (): number {
    return this.keys.length
  }

  /** The key this node encrypts the topic's payloads with (the first whose pattern matches). */
  forTopic (topic: string): TopicKey | undefined {
    if (this.keys.length === 0) return undefined
    let k = this.cache.get(topic)
    if (k === undefined) {
      k = this.matchers.find(m => m.matches(topic))?.k ?? null
      if (this.cache.size >= 4096) this.cache.clear()
      this.cache.set(topic, k)
    }
    return k ?? undefined
  }

  /** Seals a payload for the topic; adds the header that names the key. Unchanged without a key. */
  seal (topic: string, publisher: string, payload: Uint8Array, headers: Header[]): Uint8Array {
    const k = this.forTopic(topic)
    if (k === undefined) return payload
    const nonce = randomBytes(NONCE)
    const c = createCipheriv('aes-256-gcm', k.key, nonce)
    c.setAAD(aad(k.pattern, publisher))
    const out = Buffer.concat([nonce, c.update(payload), c.final(), c.getAuthTag()])
    headers.push({ key: E2E_HEADER, value: k.id })
    this.stats.encrypted++
    return out
  }

  /**
   * The message as its subscribers see it: opened when it was sealed (the header removed);
   * undefined when it was sealed under a key this node lacks or it does not open. Unsealed
   * messages come back as they are.
   */
  open (m: AppMessage): AppMessage | undefined {
    const h = m.headers.find(x => x.key === E2E_HEADER)
    if (h === undefined) return m
    const k = this.byId.get(h.value)
    if (k === undefined || m.payload.byteLength < NONCE + TAG) { this.stats.undecryptable++; return undefined }
    try {
      const p = m.payload
      const d = createDecipheriv('aes-256-gcm', k.key, p.subarray(0, NONCE))
      d.setAAD(aad(k.pattern, m.publisher))
      d.setAuthTag(p.subarray(p.byteLength - TAG))
      const payload = Buffer.concat([d.update(p.subarray(NONCE, p.byteLength - TAG)), d.final()])
      this.stats.decrypted++
      return { ...m, payload, headers: m.headers.filter(x => x !== h) }
    } catch {
      this.stats.undecryptable++
      return undefined
    }
  }
}

function aad (pattern: string, publisher: string): Buffer {
  return Buffer.from(`meshcast/e2e/1\u0000${pattern}\u0000${publisher}`)
}

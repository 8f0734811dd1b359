// The mesh's authority: one Ed25519 key that signs grants (what a peer may publish and
// subscribe to, until when) and revocations. Nodes know only its public key; no node holds a
// credential another node could use, and the authority's private key need not be on any node.
//
// Text forms (for files, flags and the CLI): the public key is `mcauth1.` and the base64url of
// its 32 bytes; a grant or revocation is `mcgrant1.` / `mcrevoke1.` and the base64url of its
// encoded SignedGrant / SignedRevocation (meshcast.proto).
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import { Grant as GrantCodec, Revocation as RevocationCodec, SignedGrant, SignedRevocation } from '../core/wire/messages.js'
import type { Signed } from '../core/wire/types.ts'
import { MAX_STATEMENT_BYTES } from '../core/wire/limits.ts'
import { InvalidGrantError } from '../core/errors.ts'
import { parsePattern } from '../core/wildcards.ts'

const GRANT_CONTEXT = Buffer.from('meshcast/grant/1\u0000')
const REVOCATION_CONTEXT = Buffer.from('meshcast/revocation/1\u0000')
const KEY_PREFIX = 'mcauth1.'
const GRANT_PREFIX = 'mcgrant1.'
const REVOCATION_PREFIX = 'mcrevoke1.'
/** Patterns in one grant, per direction (the schema's limit). */
export const MAX_GRANT_PATTERNS = 32

export interface Grant {
  /** The peer id it is for. */
  peer: string
  /** Topic patterns it may publish to (NATS syntax: `orders.*`, `orders.>`, or a plain topic). */
  pub: string[]
  /** Topic patterns it may subscribe to. */
  sub: string[]
  /** ms since 1970 (UTC). */
  expires: number
  issued: number
}

export interface Revocation {
  peer: string
  /** Grants of `peer` issued before this time (ms since 1970) are void. */
  before: number
}

/** A new authority key: the private key as PKCS#8 PEM (keep it off the nodes), and the public key's text. */
export function createAuthority (): { privatePem: string, publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519')
  return { privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKey: publicKeyText(publicKey) }
}

export function publicKeyText (key: KeyObject): string {
  const raw = Buffer.from(key.export({ format: 'jwk' }).x as string, 'base64url')
  return KEY_PREFIX + raw.toString('base64url')
}

/** The authority's public key from its text (`mcauth1.…`). */
export function parseAuthorityKey (text: string): KeyObject {
  const t = text.trim()
  const raw = t.startsWith(KEY_PREFIX) ? Buffer.from(t.slice(KEY_PREFIX.length), 'base64url') : undefined
  if (raw?.byteLength !== 32) throw new InvalidGrantError(`an authority key is ${KEY_PREFIX} and 32 bytes in base64url, not '${t.slice(0, 40)}'`)
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' })
}

export function parseAuthorityPrivateKey (pem: string): KeyObject {
  try {
    const key = createPrivateKey(pem)
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`a ${key.asymmetricKeyType ?? 'unknown'} key`)
    return key
  } catch (err) {
    throw new InvalidGrantError(`not an authority key (Ed25519, PKCS#8 PEM): ${(err as Error).message}`)
  }
}

/** Checks a pattern of a grant; returns it. */
export function checkPattern (p: string): string {
  if (p === '' || Buffer.byteLength(p) > 256) throw new InvalidGrantError(`a topic pattern of 1..256 bytes, not '${p}'`)
  try { parsePattern(p) } catch (err) { throw new InvalidGrantError((err as Error).message) }
  return p
}

export function issueGrant (authority: KeyObject, g: Grant): Signed {
  if (g.peer === '') throw new InvalidGrantError('a grant names a peer')
  if (g.pub.length > MAX_GRANT_PATTERNS || g.sub.length > MAX_GRANT_PATTERNS) throw new InvalidGrantError(`at most ${MAX_GRANT_PATTERNS} patterns per direction`)
  g.pub.forEach(checkPattern)
  g.sub.forEach(checkPattern)
  const body = GrantCodec.encode(g)
  if (body.byteLength > MAX_STATEMENT_BYTES) throw new InvalidGrantError(`a grant of ${body.byteLength} bytes (at most ${MAX_STATEMENT_BYTES})`)
  return { body, signature: sign(null, Buffer.concat([GRANT_CONTEXT, body]), authority) }
}

export function issueRevocation (authority: KeyObject, r: Revocation): Signed {
  const body = RevocationCodec.encode(r)
  return { body, signature: sign(null, Buffer.concat([REVOCATION_CONTEXT, body]), authority) }
}

/** The grant, when the authority signed it (expiry and revocation are the caller's to check); else undefined. */
export function openGrant (authority: KeyObject, s: Signed): Grant | undefined {
  if (!verify(null, Buffer.concat([GRANT_CONTEXT, s.body]), authority, s.signature)) return undefined
  try {
    const g = GrantCodec.decode(s.body, { limits: { pub: MAX_GRANT_PATTERNS, sub: MAX_GRANT_PATTERNS } })
    if (g.peer === '') return undefined
    g.pub.forEach(checkPattern)
    g.sub.forEach(checkPattern)
    return { peer: g.peer, pub: g.pub, sub: g.sub, expires: g.expires, issued: g.issued }
  } catch {
    return undefined
  }
}

export function openRevocation (authority: KeyObject, s: Signed): Revocation | undefined {
  if (!verify(null, Buffer.concat([REVOCATION_CONTEXT, s.body]), authority, s.signature)) return undefined
  try {
    const r = RevocationCodec.decode(s.body)
    return r.peer === '' ? undefined : { peer: r.peer, before: r.before }
  } catch {
    return undefined
  }
}

export function grantText (s: Signed): string {
  return GRANT_PREFIX + Buffer.from(SignedGrant.encode({ grant: s.body as Uint8Array<ArrayBuffer>, signature: s.signature as Uint8Array<ArrayBuffer> })).toString('base64url')
}

export function revocationText (s: Signed): string {
  return REVOCATION_PREFIX + Buffer.from(SignedRevocation.encode({ revocation: s.body as Uint8Array<ArrayBuffer>, signature: s.signature as Uint8Array<ArrayBuffer> })).toString('base64url')
}

function fromText (text: string, prefix: string, what: string): Uint8Array {
  const t = text.trim()
  if (!t.startsWith(prefix)) throw new InvalidGrantError(`a ${what} starts with ${prefix}, not '${t.slice(0, 20)}'`)
  return Buffer.from(t.slice(prefix.length), 'base64url')
}

function parseSigned (text: string, prefix: string, what: string, decode: (bytes: Uint8Array) => Signed): Signed {
  try {
    return decode(fromText(text, prefix, what))
  } catch (err) {
    if (err instanceof InvalidGrantError) throw err
    throw new InvalidGrantError(`a ${what} that does not decode: ${(err as Error).message}`)
  }
}

export function parseGrantText (text: string): Signed {
  return parseSigned(text, GRANT_PREFIX, 'grant', b => { const s = SignedGrant.decode(b); return { body: s.grant, signature: s.signature } })
}

export function parseRevocationText (text: string): Signed {
  return parseSigned(text, REVOCATION_PREFIX, 'revocation', b => { const s = SignedRevocation.decode(b); return { body: s.revocation, signature: s.signature } })
}

/** Durations for --expires: 90s, 30m, 12h, 30d. */
export function parseDuration (text: string): number {
  const m = /^(\d+)(s|m|h|d)$/.exec(text.trim())
  if (m === null) throw new InvalidGrantError(`a duration is a number and s, m, h or d (30d), not '${text}'`)
  return Number(m[1]) * { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 's' | 'm' | 'h' | 'd']
}

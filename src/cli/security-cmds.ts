// `meshcast authority init`, `meshcast id`, `meshcast grant`, `meshcast revoke`: the mesh's
// authority and its grants (docs/security.md). Nothing here starts a node.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createAuthority, grantText, issueGrant, issueRevocation, parseAuthorityKey, parseAuthorityPrivateKey, parseDuration, revocationText } from '../security/authority.ts'
import { InvalidGrantError } from '../core/errors.ts'
import { createTopicKey, parseTopicKey, splitGrantFile } from '../security/topic-keys.ts'
import { parse, UsageError } from './args.ts'
import { connectControl } from './control.ts'
import type { Io } from './io.ts'

export const GRANT_FILE = 'grant'
export const AUTHORITY_FILE = 'authority.pub'

export const AUTHORITY_HELP = `Usage: meshcast authority init [--out FILE]

Creates the mesh's authority: an Ed25519 key that signs grants and revocations. Writes the
private key to FILE (default ./authority.key, mode 0600; it is never overwritten) and prints
the public key (mcauth1.…), which every node is given with --authority. Keep the private key
off the nodes.
`

export const ID_HELP = `Usage: meshcast id --data DIR

Prints the peer id of the node whose data directory is DIR (its key is created if missing), to
grant it before its first start.
`

export const TOPIC_KEY_HELP = `Usage: meshcast topic-key PATTERN [--out FILE]

Makes a key for end-to-end encryption of a topic (or a NATS pattern: 'orders.>') and prints it
(mctopic1.…), or writes it to FILE (mode 0600). Give it to the peers that may read and write the
topic with their grants (meshcast grant ... --topic-key FILE): they encrypt what they publish
there, and forwarders without it carry what they cannot read.
`

export const GRANT_HELP = `Usage: meshcast grant PEERID --key FILE [--pub PATTERN]... [--sub PATTERN]... [--expires 30d] [--topic-key FILE]... [--out FILE]

Signs a grant with the authority's private key (FILE from 'meshcast authority init') and
prints it (mcgrant1.…), or writes it to --out (for a node: DIR/grant). Patterns are topics in
NATS syntax: 'orders.*' (one token), 'orders.>' (one or more), or a plain topic.

  --pub PATTERN   a topic pattern PEERID may publish to (repeatable)
  --sub PATTERN   a topic pattern PEERID may subscribe to (repeatable)
  --expires D     how long it is valid: 90s, 30m, 12h, 30d (default 30d)
  --topic-key F   a topic key (meshcast topic-key) to hand out with the grant: written after
                  it (repeatable). The grant file then holds a secret: keep it mode 0600
`

export const REVOKE_HELP = `Usage: meshcast revoke PEERID --key FILE [--data DIR]

Signs a revocation of every grant of PEERID issued until now and prints it (mcrevoke1.…).
With --data, the node running on DIR applies it and passes it on to the mesh: within a few
hops' delay every connected node refuses PEERID (and disconnects it).
`

export async function runAuthority (argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } })
  if (values.help === true) { io.stdout(AUTHORITY_HELP); return 0 }
  if (positionals[0] !== 'init' || positionals.length !== 1) throw new UsageError("meshcast authority init [--out FILE]")
  const out = typeof values.out === 'string' ? values.out : 'authority.key'
  if (existsSync(out)) throw new UsageError(`${out} exists: an authority key is never overwritten (give another --out)`)
  const a = createAuthority()
  writeFileSync(out, a.privatePem, { mode: 0o600, flag: 'wx' })
  io.stdout(`${a.publicKey}\n`)
  return 0
}

export async function runId (argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, { data: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, false)
  if (values.help === true) { io.stdout(ID_HELP); return 0 }
  if (typeof values.data !== 'string') throw new UsageError('--data DIR is required')
  const { loadOrCreateKey } = await import('../transport/libp2p/host.ts')
  const { peerIdFromPrivateKey } = await import('@libp2p/peer-id')
  io.stdout(`${peerIdFromPrivateKey(await loadOrCreateKey(values.data)).toString()}\n`)
  return 0
}

function authorityKey (values: Record<string, unknown>): ReturnType<typeof parseAuthorityPrivateKey> {
  if (typeof values.key !== 'string') throw new UsageError('--key FILE (the authority\'s private key) is required')
  let pem: string
  try { pem = readFileSync(values.key, 'utf8') } catch (err) { throw new UsageError(`--key ${values.key}: ${(err as Error).message}`) }
  return parseAuthorityPrivateKey(pem)
}

async function peerArg (positionals: string[], usage: string): Promise<string> {
  if (positionals.length !== 1) throw new UsageError(usage)
  const { peerIdFromString } = await import('@libp2p/peer-id')
  try { peerIdFromString(positionals[0]) } catch { throw new UsageError(`'${positionals[0]}' is not a peer id (meshcast id --data DIR prints a node's)`) }
  return positionals[0]
}

export async function runGrant (argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { key: { type: 'string' }, pub: { type: 'string', multiple: true }, sub: { type: 'string', multiple: true }, expires: { type: 'string' }, out: { type: 'string' }, 'topic-key': { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } })
  if (values.help === true) { io.stdout(GRANT_HELP); return 0 }
  const peer = await peerArg(positionals, 'meshcast grant PEERID --key FILE [--pub PATTERN]... [--sub PATTERN]...')
  const pub = (values.pub as string[] | undefined) ?? []
  const sub = (values.sub as string[] | undefined) ?? []
  if (pub.length + sub.length === 0) throw new UsageError('a grant allows something: give --pub or --sub patterns')
  let ms: number
  try { ms = parseDuration(typeof values.expires === 'string' ? values.expires : '30d') } catch (err) { throw new UsageError(`--expires: ${(err as Error).message}`) }
  const key = authorityKey(values)
  const now = Date.now()
  let text: string
  try { text = grantText(issueGrant(key, { peer, pub, sub, issued: now, expires: now + ms })) } catch (err) {
    if (err instanceof InvalidGrantError) throw new UsageError(err.message)
    throw err
  }
  const keys: string[] = []
  for (const f of (values['topic-key'] as string[] | undefined) ?? []) {
    let k: string
    try { k = readFileSync(f, 'utf8').trim() } catch (err) { throw new UsageError(`--topic-key ${f}: ${(err as Error).message}`) }
    try { parseTopicKey(k) } catch (err) { throw new UsageError(`--topic-key ${f}: ${(err as Error).message}`) }
    keys.push(k)
  }
  const out = [text, ...keys].join('\n') + '\n'
  if (typeof values.out === 'string') writeFileSync(values.out, out, { mode: keys.length > 0 ? 0o600 : 0o644 })
  io.stdout(keys.length > 0 && typeof values.out === 'string' ? `${text}\n` : out)
  return 0
}

export async function runTopicKey (argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } })
  if (values.help === true) { io.stdout(TOPIC_KEY_HELP); return 0 }
  if (positionals.length !== 1) throw new UsageError('meshcast topic-key PATTERN [--out FILE]')
  let key: string
  try { key = createTopicKey(positionals[0]) } catch (err) { throw new UsageError((err as Error).message) }
  if (typeof values.out === 'string') {
    if (existsSync(values.out)) throw new UsageError(`${values.out} exists: a topic key is never overwritten`)
    writeFileSync(values.out, key + '\n', { mode: 0o600, flag: 'wx' })
  } else io.stdout(`${key}\n`)
  return 0
}

export async function runRevoke (argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { key: { type: 'string' }, data: { type: 'string' }, help: { type: 'boolean', short: 'h' } })
  if (values.help === true) { io.stdout(REVOKE_HELP); return 0 }
  const peer = await peerArg(positionals, 'meshcast revoke PEERID --key FILE [--data DIR]')
  const text = revocationText(issueRevocation(authorityKey(values), { peer, before: Date.now() + 1 }))
  io.stdout(`${text}\n`)
  if (typeof values.data === 'string') {
    const c = await connectControl(values.data)
    try {
      c.request({ op: 'revoke', data: text })
      for await (const line of c.lines) {
        const r = JSON.parse(line) as { ok: boolean, error?: string, new?: boolean }
        if (!r.ok) throw new UsageError(`the node refused the revocation: ${r.error ?? ''}`)
        io.stderr(r.new === true ? 'applied and passed on to the mesh\n' : 'known already\n')
        break
      }
    } finally { c.close() }
  }
  return 0
}

/** --authority KEY|FILE, --grant FILE (default DIR/grant), --open: a node's access control options. */
export function accessOptions (values: Record<string, unknown>, dataDir: string | undefined): { authority?: { key: string, grant: string, topicKeys: string[] }, open?: true } {
  const open = values.open === true
  const given = values.authority
  const stored = dataDir === undefined ? undefined : join(dataDir, AUTHORITY_FILE)
  if (open) {
    if (given !== undefined || values.grant !== undefined) throw new UsageError('--open runs without an authority: not with --authority or --grant')
    return { open: true }
  }
  let keyText: string | undefined
  if (typeof given === 'string') keyText = existsSync(given) ? readFileSync(given, 'utf8').trim() : given
  else if (stored !== undefined && existsSync(stored)) keyText = readFileSync(stored, 'utf8').trim()
  if (keyText === undefined) throw new UsageError('no mesh authority: give --authority KEY (meshcast authority init prints it) and a grant, or --open to trust any peer')
  try { parseAuthorityKey(keyText) } catch (err) { throw new UsageError(`--authority: ${(err as Error).message}`) }
  const grantFile = typeof values.grant === 'string' ? values.grant : dataDir === undefined ? undefined : join(dataDir, GRANT_FILE)
  if (grantFile === undefined || !existsSync(grantFile)) throw new UsageError(`no grant for this node: give --grant FILE${dataDir === undefined ? '' : ` or write ${join(dataDir, GRANT_FILE)}`} (meshcast grant PEERID)`)
  const { grant, topicKeys } = splitGrantFile(readFileSync(grantFile, 'utf8'))
  return { authority: { key: keyText, grant, topicKeys } }
}

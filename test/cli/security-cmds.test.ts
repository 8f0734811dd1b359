// The authority's commands (issue 14, item 1): `meshcast authority init`, `id`, `grant` and
// `revoke` make keys, grants and revocations that the library checks; bad arguments get a
// clear error and exit status 2.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main.ts'
import { openGrant, openRevocation, parseAuthorityKey, parseGrantText, parseRevocationText } from '../../src/security/authority.ts'
import { splitGrantFile } from '../../src/security/topic-keys.ts'

const dir = mkdtempSync(join(tmpdir(), 'meshcast-authority-'))
afterAll(() => { rmSync(dir, { recursive: true, force: true }) })

async function run (args: string[]): Promise<{ code: number, stdout: string, stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await main(args, { stdout: s => { stdout += s }, stderr: s => { stderr += s } })
  return { code, stdout, stderr }
}

describe('meshcast authority, id, grant, revoke', () => {
  const keyFile = join(dir, 'authority.key')
  let pub = ''
  let peer = ''

  it('makes an authority, a node id, and a grant and revocation the authority\'s key checks', async () => {
    const init = await run(['authority', 'init', '--out', keyFile])
    expect(init.code).toBe(0)
    pub = init.stdout.trim()
    expect(pub).toMatch(/^mcauth1\./)
    expect(statSync(keyFile).mode & 0o777).toBe(0o600)
    const id = await run(['id', '--data', join(dir, 'node')])
    peer = id.stdout.trim()
    expect(peer).toMatch(/^12D3KooW/)
    expect((await run(['id', '--data', join(dir, 'node')])).stdout.trim()).toBe(peer) // the same key again

    const g = await run(['grant', peer, '--key', keyFile, '--pub', 'orders.>', '--sub', 'orders.*', '--expires', '2d', '--out', join(dir, 'grant')])
    expect(g.code).toBe(0)
    expect(readFileSync(join(dir, 'grant'), 'utf8').trim()).toBe(g.stdout.trim())
    const grant = openGrant(parseAuthorityKey(pub), parseGrantText(g.stdout))
    expect(grant).toMatchObject({ peer, pub: ['orders.>'], sub: ['orders.*'] })
    expect(grant?.expires).toBeGreaterThan(Date.now() + 2 * 86_400_000 - 60_000)
    expect(grant?.expires).toBeLessThanOrEqual(Date.now() + 2 * 86_400_000)
    // Another authority's key does not open it.
    const other = await run(['authority', 'init', '--out', join(dir, 'other.key')])
    expect(openGrant(parseAuthorityKey(other.stdout), parseGrantText(g.stdout))).toBeUndefined()

    // A topic key, handed out with a grant: the grant file holds both (and is 0600 then).
    const tk = await run(['topic-key', 'orders.>', '--out', join(dir, 'orders.topickey')])
    expect(tk.code).toBe(0)
    expect(readFileSync(join(dir, 'orders.topickey'), 'utf8')).toMatch(/^mctopic1\.orders\.>\.[\w-]{43}\n$/)
    const gk = await run(['grant', peer, '--key', keyFile, '--sub', 'orders.>', '--topic-key', join(dir, 'orders.topickey'), '--out', join(dir, 'grant-with-key')])
    expect(gk.code).toBe(0)
    expect(splitGrantFile(readFileSync(join(dir, 'grant-with-key'), 'utf8'))).toEqual({ grant: gk.stdout.trim(), topicKeys: [readFileSync(join(dir, 'orders.topickey'), 'utf8').trim()] })
    expect(statSync(join(dir, 'grant-with-key')).mode & 0o777).toBe(0o600)

    const r = await run(['revoke', peer, '--key', keyFile])
    expect(r.code).toBe(0)
    expect(openRevocation(parseAuthorityKey(pub), parseRevocationText(r.stdout))).toMatchObject({ peer })
  })

  it.each([
    [['authority'], /meshcast authority init/],
    [['authority', 'init', '--out', join(dir, 'authority.key')], /never overwritten/],
    [['id'], /--data DIR is required/],
    [['grant', 'not-a-peer', '--key', join(dir, 'authority.key'), '--pub', 'x'], /is not a peer id/],
    [['grant', '12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA', '--pub', 'x'], /--key FILE/],
    [['grant', '12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA', '--key', join(dir, 'missing.key'), '--pub', 'x'], /--key .*missing\.key/],
    [['grant', '12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA', '--key', join(dir, 'authority.key')], /give --pub or --sub/],
    [['grant', '12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA', '--key', join(dir, 'authority.key'), '--pub', 'a.>.b'], /only as the last token/],
    [['grant', '12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA', '--key', join(dir, 'authority.key'), '--pub', 'x', '--expires', 'soon'], /--expires: a duration/],
    [['revoke', '12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA'], /--key FILE/],
    [['topic-key'], /meshcast topic-key PATTERN/],
    [['topic-key', 'a.>.b'], /only as the last token/],
    [['grant', '12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA', '--key', join(dir, 'authority.key'), '--pub', 'x', '--topic-key', join(dir, 'authority.key')], /--topic-key .*a topic key is mctopic1/],
    [['node', '--data', join(dir, 'n1')], /no mesh authority: give --authority KEY/],
    [['node', '--data', join(dir, 'n1'), '--open', '--authority', 'mcauth1.x'], /--open runs without an authority/],
    [['node', '--data', join(dir, 'n1'), '--authority', 'mcauth1.AAAA'], /--authority: an authority key is mcauth1\./],
    [['node', '--data', join(dir, 'n1'), '--authority', 'mcauth1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'], /no grant for this node/],
    [['pub', 't', 'm', '--bootstrap', '/ip4/127.0.0.1/tcp/1/p2p/12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA'], /joins only an open mesh \(add --open\)/]
  ])('rejects %j with a clear error and exit status 2', async (args, message) => {
    const r = await run(args)
    expect(r.stderr).toMatch(message)
    expect(r.code).toBe(2)
  })
})

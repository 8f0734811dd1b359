// The control socket of a node (issue 14, item 4): only its owner may use it (mode 0600); a
// request that is not JSON is answered with the reason; a line over the cap closes that
// connection without reading it whole, and the node goes on serving others.
import { statSync } from 'node:fs'
import { createConnection } from 'node:net'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Server } from 'node:net'
import { controlPath, MAX_CONTROL_LINE_BYTES, serveControl } from '../../src/cli/control.ts'
import { createNode } from '../../src/index.ts'
import type { MeshNode } from '../../src/index.ts'

const dir = mkdtempSync(join(tmpdir(), 'meshcast-control-'))
let node: MeshNode
let server: Server
beforeAll(async () => {
  node = await createNode({ open: true, dataDir: dir, lan: false })
  server = await serveControl(node, dir)
})
afterAll(async () => {
  await new Promise(resolve => server.close(resolve))
  await node.stop()
  rmSync(dir, { recursive: true, force: true })
})

/** Writes `data` on a new connection; resolves with what came back once the node closed it or after the first line. */
async function exchange (data: string | Buffer, untilClose = false): Promise<{ text: string, closed: boolean }> {
  const c = createConnection(controlPath(dir))
  let text = ''
  return await new Promise((resolve, reject) => {
    c.on('error', reject)
    c.on('data', b => {
      text += b.toString()
      if (!untilClose && text.includes('\n')) { c.destroy(); resolve({ text, closed: false }) }
    })
    c.on('close', () => { resolve({ text, closed: true }) })
    c.write(data, err => { if (err !== undefined && err !== null && !untilClose) reject(err) })
  })
}

describe('the control socket', () => {
  it('is its owner\'s only', () => {
    expect(statSync(controlPath(dir)).mode & 0o777).toBe(0o600)
  })

  it('answers a request that is not JSON with the reason', async () => {
    const r = await exchange('{not json\n')
    expect(JSON.parse(r.text.split('\n')[0])).toEqual({ ok: false, error: 'request is not JSON' })
  })

  it('closes a connection whose line is over the cap, and serves the next one', async () => {
    const r = await exchange(Buffer.alloc(MAX_CONTROL_LINE_BYTES + 1024, 0x61), true)
    expect(r.closed).toBe(true)
    expect(r.text).toMatch(/request line over \d+ bytes: connection closed/)
    const ok = await exchange('{"op":"peers"}\n')
    expect(JSON.parse(ok.text.split('\n')[0])).toMatchObject({ ok: true })
  })

  it('echoes a request\'s id on its answer, and refuses a bad id', async () => {
    const r = await exchange('{"op":"info","id":"req-7"}\n')
    expect(JSON.parse(r.text.split('\n')[0])).toMatchObject({ ok: true, id: 'req-7', peerId: node.peerId })
    const n = await exchange('{"op":"nonsense","id":42}\n')
    expect(JSON.parse(n.text.split('\n')[0])).toEqual({ ok: false, error: "unknown op 'nonsense'", id: 42 })
    const bad = await exchange(`{"op":"info","id":"${'x'.repeat(65)}"}\n`)
    expect(JSON.parse(bad.text.split('\n')[0])).toEqual({ ok: false, error: 'id: a string of at most 64 characters or an integer' })
    const notObject = await exchange('[1,2]\n')
    expect(JSON.parse(notObject.text.split('\n')[0]).ok).toBe(false)
  })
})

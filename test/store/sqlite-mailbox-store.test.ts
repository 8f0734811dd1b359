// The mailbox store on disk (src/store/sqlite-mailbox-store.ts): what it was given comes back
// from the file after it was closed (a restart), in order, without what was removed; watermarks
// and drop counts too; a deleted mailbox leaves nothing; and a core restored from it holds the
// mailbox again with its messages.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { MeshCore } from '../../src/core/mesh-core.ts'
import { Rng } from '../../src/core/rng.ts'
import type { AppMessage } from '../../src/core/wire/types.ts'
import { SqliteMailboxStore } from '../../src/store/sqlite-mailbox-store.ts'

const dirs: string[] = []
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }) })

function file (): string {
  const d = mkdtempSync(join(tmpdir(), 'meshcast-store-'))
  dirs.push(d)
  return join(d, 'sub', 'mailboxes.sqlite')
}

const msg = (seq: number, text = `m${seq}`): AppMessage => ({ topic: 't', publisher: 'P', epoch: 7, seq, payload: new TextEncoder().encode(text), headers: [{ key: 'k', value: String(seq) }] })

describe('SqliteMailboxStore', () => {
  it('gives back, after a reopen, the messages in order without the removed ones, the watermarks and the drop count', () => {
    const path = file()
    const a = new SqliteMailboxStore(path)
    a.create('dev', 't')
    for (let i = 1; i <= 5; i++) a.append('dev', 't', msg(i), 1000 + i)
    a.append('dev', 't', msg(3), 9999) // again: kept once
    a.remove('dev', 't', [msg(1), msg(2)])
    a.setAcked('dev', 't', { publisher: 'P', epoch: 7, seq: 2 })
    a.setDropped('dev', 't', 4)
    a.create('other', 't')
    a.close()
    const b = new SqliteMailboxStore(path)
    const boxes = b.load()
    expect(boxes.map(x => x.name).sort()).toEqual(['dev', 'other'])
    const dev = boxes.find(x => x.name === 'dev')
    expect(dev?.messages.map(m => m.message.seq)).toEqual([3, 4, 5])
    expect(dev?.messages[0]).toEqual({ message: msg(3), at: 1003 })
    expect(dev?.acked).toEqual([{ publisher: 'P', epoch: 7, seq: 2 }])
    expect(dev?.dropped).toBe(4)
    b.delete('dev', 't')
    expect(b.load().map(x => x.name)).toEqual(['other'])
    b.close()
  })

  it('a core created on the store holds the mailbox again, with what it kept', () => {
    const path = file()
    const a = new SqliteMailboxStore(path)
    a.create('dev', 't')
    for (let i = 1; i <= 3; i++) a.append('dev', 't', msg(i), Date.now())
    a.close()
    const store = new SqliteMailboxStore(path)
    const core = new MeshCore({ ref: 'me', id: new Uint8Array(32).fill(1), rng: new Rng(1), now: 0, mailboxStore: store, wallOffset: Date.now() })
    expect(core.mailboxesHeld).toBe(1)
    // Holding it, the node subscribes its topic (it roots it alone here).
    expect(core.topicView('t')?.subscribed).toBe(true)
    // Its own subscriber, on the same node, gets the 3 in order.
    const got: number[] = []
    core.openMailbox(0, 'dev', 't')
    for (let now = 0; now <= 3000; now += 250) {
      core.handleTimeout(now)
      for (const e of core.drainEvents()) if (e.type === 'mailbox-deliver') { got.push(e.message.seq); core.mailboxAck(now, 'dev', 't', e.message) }
    }
    expect(got).toEqual([1, 2, 3])
    expect(new SqliteMailboxStore(path).load()[0].messages).toEqual([])
    store.close()
  })
})

// Durable mailboxes on disk: the core's MailboxStore (src/core/mailbox-store.ts) in SQLite,
// embedded through node:sqlite (Node 24 ships it; no server to run). One file per node,
// `mailboxes.sqlite` in its data directory. Write-ahead logging with synchronous=NORMAL: every
// change is in the log when the call returns, so a kill -9 of the process loses nothing (a
// power cut may lose the last changes). A node that restarts with the same data directory
// holds its mailboxes again.
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import type { StatementSync } from 'node:sqlite'
import type { MailboxStore, StoredMailbox } from '../core/mailbox-store.ts'
import type { AppMessage, Header, MessageRef } from '../core/wire/types.ts'

export const MAILBOX_FILE = 'mailboxes.sqlite'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS mailbox (name TEXT NOT NULL, topic TEXT NOT NULL, dropped INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (name, topic));
CREATE TABLE IF NOT EXISTS message (
  id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, topic TEXT NOT NULL,
  publisher TEXT NOT NULL, epoch INTEGER NOT NULL, seq INTEGER NOT NULL, at INTEGER NOT NULL,
  payload BLOB NOT NULL, headers TEXT NOT NULL, seal BLOB,
  UNIQUE (name, topic, publisher, epoch, seq));
CREATE TABLE IF NOT EXISTS acked (
  name TEXT NOT NULL, topic TEXT NOT NULL, publisher TEXT NOT NULL, epoch INTEGER NOT NULL, seq INTEGER NOT NULL,
  PRIMARY KEY (name, topic, publisher, epoch));
`

export class SqliteMailboxStore implements MailboxStore {
  readonly path: string
  private db: DatabaseSync | undefined
  private stmts: Record<string, StatementSync> = {}

  constructor (path: string) {
    this.path = path
  }

  /** Opens the file (created with its directory if absent); idempotent. */
  open (): void {
    if (this.db !== undefined) return
    mkdirSync(dirname(this.path), { recursive: true })
    const db = new DatabaseSync(this.path)
    db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;')
    db.exec(SCHEMA)
    // Files written before messages were signed: the publisher's seal goes in a column of its own.
    const columns = db.prepare('PRAGMA table_info(message)').all() as Array<{ name: string }>
    if (!columns.some(c => c.name === 'seal')) db.exec('ALTER TABLE message ADD COLUMN seal BLOB')
    this.db = db
    this.stmts = {
      create: db.prepare('INSERT OR IGNORE INTO mailbox (name, topic) VALUES (?, ?)'),
      append: db.prepare('INSERT OR IGNORE INTO message (name, topic, publisher, epoch, seq, at, payload, headers, seal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      remove: db.prepare('DELETE FROM message WHERE name = ? AND topic = ? AND publisher = ? AND epoch = ? AND seq = ?'),
      acked: db.prepare('INSERT OR REPLACE INTO acked (name, topic, publisher, epoch, seq) VALUES (?, ?, ?, ?, ?)'),
      dropped: db.prepare('UPDATE mailbox SET dropped = ? WHERE name = ? AND topic = ?'),
      delBox: db.prepare('DELETE FROM mailbox WHERE name = ? AND topic = ?'),
      delMessages: db.prepare('DELETE FROM message WHERE name = ? AND topic = ?'),
      delAcked: db.prepare('DELETE FROM acked WHERE name = ? AND topic = ?')
    }
  }

  close (): void {
    this.db?.close()
    this.db = undefined
    this.stmts = {}
  }

  load (): StoredMailbox[] {
    const db = this.database()
    const out = new Map<string, StoredMailbox>()
    for (const r of db.prepare('SELECT name, topic, dropped FROM mailbox').all() as Array<{ name: string, topic: string, dropped: number }>) {
      out.set(`${r.name}\u0000${r.topic}`, { name: r.name, topic: r.topic, messages: [], acked: [], dropped: r.dropped })
    }
    for (const r of db.prepare('SELECT name, topic, publisher, epoch, seq, at, payload, headers, seal FROM message ORDER BY id').all() as unknown as Row[]) {
      const box = out.get(`${r.name}\u0000${r.topic}`)
      if (box === undefined) continue
      const message: AppMessage = { topic: r.topic, publisher: r.publisher, epoch: Number(r.epoch), seq: Number(r.seq), payload: new Uint8Array(r.payload), headers: JSON.parse(r.headers) as Header[] }
      if (r.seal !== null) message.seal = new Uint8Array(r.seal)
      box.messages.push({ message, at: Number(r.at) })
    }
    for (const r of db.prepare('SELECT name, topic, publisher, epoch, seq FROM acked').all() as unknown as Array<{ name: string, topic: string } & MessageRef>) {
      out.get(`${r.name}\u0000${r.topic}`)?.acked.push({ publisher: r.publisher, epoch: Number(r.epoch), seq: Number(r.seq) })
    }
    return [...out.values()]
  }

  create (name: string, topic: string): void {
    this.run('create', name, topic)
  }

  append (name: string, topic: string, m: AppMessage, at: number): void {
    this.run('append', name, topic, m.publisher, m.epoch, m.seq, Math.round(at), m.payload, JSON.stringify(m.headers), m.seal ?? null)
  }

  remove (name: string, topic: string, ids: readonly MessageRef[]): void {
    if (ids.length === 0) return
    const db = this.database()
    db.exec('BEGIN')
    try {
      for (const id of ids) this.run('remove', name, topic, id.publisher, id.epoch, id.seq)
      db.exec('COMMIT')
    } catch (err) {
      db.exec('ROLLBACK')
      throw err
    }
  }

  setAcked (name: string, topic: string, ref: MessageRef): void {
    this.run('acked', name, topic, ref.publisher, ref.epoch, ref.seq)
  }

  setDropped (name: string, topic: string, dropped: number): void {
    this.run('dropped', dropped, name, topic)
  }

  delete (name: string, topic: string): void {
    this.run('delBox', name, topic)
    this.run('delMessages', name, topic)
    this.run('delAcked', name, topic)
  }

  private database (): DatabaseSync {
    this.open()
    return this.db as DatabaseSync
  }

  private run (stmt: string, ...args: Array<string | number | Uint8Array | null>): void {
    this.database()
    this.stmts[stmt].run(...args)
  }
}

interface Row {
  seal: Uint8Array | null
  name: string
  topic: string
  publisher: string
  epoch: number
  seq: number
  at: number
  payload: Uint8Array
  headers: string
}

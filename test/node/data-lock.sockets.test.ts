// One running node per data directory (issue 14, item 4): a second node on the directory of a
// running one is refused with DataDirLockedError, whether it is in this process or another;
// a lock left by a process that is gone (kill -9) is taken over; stop() gives the lock back.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createNode, DataDirLockedError } from '../../src/index.ts'

const dir = mkdtempSync(join(tmpdir(), 'meshcast-lock-'))
afterAll(() => { rmSync(dir, { recursive: true, force: true }) })

describe('the data directory lock', () => {
  it('refuses a second node on a running node\'s directory, and lets one start once it stopped', async () => {
    const d = join(dir, 'a')
    const first = await createNode({ open: true, dataDir: d, lan: false })
    const second = await createNode({ open: true, dataDir: d, lan: false, start: false })
    await expect(second.start()).rejects.toThrow(DataDirLockedError)
    await expect(second.start()).rejects.toThrow(/another meshcast node \(pid \d+\) is running with the data directory/)
    await first.stop()
    await second.start()
    expect(second.peerId).toBe(first.peerId) // the same key, from the directory
    await second.stop()
  })

  it('refuses the directory of a live process, takes over the lock of a dead one', async () => {
    const d = join(dir, 'b')
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' })
    await new Promise(resolve => other.once('spawn', resolve))
    const { mkdirSync } = await import('node:fs')
    mkdirSync(d, { recursive: true })
    writeFileSync(join(d, 'LOCK'), `${other.pid}\n`)
    const node = await createNode({ open: true, dataDir: d, lan: false, start: false })
    await expect(node.start()).rejects.toThrow(DataDirLockedError)
    other.kill('SIGKILL')
    await new Promise(resolve => other.once('exit', resolve))
    await node.start() // the lock's process is gone: stale
    expect(node.isRunning).toBe(true)
    await node.stop()
  })
})

// One running node per data directory: its key, its mailboxes and its control socket are its
// own. A node takes `DIR/LOCK` (its pid) when it starts and removes it when it stops. A lock
// whose process is gone (killed with -9, say) is stale and taken over; one whose process runs
// refuses the start with DataDirLockedError. (Within one process, two nodes on one directory
// are refused the same way.)
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DataDirLockedError } from '../core/errors.ts'

const LOCK_FILE = 'LOCK'
/** Directories locked by nodes of this process. */
const held = new Set<string>()

function alive (pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Takes the directory's lock; throws DataDirLockedError when a live node holds it. */
export function lockDataDir (dir: string): void {
  mkdirSync(dir, { recursive: true })
  const file = join(dir, LOCK_FILE)
  if (held.has(file)) throw new DataDirLockedError(dir, process.pid)
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx', mode: 0o600 })
      held.add(file)
      return
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    }
    const pid = Number.parseInt(readFileSync(file, 'utf8'), 10)
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) throw new DataDirLockedError(dir, pid)
    rmSync(file, { force: true }) // stale: its process is gone
  }
  throw new DataDirLockedError(dir, Number.NaN)
}

/** Gives the lock back (only if this process holds it). */
export function unlockDataDir (dir: string): void {
  const file = join(dir, LOCK_FILE)
  if (!held.delete(file)) return
  try {
    if (Number.parseInt(readFileSync(file, 'utf8'), 10) === process.pid) rmSync(file, { force: true })
  } catch {}
}

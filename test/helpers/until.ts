// Waiting for a condition in tests instead of sleeping a fixed time: a loaded 2-core CI machine
// turns fixed sleeps into flakes.

export const sleep = async (ms: number): Promise<void> => { await new Promise(resolve => setTimeout(resolve, ms)) }

/** Polls `ok` (sync or async) every 25 ms until it holds; throws naming `what` after `ms`. */
export async function until (what: string, ok: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await sleep(25)
  }
}

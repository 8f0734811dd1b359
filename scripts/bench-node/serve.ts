// The IPC loop of a benchmark worker process: each request from the parent is handled and
// answered with { id, ok, result | error }; `stop` exits after its answer went out (an exit,
// not a kill, so --cpu-prof can write its profile). The worker stops by itself when the parent
// goes away, on SIGTERM or SIGINT, and after BENCH_WORKER_LIFETIME_MS (15 min).
const LIFETIME_MS = Number(process.env.BENCH_WORKER_LIFETIME_MS ?? 15 * 60_000)

export function serve<R extends { id: number, op: string }> (handle: (req: R) => Promise<unknown>, stop: () => Promise<void>): void {
  const reply = (r: unknown): void => { if (process.connected) process.send?.(r) }
  process.on('message', (req: R) => {
    handle(req).then(
      result => { reply({ id: req.id, ok: true, result }) },
      (err: unknown) => { reply({ id: req.id, ok: false, error: (err as Error).stack ?? String(err) }) }
    ).finally(() => {
      if (req.op === 'stop') setTimeout(() => process.exit(0), 50)
    })
  })
  const exit = (): void => { void stop().finally(() => process.exit(0)) }
  process.on('disconnect', exit)
  process.on('SIGTERM', exit)
  process.on('SIGINT', exit)
  setTimeout(exit, LIFETIME_MS).unref()
}

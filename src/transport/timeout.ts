// A time limit that can be lifted: AbortSignal.timeout() leaves its timer pending until it
// fires, which a stopped node must not do.

export interface Deadline {
  signal: AbortSignal
  clear: () => void
}

export function deadline (ms: number, parent?: AbortSignal): Deadline {
  const controller = new AbortController()
  const timer = setTimeout(() => { controller.abort(new Error(`timed out after ${ms} ms`)) }, ms)
  const onParent = (): void => { controller.abort(parent?.reason) }
  parent?.addEventListener('abort', onParent, { once: true })
  return {
    signal: controller.signal,
    clear: () => {
      clearTimeout(timer)
      parent?.removeEventListener('abort', onParent)
    }
  }
}

// The process's ZAP handler (ZeroMQ RFC 27): libzmq asks it, over inproc://zeromq.zap.01, whether
// a CURVE client may connect. One handler serves every node in the process (they share
// zeromq.js's global context); each receiving socket has its own ZAP domain naming the receiving
// node and the one sender it is for, and the handler admits exactly the CURVE key that sender
// presented over its authenticated libp2p connection. Everything else is refused.
import { Router } from 'zeromq'
import { z85Encode } from './z85.ts'

const ZAP_ENDPOINT = 'inproc://zeromq.zap.01'

interface Admission {
  key: string
  refused: () => void
}

const admissions = new Map<string, Admission>()
let router: Router | undefined
let users = 0
let starting: Promise<void> | undefined

/** The handler runs while at least one user holds it. */
export async function acquireZap (): Promise<void> {
  users++
  if (router !== undefined) return
  starting ??= (async () => {
    const r = new Router({ linger: 0 })
    for (let attempt = 0; ; attempt++) {
      try {
        await r.bind(ZAP_ENDPOINT)
        break
      } catch (err) {
        // A handler that just closed releases the inproc address asynchronously.
        if (attempt >= 50 || (err as { code?: string }).code !== 'EADDRINUSE') {
          r.close()
          throw err
        }
        await new Promise(resolve => setTimeout(resolve, 10))
      }
    }
    router = r
    void serve(r)
  })()
  try {
    await starting
  } catch (err) {
    users--
    throw err
  } finally {
    starting = undefined
  }
}

export function releaseZap (): void {
  if (users === 0) return
  users--
  if (users > 0 || router === undefined) return
  router.close() // releases the inproc address a moment later: acquireZap retries the bind
  router = undefined
}

/** Admits only `keyZ85` in `domain` until the returned function is called. */
export function admitOnly (domain: string, keyZ85: string, refused: () => void): () => void {
  const entry = { key: keyZ85, refused }
  admissions.set(domain, entry)
  return () => { if (admissions.get(domain) === entry) admissions.delete(domain) }
}

async function serve (r: Router): Promise<void> {
  try {
    for await (const frames of r) {
      const [id, delimiter, version, requestId, domain, , , mechanism, credential] = frames
      let ok = false
      const entry = admissions.get(domain?.toString() ?? '')
      if (version?.toString() === '1.0' && mechanism?.toString() === 'CURVE' && credential?.byteLength === 32 && entry !== undefined) {
        ok = z85Encode(credential) === entry.key
      }
      if (!ok) entry?.refused()
      await r.send([id, delimiter, version, requestId, ok ? '200' : '400', ok ? 'OK' : 'CURVE key not bound to this peer', '', ''])
    }
  } catch {
    // The router closed.
  }
}

// The HTTP endpoint Prometheus scrapes: GET /metrics, nothing else. start() and stop() are
// idempotent; stop() closes every connection, idle keep-alive ones included, so nothing is left.
import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export const METRICS_PATH = '/metrics'

export interface MetricsServerOptions {
  host: string
  /** 0: an ephemeral port (see url). */
  port: number
}

export interface MetricsEndpoint {
  scrape: () => Promise<string>
  contentType: string
}

export class MetricsServer {
  private readonly endpoint: MetricsEndpoint
  private readonly options: MetricsServerOptions
  private server: Server | undefined
  private bound: string | undefined

  constructor (endpoint: MetricsEndpoint, options: MetricsServerOptions) {
    this.endpoint = endpoint
    this.options = options
  }

  /** http://HOST:PORT/metrics once listening (the port bound, not 0), undefined otherwise. */
  get url (): string | undefined {
    return this.bound
  }

  async start (): Promise<void> {
    if (this.server !== undefined) return
    const server = createServer((req, res) => { void this.handle(req, res) })
    this.server = server
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject)
        server.listen({ host: this.options.host, port: this.options.port }, () => {
          server.off('error', reject)
          resolve()
        })
      })
    } catch (err) {
      this.server = undefined
      const e = err as NodeJS.ErrnoException
      throw new Error(`metrics: cannot listen on ${formatHost(this.options.host)}:${this.options.port} (${e.code ?? e.message}): choose another host or port`, { cause: err })
    }
    const { address, port } = server.address() as AddressInfo
    this.bound = `http://${formatHost(address)}:${port}${METRICS_PATH}`
  }

  async stop (): Promise<void> {
    const server = this.server
    if (server === undefined) return
    this.server = undefined
    this.bound = undefined
    const closed = new Promise<void>(resolve => { server.close(() => { resolve() }) })
    server.closeAllConnections()
    await closed
  }

  private async handle (req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0]
    if (path !== METRICS_PATH) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`not found: the metrics are at GET ${METRICS_PATH}\n`)
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end(`${req.method ?? ''} not allowed: GET ${METRICS_PATH}\n`)
      return
    }
    try {
      const body = await this.endpoint.scrape()
      res.writeHead(200, { 'content-type': this.endpoint.contentType }).end(req.method === 'HEAD' ? undefined : body)
    } catch (err) {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(`metrics failed: ${(err as Error).message}\n`)
    }
  }
}

/** An IPv6 address in brackets, as in URLs. */
function formatHost (host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host
}

// `meshcast node`: a long-running node with a control socket in its data directory.
import { isIP } from 'node:net'
import type { MetricsOptions } from '../node/mesh-node.ts'
import { NODE_DEFAULTS } from '../node/defaults.ts'
import { parseCidr } from '../transport/zeromq/segment.ts'
import { numberFlag, parse, UsageError } from './args.ts'
import { awaitBootstrap, checkMultiaddrs } from './peering.ts'
import { serveControl } from './control.ts'
import type { Io } from './io.ts'
import { accessOptions } from './security-cmds.ts'

export const NODE_HELP = `Usage: meshcast node --data DIR (--authority KEY [--grant FILE] | --open) [--listen MULTIADDR]... [--bootstrap MULTIADDR]... [--lan CIDR|off]... [--json] [--mdns] [--max-children N] [--wildcards] [--metrics HOST:PORT]

Runs a meshcast node until SIGINT or SIGTERM. Its key (so its peer id) is kept in DIR, and
'meshcast pub|sub|peers|topics --data DIR' talk to it through DIR/control.sock.

  --data DIR            data directory (created if missing)
  --authority KEY|FILE  the mesh authority's public key (mcauth1.…, or a file holding it;
                        default DIR/authority.pub). Peers without a valid grant are kept out
  --grant FILE          this node's grant (default DIR/grant): meshcast grant PEERID
  --open                no authority: trust any peer that connects (a warning is printed)
  --listen MULTIADDR    listen address, repeatable (default /ip4/127.0.0.1/tcp/0)
  --bootstrap MULTIADDR a peer to join through, with /p2p/<peer id>; repeatable
  --lan CIDR|off        LAN segment whose peers get data over ZeroMQ (CURVE); repeatable.
                        Default: the IPv4 subnets of this host's interfaces, and peers on
                        this host over loopback. 'off': libp2p only
  --mdns                discover peers on the LAN
  --wildcards           forward the messages entering this node's trees to wildcard
                        subscriptions (every node of a mesh that uses them needs it)
  --max-children N      fan-out cap: children in one topic's tree before the node hands the
                        farthest to a sibling (default 64)
  --metrics HOST:PORT   serve Prometheus metrics at http://HOST:PORT/metrics. ':PORT' is
                        127.0.0.1 (loopback: say 0.0.0.0:PORT to be scraped from elsewhere);
                        an IPv6 host in brackets, [::1]:9464; port 0: any free port
  --json                print one JSON line {"peerId","addrs"} first ("metrics" too, with
                        --metrics)
  -h, --help            this help
`

export async function runNode (argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, {
    data: { type: 'string' }, listen: { type: 'string', multiple: true }, bootstrap: { type: 'string', multiple: true },
    lan: { type: 'string', multiple: true }, metrics: { type: 'string' }, mdns: { type: 'boolean' }, json: { type: 'boolean' }, 'max-children': { type: 'string' }, wildcards: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    authority: { type: 'string' }, grant: { type: 'string' }, open: { type: 'boolean' }
  }, false)
  if (values.help === true) { io.stdout(NODE_HELP); return 0 }
  if (typeof values.data !== 'string') throw new UsageError('--data DIR is required')
  const listen = checkMultiaddrs('listen', (values.listen as string[] | undefined) ?? ['/ip4/127.0.0.1/tcp/0'])
  const bootstrap = checkMultiaddrs('bootstrap', (values.bootstrap as string[] | undefined) ?? [])
  const maxChildren = numberFlag(values, 'max-children', { min: 1, integer: true })
  const lanFlags = values.lan as string[] | undefined
  let lan: string[] | false | undefined
  if (lanFlags !== undefined) {
    if (lanFlags.includes('off')) {
      if (lanFlags.length > 1) throw new UsageError("--lan off cannot be combined with CIDRs")
      lan = false
    } else {
      for (const c of lanFlags) {
        try { parseCidr(c) } catch (err) { throw new UsageError(`--lan: ${(err as Error).message}`) }
      }
      lan = lanFlags
    }
  }
  const metrics = typeof values.metrics === 'string' ? parseMetricsAddress(values.metrics) : undefined
  const access = accessOptions(values, values.data)
  const { createNode } = await import('../node/mesh-node.ts') // libp2p only once the arguments are good
  const node = await createNode({ ...access, dataDir: values.data, listen, bootstrap, lan, metrics, mdns: values.mdns === true, core: { ...(maxChildren === undefined ? {} : { maxChildren }), ...(values.wildcards === true ? { wildcards: true } : {}) } })
  if (bootstrap.length > 0) await awaitBootstrap(node, bootstrap)
  const server = await serveControl(node, values.data)
  if (values.json === true) io.stdout(JSON.stringify({ peerId: node.peerId, addrs: node.addrs, ...(node.metricsUrl === undefined ? {} : { metrics: node.metricsUrl }) }) + '\n')
  else {
    const lines = [`meshcast node ${node.peerId}`, ...node.addrs.map(a => `  listening on ${a}`)]
    if (node.metricsUrl !== undefined) lines.push(`  metrics on ${node.metricsUrl}`)
    io.stdout(lines.join('\n') + '\n')
  }
  await new Promise<void>(resolve => {
    process.once('SIGINT', resolve)
    process.once('SIGTERM', resolve)
  })
  await new Promise<void>(resolve => { server.close(() => { resolve() }) })
  await node.stop()
  return 0
}

/** --metrics HOST:PORT: '127.0.0.1:9464', '[::1]:9464', 'localhost:9464', or ':9464' for the default host. */
export function parseMetricsAddress (raw: string): MetricsOptions {
  const bad = (why: string): UsageError => new UsageError(`--metrics takes HOST:PORT (127.0.0.1:9464, [::1]:9464, or :9464 for 127.0.0.1), not '${raw}': ${why}`)
  const m = /^(?:\[([^\]]*)\]|([^[\]:]*)):([^:]*)$/.exec(raw)
  if (m === null) throw bad(raw.includes(':') ? 'an IPv6 host goes in brackets' : 'no port')
  const [, v6, name, portText] = m
  if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) throw bad('the port is an integer in 0..65535')
  let host: string
  if (v6 !== undefined) {
    if (isIP(v6) !== 6) throw bad(`'${v6}' is not an IPv6 address`)
    host = v6
  } else if (name === '') {
    host = NODE_DEFAULTS.metricsHost
  } else {
    if (isIP(name) === 0 && (/^[\d.]+$/.test(name) || !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i.test(name))) throw bad(`'${name}' is not an IP address or host name`)
    host = name
  }
  return { host, port: Number(portText) }
}

// A libp2p 3 host for meshcast: TCP, Noise, Yamux, identify, ping, kad-dht in server mode,
// optional mDNS and bootstrap list. Settings that break meshes of many nodes on one host are
// set deliberately here (see shared notes on libp2p 3 and docs/decisions.md).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { bootstrap } from '@libp2p/bootstrap'
import { generateKeyPair, privateKeyFromProtobuf, privateKeyToProtobuf } from '@libp2p/crypto/keys'
import { identify } from '@libp2p/identify'
import type { PrivateKey } from '@libp2p/interface'
import { kadDHT, passthroughMapper } from '@libp2p/kad-dht'
import { mdns } from '@libp2p/mdns'
import { ping } from '@libp2p/ping'
import { tcp } from '@libp2p/tcp'
import { createLibp2p } from 'libp2p'
import type { Libp2p } from 'libp2p'

export interface HostOptions {
  /** Keeps the node's key (so its peer id) across restarts. Without it the key is ephemeral. */
  dataDir?: string
  /** Multiaddrs to listen on; default one TCP port on 127.0.0.1 chosen by the OS. */
  listen?: string[]
  /** Multiaddrs (with /p2p/<peer id>) to dial at start. */
  bootstrap?: string[]
  /** Zero-configuration discovery on the LAN. */
  mdns?: boolean
  /** More libp2p services on the same host (a benchmark adds gossipsub as a baseline). */
  extraServices?: Record<string, (components: any) => unknown>
  /** A libp2p metrics implementation (a benchmark counts bytes on the wire with it). */
  metrics?: (components: any) => unknown
  /**
   * The most a yamux stream may have in flight towards this node (its receive window, granted
   * to the sender). Default: yamux's own (16 MiB). meshcast nodes pass NODE_DEFAULTS.streamWindowBytes.
   */
  maxStreamWindowBytes?: number
  /**
   * Remote addresses exempt from libp2p's connection limits, as multiaddr networks
   * ('/ip4/10.0.0.0/ipcidr/8'). Default: loopback only.
   */
  allow?: string[]
  /** The host's key (loadOrCreateKey); loaded from dataDir or made when absent. */
  privateKey?: PrivateKey
}

export type MeshLibp2p = Libp2p<{ identify: ReturnType<ReturnType<typeof identify>>, ping: ReturnType<ReturnType<typeof ping>>, dht: ReturnType<ReturnType<typeof kadDHT>> }>

const KEY_FILE = 'peer.key'
const LOOPBACK = ['/ip4/127.0.0.0/ipcidr/8', '/ip6/::1/ipcidr/128']

export async function loadOrCreateKey (dataDir?: string): Promise<PrivateKey> {
  if (dataDir === undefined) return await generateKeyPair('Ed25519')
  mkdirSync(dataDir, { recursive: true })
  const file = join(dataDir, KEY_FILE)
  try {
    return privateKeyFromProtobuf(readFileSync(file))
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
  }
  const key = await generateKeyPair('Ed25519')
  writeFileSync(file, privateKeyToProtobuf(key), { mode: 0o600 })
  return key
}

export async function createHost (options: HostOptions): Promise<MeshLibp2p> {
  const privateKey = options.privateKey ?? await loadOrCreateKey(options.dataDir)
  const peerDiscovery = []
  if ((options.bootstrap ?? []).length > 0) peerDiscovery.push(bootstrap({ list: options.bootstrap ?? [], timeout: 0 }))
  if (options.mdns === true) peerDiscovery.push(mdns())
  return await createLibp2p({
    privateKey,
    start: false,
    addresses: { listen: options.listen ?? ['/ip4/127.0.0.1/tcp/0'] },
    transports: [tcp()],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux(options.maxStreamWindowBytes === undefined ? {} : { streamOptions: { maxStreamWindowSize: options.maxStreamWindowBytes } })],
    peerDiscovery,
    connectionManager: {
      // libp2p's limits (300 connections; 5 new inbound connections per second per remote
      // host, 10 pending) hold for every host but the ones allowed: by default this host's own
      // loopback, where meshes of many nodes dial in bursts (tests, testnets, benchmarks).
      allow: options.allow ?? LOOPBACK
    },
    // Our own heartbeats are the failure detector; a busy event loop must not drop connections.
    connectionMonitor: { abortConnectionOnPingFailure: false },
    ...(options.metrics !== undefined ? { metrics: options.metrics as any } : {}),
    services: {
      ...options.extraServices,
      identify: identify(),
      ping: ping(),
      dht: kadDHT({ clientMode: false, peerInfoMapper: passthroughMapper, protocol: '/meshcast/kad/1.0.0' })
    }
  }) as unknown as MeshLibp2p
}

// Which peers share this node's LAN segment, and the local address to bind for them.
// - A peer whose libp2p connection comes over loopback is on this host: one segment (127.0.0.1).
// - With the `lan` option (CIDRs), a peer is on the segment when its address and one of ours
//   fall in the same configured CIDR.
// - Otherwise when its address is inside the IPv4 subnet of one of our non-loopback interfaces.
import { isIP } from 'node:net'
import { networkInterfaces } from 'node:os'
import { InvalidOptionError } from '../../core/errors.ts'

export interface Cidr {
  text: string
  base: number
  mask: number
}

export interface LocalAddress {
  address: string
  netmask: string
}

export function parseCidr (text: string): Cidr {
  const m = /^(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})$/.exec(text.trim())
  if (m === null || isIP(m[1]) !== 4 || Number(m[2]) > 32) {
    throw new InvalidOptionError(`"${text}" is not an IPv4 CIDR such as 192.168.1.0/24`)
  }
  const bits = Number(m[2])
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0
  return { text, base: (ipv4ToInt(m[1]) & mask) >>> 0, mask }
}

export function ipv4ToInt (ip: string): number {
  const p = ip.split('.').map(Number)
  return ((p[0] << 24) >>> 0) + (p[1] << 16) + (p[2] << 8) + p[3]
}

export function inCidr (ip: string, c: Cidr): boolean {
  return isIP(ip) === 4 && ((ipv4ToInt(ip) & c.mask) >>> 0) === c.base
}

/** An IPv4-mapped IPv6 address (::ffff:10.0.0.1) as plain IPv4. */
export function plainIp (ip: string): string {
  return ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip
}

export function isLoopback (ip: string): boolean {
  const p = plainIp(ip)
  return p === '::1' || (isIP(p) === 4 && p.startsWith('127.'))
}

/** This host's non-loopback IPv4 addresses with their netmasks. */
export function localIpv4 (): LocalAddress[] {
  const out: LocalAddress[] = []
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) out.push({ address: a.address, netmask: a.netmask })
  }
  return out
}

/**
 * The local address to bind a ZeroMQ socket on for a peer seen at `remoteIp`, or undefined
 * when the peer is not on one of our LAN segments.
 */
export function segmentAddress (remoteIp: string, lan: readonly Cidr[] | undefined, local: readonly LocalAddress[]): string | undefined {
  const ip = plainIp(remoteIp)
  if (isLoopback(ip)) return ip === '::1' ? '::1' : '127.0.0.1'
  if (isIP(ip) !== 4) return undefined
  if (lan !== undefined && lan.length > 0) {
    for (const c of lan) {
      if (!inCidr(ip, c)) continue
      const mine = local.find(a => inCidr(a.address, c))
      if (mine !== undefined) return mine.address
    }
    return undefined
  }
  const remote = ipv4ToInt(ip)
  for (const a of local) {
    const mask = ipv4ToInt(a.netmask)
    if (mask === 0) continue
    if (((ipv4ToInt(a.address) & mask) >>> 0) === ((remote & mask) >>> 0)) return a.address
  }
  return undefined
}

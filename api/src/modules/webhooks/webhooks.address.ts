/**
 * Where a webhook may point (SSRF): an endpoint URL is chosen by an outside party and fetched by our
 * server, so it must never reach the server's own network. Checked twice: when the endpoint is saved (the
 * URL's form, IP literals) and at every delivery on the address DNS actually returned (a name that
 * resolves to 10.0.0.1 today, or rebinds later, is refused at connect time).
 */
import dns from 'node:dns'
import net from 'node:net'

const BLOCKED = new net.BlockList()
// IPv4: this network, private (RFC 1918), carrier-grade NAT, loopback, link-local (cloud metadata at
// 169.254.169.254), IETF protocol assignments, documentation, benchmarking, multicast, reserved, broadcast.
for (const [a, p] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) BLOCKED.addSubnet(a, p, 'ipv4')
// IPv6: unspecified, loopback, IPv4-mapped (checked as IPv4 below too), NAT64, unique local, link-local, multicast, documentation.
for (const [a, p] of [['::', 128], ['::1', 128], ['64:ff9b::', 96], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['2001:db8::', 32]] as const) BLOCKED.addSubnet(a, p, 'ipv6')

const LOOPBACK = new net.BlockList()
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4')
LOOPBACK.addAddress('::1', 'ipv6')

export interface AddressPolicy {
  /** Tests and local development: loopback receivers (and plain http to them) are allowed. */
  allowLoopback: boolean
}

function unmapped(ip: string): { ip: string; family: 'ipv4' | 'ipv6' } {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)
  if (m) return { ip: m[1]!, family: 'ipv4' }
  return { ip, family: net.isIPv6(ip) ? 'ipv6' : 'ipv4' }
}

export function isLoopback(ip: string): boolean {
  const u = unmapped(ip)
  return LOOPBACK.check(u.ip, u.family)
}

/** May a delivery connect to this address? */
export function addressAllowed(ip: string, policy: AddressPolicy): boolean {
  if (!net.isIP(ip)) return false
  const u = unmapped(ip)
  if (policy.allowLoopback && LOOPBACK.check(u.ip, u.family)) return true
  return !BLOCKED.check(u.ip, u.family)
}

/** Why an endpoint URL is refused, or null when it may be saved. */
export function refuseUrl(raw: string, policy: AddressPolicy): string | null {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return 'not a URL'
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'only https URLs are accepted'
  if (url.username || url.password) return 'a URL with credentials is not accepted'
  if (url.hash) return 'a URL with a fragment is not accepted'
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase()
  const literal = net.isIP(host) ? host : null
  const loopbackName = host === 'localhost' || host.endsWith('.localhost')
  const loopback = loopbackName || (literal !== null && isLoopback(literal))
  if (loopback && !policy.allowLoopback) return 'the address is not a public internet address'
  if (url.protocol === 'http:' && !(loopback && policy.allowLoopback)) return 'only https URLs are accepted'
  if (literal && !addressAllowed(literal, policy)) return 'the address is not a public internet address'
  // Names that only mean something inside a network.
  if (!literal && !loopbackName && (!host.includes('.') || /\.(local|internal|intranet|lan|home\.arpa)$/.test(host))) return 'the host is not a public internet name'
  return null
}

export class BlockedAddressError extends Error {
  readonly code = 'EBLOCKEDADDRESS'
}

/** A dns.lookup for http.request that refuses any address the policy does not allow (also after a rebind). */
export function guardedLookup(policy: AddressPolicy): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 4)
      const list = addresses as unknown as dns.LookupAddress[]
      const bad = list.find((a) => !addressAllowed(a.address, policy))
      if (bad || list.length === 0) return callback(new BlockedAddressError('address not allowed'), '', 4)
      if ((options as dns.LookupOptions).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list)
      callback(null, list[0]!.address, list[0]!.family)
    })
  }
}

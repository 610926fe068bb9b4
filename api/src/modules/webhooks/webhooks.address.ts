/**
 * Where a webhook may point (SSRF): an endpoint URL is chosen by an outside party and fetched by our
 * server, so it must never reach the server's own network. Checked when the endpoint is saved (the URL's
 * form, its name, IP literals) and again at every delivery: the URL once more (rules may have tightened
 * since it was saved), and every address DNS actually returned (a name that resolves to 10.0.0.1 today,
 * or rebinds later, is refused at connect time).
 *
 * Addresses are parsed by ipaddr.js, not by hand, and judged by an allow-list: an IPv4 address must be
 * plain unicast, an IPv6 address plain unicast inside the global unicast space 2000::/3. Every form that
 * carries an IPv4 address inside IPv6 (mapped ::ffff:0:0/96, SIIT ::ffff:0:0:0/96, the deprecated
 * IPv4-compatible ::/96, NAT64 64:ff9b::/96 and 64:ff9b:1::/48, 6to4 2002::/16, Teredo 2001::/32) is
 * refused outright: which IPv4 host it reaches depends on a translator we don't control.
 */
import dns from 'node:dns'
import type net from 'node:net'
import ipaddr from 'ipaddr.js'

export interface AddressPolicy {
  /** Tests and local development: loopback receivers (and plain http to them) are allowed. */
  allowLoopback: boolean
}

const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3')

function parse(ip: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const bare = ip.replace(/^\[|\]$/g, '')
  // isValid accepts the odd legacy IPv4 forms (0x7f.1, 2130706433) too: exactly what an attacker would try.
  return ipaddr.isValid(bare) ? ipaddr.parse(bare) : null
}

/** 127.0.0.0/8, ::1, and those two inside an IPv4-mapped IPv6 address. */
export function isLoopback(ip: string): boolean {
  const a = parse(ip)
  if (!a) return false
  if (a.kind() === 'ipv6' && (a as ipaddr.IPv6).isIPv4MappedAddress()) return (a as ipaddr.IPv6).toIPv4Address().range() === 'loopback'
  return a.range() === 'loopback'
}

/** May a delivery connect to this address? */
export function addressAllowed(ip: string, policy: AddressPolicy): boolean {
  const a = parse(ip)
  if (!a) return false
  if (policy.allowLoopback && isLoopback(ip)) return true
  if (a.kind() === 'ipv4') return a.range() === 'unicast'
  return a.range() === 'unicast' && (a as ipaddr.IPv6).match(GLOBAL_UNICAST_V6)
}

/**
 * Names that only mean something inside a network (RFC 6762 .local, RFC 8375 home.arpa, ICANN's .internal,
 * the cloud providers' metadata.google.internal, common private suffixes, reverse-DNS names). The
 * reserved .example/.test/.invalid never resolve at all, so they need no rule.
 */
const INTERNAL_SUFFIX = /(^|\.)(localhost|local|internal|intranet|lan|corp|home|localdomain|arpa)$/

/** The host as the URL parser left it, without brackets and without trailing dots ("localhost." is "localhost"). */
export function normaliseHost(hostname: string): string {
  return hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.+$/, '')
    .toLowerCase()
}

/** Why an endpoint URL is refused, or null when it may be saved (and connected to). */
export function refuseUrl(raw: string, policy: AddressPolicy): string | null {
  let url: URL
  try {
    // The WHATWG parser already turns 0x7f.1, 2130706433 and [::127.0.0.1] into their canonical forms.
    url = new URL(raw)
  } catch {
    return 'not a URL'
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'only https URLs are accepted'
  if (url.username || url.password) return 'a URL with credentials is not accepted'
  if (url.hash) return 'a URL with a fragment is not accepted'
  const host = normaliseHost(url.hostname)
  if (!host) return 'not a URL'
  const literal = parse(host) ? host : null
  const loopbackName = host === 'localhost' || host.endsWith('.localhost')
  const loopback = loopbackName || (literal !== null && isLoopback(literal))
  if (loopback && !policy.allowLoopback) return 'the address is not a public internet address'
  if (url.protocol === 'http:' && !(loopback && policy.allowLoopback)) return 'only https URLs are accepted'
  if (literal) return addressAllowed(literal, policy) ? null : 'the address is not a public internet address'
  if (loopbackName) return null
  if (!host.includes('.') || INTERNAL_SUFFIX.test(host)) return 'the host is not a public internet name'
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

import { describe, expect, it } from 'vitest'
import { addressAllowed, guardedLookup, refuseUrl } from '../../../api/src/modules/webhooks/webhooks.address.ts'

const prod = { allowLoopback: false }

// Every form a hostile organisation could give to reach the server's own network (issue 16).
const refused: Array<[string, string]> = [
  ['loopback name with a trailing dot', 'https://localhost./hook'],
  ['loopback name, two trailing dots', 'https://localhost../hook'],
  ['a .localhost name', 'https://api.localhost./hook'],
  ['cloud metadata name with a trailing dot', 'https://metadata.google.internal./'],
  ['.internal', 'https://db.internal/hook'],
  ['mDNS .local with a trailing dot', 'https://printer.local./'],
  ['single-label name with a trailing dot', 'https://intranet./'],
  ['single-label name', 'https://intranet/'],
  ['.lan', 'https://nas.lan/'],
  ['home.arpa', 'https://router.home.arpa/'],
  ['reverse-DNS name', 'https://1.0.0.127.in-addr.arpa/'],
  ['.corp', 'https://hooks.corp/'],
  ['IPv4 loopback', 'https://127.0.0.1/hook'],
  ['IPv4 loopback in hex shorthand', 'https://0x7f.1/hook'],
  ['IPv4 loopback as one number', 'https://2130706433/hook'],
  ['IPv4 private', 'https://10.1.2.3/hook'],
  ['IPv4 private 172.16/12', 'https://172.20.0.1/hook'],
  ['IPv4 private 192.168/16', 'https://192.168.1.1/hook'],
  ['IPv4 carrier-grade NAT', 'https://100.64.0.1/hook'],
  ['IPv4 link-local (cloud metadata)', 'https://169.254.169.254/latest/meta-data'],
  ['IPv4 this-network', 'https://0.0.0.0/hook'],
  ['IPv4 documentation', 'https://192.0.2.10/hook'],
  ['IPv4 multicast', 'https://224.0.0.1/hook'],
  ['IPv4 broadcast', 'https://255.255.255.255/hook'],
  ['IPv6 loopback', 'https://[::1]/hook'],
  ['IPv6 unspecified', 'https://[::]/hook'],
  ['IPv4-compatible loopback', 'https://[::127.0.0.1]/hook'],
  ['IPv4-compatible metadata', 'https://[::a9fe:a9fe]/hook'],
  ['IPv4-mapped loopback', 'https://[::ffff:127.0.0.1]/hook'],
  ['IPv4-mapped loopback, hex', 'https://[::ffff:7f00:1]/hook'],
  ['IPv4-mapped public address (still refused: a translator decides)', 'https://[::ffff:8.8.8.8]/hook'],
  ['IPv4-translated (SIIT)', 'https://[::ffff:0:7f00:1]/hook'],
  ['NAT64 well-known prefix', 'https://[64:ff9b::a9fe:a9fe]/hook'],
  ['NAT64 local-use prefix', 'https://[64:ff9b:1::a9fe:a9fe]/hook'],
  ['6to4 of loopback', 'https://[2002:7f00:1::]/hook'],
  ['6to4 of a public address', 'https://[2002:808:808::1]/hook'],
  ['Teredo', 'https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/hook'],
  ['IPv6 link-local', 'https://[fe80::1]/hook'],
  ['IPv6 unique-local', 'https://[fd00::1]/hook'],
  ['IPv6 unique-local fc00::/8', 'https://[fc12::1]/hook'],
  ['IPv6 site-local (deprecated)', 'https://[fec0::1]/hook'],
  ['IPv6 multicast', 'https://[ff02::1]/hook'],
  ['IPv6 documentation', 'https://[2001:db8::1]/hook'],
  ['IPv6 discard', 'https://[100::1]/hook'],
  ['IPv6 outside global unicast', 'https://[4000::1]/hook'],
  ['plain http to a public name', 'http://hooks.example.org/hook'],
  ['credentials in the URL', 'https://user:pw@hooks.example.org/hook'],
  ['not http', 'ftp://hooks.example.org/hook'],
]

const accepted: Array<[string, string]> = [
  ['a public name', 'https://hooks.example.org/eerlijk-beeld?token=x'],
  ['a public name with a trailing dot', 'https://hooks.example.org./hook'],
  ['a public name with a port', 'https://desk.nos.nl:8443/hook'],
  ['a public IPv4 address', 'https://93.184.215.14:8443/hook'],
  ['a public IPv6 address', 'https://[2606:4700:4700::1111]/hook'],
  ['a name that merely contains "local"', 'https://localnews.example.com/hook'],
]

describe('webhook addresses (production policy)', () => {
  it.each(refused)('refuses %s: %s', (_what, url) => {
    expect(refuseUrl(url, prod)).not.toBeNull()
  })

  it.each(accepted)('accepts %s: %s', (_what, url) => {
    expect(refuseUrl(url, prod)).toBeNull()
  })

  it('refuses the same addresses at connect time, whatever form they come in', () => {
    for (const ip of [
      '127.0.0.1',
      '::1',
      '::ffff:127.0.0.1',
      '::7f00:1',
      '::ffff:0:7f00:1',
      '64:ff9b::a9fe:a9fe',
      '64:ff9b:1::a9fe:a9fe',
      '2002:7f00:1::',
      '2001:0:4136:e378:8000:63bf:3fff:fdd2',
      'fe80::1%eth0',
      'fd00::1',
      '169.254.169.254',
      '10.0.0.1',
      'not-an-ip',
    ]) {
      expect(addressAllowed(ip, prod), ip).toBe(false)
    }
    expect(addressAllowed('93.184.215.14', prod)).toBe(true)
    expect(addressAllowed('2606:4700:4700::1111', prod)).toBe(true)
  })

  it('with the loopback allowance (tests, development) lets loopback through and nothing else private', () => {
    const dev = { allowLoopback: true }
    expect(refuseUrl('http://127.0.0.1:8080/hook', dev)).toBeNull()
    expect(refuseUrl('http://localhost.:8080/hook', dev)).toBeNull()
    expect(addressAllowed('::ffff:127.0.0.1', dev)).toBe(true)
    for (const ip of ['10.0.0.1', '::ffff:169.254.169.254', '64:ff9b::7f00:1', 'fd00::1']) expect(addressAllowed(ip, dev), ip).toBe(false)
    expect(refuseUrl('http://10.0.0.1/hook', dev)).not.toBeNull()
  })

  it('checks what DNS answers on every connect: a name resolving to loopback is refused, trailing dot or not', async () => {
    const lookup = (name: string, policy = prod) => new Promise<Error | null>((resolve) => guardedLookup(policy)(name, {}, (e) => resolve(e)))
    expect((await lookup('localhost'))?.message).toBe('address not allowed')
    // The resolver may or may not answer for "localhost.": either way no connection is made.
    expect(await lookup('localhost.')).not.toBeNull()
    expect(await lookup('localhost', { allowLoopback: true })).toBeNull()
  })
})

/**
 * Read your own writes: a request that may have changed something empties the photo record cache before
 * its response leaves, so the next request from this client reads the database even if the change
 * message (gate.records.ts) has not arrived yet. Added to the routes that can write only (an onRoute
 * hook): a read pays nothing for it.
 */
import type { RouteOptions } from 'fastify'
import type { PhotoRecords } from './gate.records.ts'

export function forgetOnWrite(records: PhotoRecords) {
  const forget = (_request: unknown, _reply: unknown, payload: unknown, done: (err: null, payload: unknown) => void) => {
    records.clear()
    done(null, payload)
  }
  return (route: RouteOptions) => {
    const methods = [route.method].flat()
    if (methods.every((m) => m === 'GET' || m === 'HEAD' || m === 'OPTIONS')) return
    route.onSend = [forget as never, ...[route.onSend ?? []].flat()]
  }
}

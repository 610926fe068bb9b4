import { problems } from './problems.ts'

/** Keyset pagination over (created_at, id): opaque to clients, validated when it comes back. */
export function encodeKeysetCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url')
}

export function decodeKeysetCursor(c: string): { at: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(c, 'base64url').toString()) as [string, string]
    const d = new Date(at)
    if (Number.isNaN(d.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) throw new Error()
    return { at: d, id }
  } catch {
    throw problems.validation('The cursor is not valid.', [{ path: '/cursor', message: 'invalid cursor' }])
  }
}

/**
 * Sessions checked without a database round trip: what a session token resolved to (the principal and
 * when the session ends) is kept in memory, keyed by the token's SHA-256, while the database's change feed
 * is heard. Triggers (migration 0021_speed) send `NOTIFY eb_auth_changed` on commit whenever a session
 * ends (logout, sweep, erasure), a user's role or state changes, a membership or an organisation changes,
 * or an API key is revoked, whoever writes it; every process then forgets everything it cached. So a
 * revocation takes effect at once, on every replica, not after a lifetime.
 *
 * Trusted only while the listener is known to hear (`up`/`down`, as the photo records): when it is not, every
 * request reads the database. A read that was in flight when a change was heard is not kept (generation).
 * Entries also age out after `maxAgeMs`, and never outlive the session itself.
 */
export class AuthCache<T> {
  readonly #entries = new Map<string, { value: T; until: number }>()
  #live = false
  #generation = 0

  constructor(private readonly opts: { maxAgeMs: number; maxEntries?: number; now?: () => number }) {}

  get live() {
    return this.#live && this.opts.maxAgeMs > 0
  }

  get generation() {
    return this.#generation
  }

  get(key: string): T | undefined {
    if (!this.live) return undefined
    const e = this.#entries.get(key)
    if (!e) return undefined
    if (e.until <= (this.opts.now ?? Date.now)()) {
      this.#entries.delete(key)
      return undefined
    }
    return e.value
  }

  /** Keeps a value read at `generation` (from before the read), unless a change was heard since. */
  set(key: string, value: T, generation: number, endsAt: number) {
    if (!this.live || generation !== this.#generation) return
    this.#entries.set(key, { value, until: Math.min(endsAt, (this.opts.now ?? Date.now)() + this.opts.maxAgeMs) })
    const max = this.opts.maxEntries ?? 50_000
    while (this.#entries.size > max) this.#entries.delete(this.#entries.keys().next().value!)
  }

  /** A change was heard (or made here): forget everything. */
  clear() {
    this.#generation++
    this.#entries.clear()
  }

  up() {
    this.clear()
    this.#live = true
  }

  down() {
    this.#live = false
    this.clear()
  }
}

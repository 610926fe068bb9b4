/**
 * Counts failures (wrong portal tokens) per client and refuses further attempts for a while once there
 * are too many: guessing a 256-bit token is hopeless anyway, but hammering must cost the guesser, not us.
 * In memory, per process: with several replicas each counts its own; the limit still bounds every one.
 */
export class FailureLimiter {
  readonly #hits = new Map<string, { count: number; resetAt: number }>()
  constructor(
    readonly max: number,
    readonly windowMs: number,
    private readonly now = () => Date.now(),
  ) {}

  /** Seconds until the client may try again, or 0 when it may try now. */
  retryAfter(key: string): number {
    const h = this.#hits.get(key)
    if (!h || h.resetAt <= this.now()) return 0
    return h.count >= this.max ? Math.ceil((h.resetAt - this.now()) / 1000) : 0
  }

  fail(key: string) {
    const now = this.now()
    const h = this.#hits.get(key)
    if (!h || h.resetAt <= now) this.#hits.set(key, { count: 1, resetAt: now + this.windowMs })
    else h.count++
    if (this.#hits.size > 10_000) for (const [k, v] of this.#hits) if (v.resetAt <= now) this.#hits.delete(k)
  }
}

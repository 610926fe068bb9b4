/**
 * Counts failures (wrong portal tokens, made-up API keys) per client address and per token prefix, and
 * answers further *wrong* attempts with 429 for a while once there are too many. It never refuses a valid
 * credential: callers check the credential first and consult the limiter only when it failed, so nobody
 * sharing an address with a guesser (a newsroom, a shelter's wifi, a carrier-grade NAT) can be locked out
 * of their own portal or key (issue 16). Checking costs one indexed lookup per attempt; the global
 * per-address rate limit (app.ts) bounds how many attempts reach it.
 * In memory, per process: with several replicas each counts its own; the limit still bounds every one.
 */
export class FailureLimiter {
  readonly #hits = new Map<string, { count: number; resetAt: number }>()
  constructor(
    readonly max: number,
    readonly windowMs: number,
    private readonly now = () => Date.now(),
    private readonly maxKeys = 10_000,
  ) {}

  /** Seconds until these clients (address, token prefix, …) may fail again, or 0 when none is over. */
  retryAfter(...keys: string[]): number {
    const now = this.now()
    let wait = 0
    for (const key of keys) {
      const h = this.#hits.get(key)
      if (h && h.resetAt > now && h.count >= this.max) wait = Math.max(wait, Math.ceil((h.resetAt - now) / 1000))
    }
    return wait
  }

  fail(...keys: string[]) {
    const now = this.now()
    for (const key of keys) {
      const h = this.#hits.get(key)
      if (!h || h.resetAt <= now) this.#hits.set(key, { count: 1, resetAt: now + this.windowMs })
      else h.count++
    }
    if (this.#hits.size > this.maxKeys) {
      for (const [k, v] of this.#hits) if (v.resetAt <= now) this.#hits.delete(k)
      // Still too many (random prefixes from a guesser): drop the oldest, never grow without bound.
      for (const k of this.#hits.keys()) {
        if (this.#hits.size <= this.maxKeys) break
        this.#hits.delete(k)
      }
    }
  }
}

/**
 * The answer to a credential that did not check out: 429 with the wait when this address or this prefix
 * has failed too often already, otherwise counted and left to the caller's 401.
 */
export function failedAttempt(limiter: FailureLimiter, ip: string, prefix: string | null): number {
  const keys = prefix ? [`ip:${ip}`, `prefix:${prefix}`] : [`ip:${ip}`]
  const wait = limiter.retryAfter(...keys)
  limiter.fail(...keys)
  return wait
}

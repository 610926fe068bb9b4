/**
 * Bounds the image pipeline: `concurrency` renders at once, at most `queue` waiting. A request that would
 * wait beyond that is refused up front with 503 + Retry-After (STYLE.md: guards before a pixel is decoded).
 */
export class Semaphore {
  #active = 0
  readonly #waiting: (() => void)[] = []
  constructor(
    readonly concurrency: number,
    readonly queue: number,
  ) {}

  get busy(): boolean {
    return this.#active + this.#waiting.length >= this.concurrency + this.queue
  }

  /** Resolves to a release function, or null when the queue is full. */
  async acquire(): Promise<(() => void) | null> {
    if (this.#active < this.concurrency) {
      this.#active++
      return this.#releaser()
    }
    if (this.#waiting.length >= this.queue) return null
    await new Promise<void>((resolve) => this.#waiting.push(resolve))
    this.#active++
    return this.#releaser()
  }

  #releaser() {
    let done = false
    return () => {
      if (done) return
      done = true
      this.#active--
      this.#waiting.shift()?.()
    }
  }
}

import crypto from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { claimScratch, sweepAbandoned, sweepStale, type Scratch } from '../../platform/scratch.ts'
import { assertKey, BlobNotFound, type BlobInfo, type BlobStore } from './blob-store.ts'

/**
 * Blobs as files under one root. Writes go to this process's own folder under `<root>/.tmp/` first, are
 * fsynced and then renamed into place (rename is atomic within one filesystem), so a crash leaves at worst
 * a temp file that sweepTemp() removes at a later start, once its process is provably gone (another
 * process sharing the root keeps its own: platform/scratch.ts).
 */
export class DiskBlobStore implements BlobStore {
  readonly #root: string
  readonly #tmpRoot: string
  #scratch: Scratch | null = null

  constructor(root: string) {
    this.#root = path.resolve(root)
    this.#tmpRoot = path.join(this.#root, '.tmp')
  }

  async init(): Promise<this> {
    this.#scratch ??= claimScratch(this.#tmpRoot)
    return this
  }

  get #tmp(): string {
    if (!this.#scratch) throw new Error('DiskBlobStore used before init()')
    return this.#scratch.dir
  }

  /** Removes this process's temp folder (writes under way fail). */
  async close(): Promise<void> {
    this.#scratch?.release()
    this.#scratch = null
  }

  #path(key: string) {
    return path.join(this.#root, assertKey(key))
  }

  async put(key: string, data: Buffer | Readable): Promise<{ size: number }> {
    // The source may fail before pipeline() below takes it (a vanished temp file, during the mkdir): this
    // listener keeps that from being an unhandled 'error' event; pipeline still reports the error.
    if (!Buffer.isBuffer(data)) data.on('error', () => {})
    const target = this.#path(key)
    const tmp = path.join(this.#tmp, `${crypto.randomUUID()}.part`)
    await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 })
    let out: ReturnType<typeof createWriteStream> | undefined
    try {
      out = createWriteStream(tmp, { mode: 0o600, flags: 'wx' })
      await pipeline(Buffer.isBuffer(data) ? Readable.from([data]) : data, out)
      const fh = await fs.open(tmp, 'r')
      try {
        await fh.sync()
      } finally {
        await fh.close()
      }
      await fs.rename(tmp, target)
      const { size } = await fs.stat(target)
      return { size }
    } catch (err) {
      // A source that fails at once can end the pipeline before the file is even open: wait until the write
      // stream has closed (its file created, or not), so the part file is surely gone after the rm.
      if (out && !out.closed) await new Promise<void>((resolve) => out!.once('close', () => resolve()))
      await fs.rm(tmp, { force: true })
      throw err
    }
  }

  async get(key: string): Promise<Buffer> {
    try {
      return await fs.readFile(this.#path(key))
    } catch (err) {
      throw notFound(err, key)
    }
  }

  async stream(key: string): Promise<Readable> {
    const p = this.#path(key)
    await fs.access(p).catch((err) => {
      throw notFound(err, key)
    })
    return createReadStream(p)
  }

  async stat(key: string): Promise<BlobInfo | null> {
    try {
      const s = await fs.stat(this.#path(key))
      return { key, size: s.size, modifiedAt: s.mtime }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw err
    }
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.#path(key), { force: true })
  }

  async *list(prefix: string): AsyncIterable<BlobInfo> {
    const base = this.#path(prefix)
    let entries: string[]
    try {
      entries = (await fs.readdir(base, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name))
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return
      throw err
    }
    for (const file of entries.sort()) {
      const s = await fs.stat(file).catch(() => null)
      if (s) yield { key: path.relative(this.#root, file).split(path.sep).join('/'), size: s.size, modifiedAt: s.mtime }
    }
  }

  /**
   * Removes what writers that are provably gone left behind, and this process's own temp files older than
   * staleMs (a write that failed without cleaning up); never another live process's temp files.
   */
  async sweepTemp(staleMs = 3_600_000): Promise<number> {
    return sweepAbandoned(this.#tmpRoot) + (this.#scratch ? sweepStale(this.#scratch.dir, staleMs) : 0)
  }
}

function notFound(err: unknown, key: string) {
  return (err as NodeJS.ErrnoException).code === 'ENOENT' ? new BlobNotFound(key) : err
}

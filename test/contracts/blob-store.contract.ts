/**
 * The blob-store port's contract (api/src/modules/storage/blob-store.ts), one suite for every adapter:
 * test/modules/storage/disk.blob-store.test.ts and s3.blob-store.test.ts run it. What the app relies on:
 * whole writes or none, reads of exactly what was written, folder listing for the orphan sweep and the
 * purge of a photo's derivatives, deletes that really delete, originals stored only as ciphertext, and
 * errors that fail a write but never the process.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { BlobNotFound, type BlobStore } from '../../api/src/modules/storage/index.ts'
import { decryptBuffer, encryptFile, newDataKey } from '../../api/src/platform/crypto.ts'

export interface BlobStoreHarness {
  store: BlobStore
  /** The bytes as the storage itself holds them (the file, the object), bypassing the adapter; null when absent. */
  raw(key: string): Promise<Buffer | null>
  /** Temp or spool files left behind by this store's process. */
  leftovers(): string[]
  /** Another process's store on the same storage (a second replica). */
  another(): Promise<BlobStore>
  close(): Promise<void>
}

export interface BlobStoreSubject {
  /** Once for the file (a server to start); per test: open(). */
  setUp?(): Promise<void>
  tearDown?(): Promise<void>
  open(): Promise<BlobStoreHarness>
}

async function collect(it: AsyncIterable<{ key: string }>): Promise<string[]> {
  const keys: string[] = []
  for await (const b of it) keys.push(b.key)
  return keys.sort()
}

export function blobStoreContract(name: string, subject: BlobStoreSubject) {
  describe(`the blob-store contract: ${name}`, () => {
    let h: BlobStoreHarness
    /** A folder of its own per test: the suite may run against a bucket others use too. */
    let ns: string
    const k = (rest: string) => `${ns}/${rest}`
    beforeAll(async () => subject.setUp?.())
    afterAll(async () => subject.tearDown?.())
    beforeEach(async () => {
      ns = `contract-${crypto.randomBytes(6).toString('hex')}`
      h = await subject.open()
    })
    afterEach(async () => {
      for (const key of await collect(h.store.list(ns))) await h.store.delete(key)
      await h.close()
    })

    it('writes buffers and streams, reads them back as bytes and as a stream, and leaves no temp file', async () => {
      const a = crypto.randomBytes(100_000)
      expect(await h.store.put(k('originals/a'), a)).toEqual({ size: a.length })
      expect(await h.store.put(k('derivatives/m/small.webp'), Readable.from([a.subarray(0, 10), a.subarray(10)]))).toEqual({ size: a.length })
      expect((await h.store.get(k('originals/a'))).equals(a)).toBe(true)
      const chunks: Buffer[] = []
      for await (const c of await h.store.stream(k('derivatives/m/small.webp'))) chunks.push(c as Buffer)
      expect(Buffer.concat(chunks).equals(a)).toBe(true)
      const s = await h.store.stat(k('originals/a'))
      expect(s?.size).toBe(a.length)
      expect(Math.abs(s!.modifiedAt.getTime() - Date.now())).toBeLessThan(10 * 60_000)
      expect(await h.store.stat(k('originals/none'))).toBeNull()
      expect(h.leftovers()).toEqual([])
    })

    it('stores a stream larger than one part whole (8 MB in 64 KB chunks)', async () => {
      const big = crypto.randomBytes(8 * 1024 * 1024)
      const chunks = Array.from({ length: big.length / 65536 }, (_, i) => big.subarray(i * 65536, (i + 1) * 65536))
      expect(await h.store.put(k('originals/big'), Readable.from(chunks))).toEqual({ size: big.length })
      expect((await h.store.get(k('originals/big'))).equals(big)).toBe(true)
      expect((await h.raw(k('originals/big')))?.equals(big)).toBe(true)
      expect(h.leftovers()).toEqual([])
    })

    it('lists a folder and everything under it, and nothing beside it that merely shares its name', async () => {
      for (const key of ['derivatives/ab/large.jpeg', 'derivatives/ab/thumb.webp', 'derivatives/abc/large.jpeg', 'originals/x']) {
        await h.store.put(k(key), Buffer.from(key))
      }
      expect(await collect(h.store.list(k('derivatives/ab')))).toEqual([k('derivatives/ab/large.jpeg'), k('derivatives/ab/thumb.webp')])
      expect(await collect(h.store.list(k('derivatives')))).toHaveLength(3)
      expect(await collect(h.store.list(k('vault')))).toEqual([])
      const listed = []
      for await (const b of h.store.list(k('originals'))) listed.push(b)
      expect(listed).toMatchObject([{ key: k('originals/x'), size: 'originals/x'.length }])
      expect(listed[0]!.modifiedAt).toBeInstanceOf(Date)
    })

    it('lists past one page of results (1,100 blobs)', async () => {
      const keys = Array.from({ length: 1100 }, (_, i) => k(`derivatives/many/${String(i).padStart(4, '0')}.webp`))
      for (let i = 0; i < keys.length; i += 50) await Promise.all(keys.slice(i, i + 50).map((key) => h.store.put(key, Buffer.from('x'))))
      expect(await collect(h.store.list(k('derivatives/many')))).toEqual(keys)
    })

    it('purges: every blob of a photo deleted through a listing is gone for every reader, and deleting twice is fine', async () => {
      const other = await h.another()
      try {
        for (const p of ['large.jpeg', 'large.webp', 'small.jpeg', 'thumb.webp', 'large.avif'])
          await h.store.put(k(`derivatives/m1/${p}`), crypto.randomBytes(2000))
        await h.store.put(k('derivatives/m2/large.jpeg'), Buffer.from('another photo'))
        for (const key of await collect(other.list(k('derivatives/m1')))) await other.delete(key)
        expect(await collect(h.store.list(k('derivatives/m1')))).toEqual([])
        for (const p of ['large.jpeg', 'thumb.webp']) {
          await expect(h.store.get(k(`derivatives/m1/${p}`))).rejects.toBeInstanceOf(BlobNotFound)
          await expect(h.store.stream(k(`derivatives/m1/${p}`))).rejects.toBeInstanceOf(BlobNotFound)
          expect(await h.store.stat(k(`derivatives/m1/${p}`))).toBeNull()
          expect(await h.raw(k(`derivatives/m1/${p}`))).toBeNull()
        }
        await h.store.delete(k('derivatives/m1/large.jpeg'))
        expect((await h.store.get(k('derivatives/m2/large.jpeg'))).toString()).toBe('another photo')
      } finally {
        await other.close()
      }
    })

    it('replaces atomically: a write that fails midway leaves the old bytes, and a new key absent', async () => {
      await h.store.put(k('originals/x'), Buffer.from('old'))
      const failing = () =>
        new Readable({
          read() {
            this.push(crypto.randomBytes(300_000))
            this.destroy(new Error('client went away'))
          },
        })
      await expect(h.store.put(k('originals/x'), failing())).rejects.toThrow('client went away')
      await expect(h.store.put(k('originals/new'), failing())).rejects.toThrow('client went away')
      expect((await h.store.get(k('originals/x'))).toString()).toBe('old')
      expect(await h.store.stat(k('originals/new'))).toBeNull()
      expect(await h.raw(k('originals/new'))).toBeNull()
      expect(h.leftovers()).toEqual([])
    })

    it('fails the write, not the process, when an encrypted source file vanishes (no unhandled stream error)', async () => {
      const gone = path.join(os.tmpdir(), `eb-gone-${crypto.randomUUID()}.upload`)
      await expect(h.store.put(k('originals/v'), encryptFile(gone, newDataKey(), 'aad'))).rejects.toMatchObject({ code: 'ENOENT' })
      expect(await h.store.stat(k('originals/v'))).toBeNull()
      expect(h.leftovers()).toEqual([])
    })

    it('holds an original only as ciphertext: the stored bytes never contain the plaintext, and decrypt back', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-plain-'))
      try {
        const plain = Buffer.concat([Buffer.from('GPS 52.0705 4.3007 Canon EOS serial 0815 '), crypto.randomBytes(50_000)])
        const file = path.join(dir, 'photo.upload')
        fs.writeFileSync(file, plain)
        const key = newDataKey()
        await h.store.put(k('originals/enc'), encryptFile(file, key, 'original:enc'))
        const stored = await h.raw(k('originals/enc'))
        expect(stored).not.toBeNull()
        expect(stored!.includes(Buffer.from('Canon EOS'))).toBe(false)
        expect(stored!.includes(plain.subarray(100, 132))).toBe(false)
        expect(decryptBuffer(key, await h.store.get(k('originals/enc')), 'original:enc').equals(plain)).toBe(true)
      } finally {
        fs.rmSync(dir, { recursive: true, force: true })
      }
    })

    it('refuses keys that could escape the store or name something else', async () => {
      for (const key of ['../etc/passwd', 'a/../../b', '/abs', '', 'a//b', '.tmp/x', 'a\\b', 'a b', 'a?x=1', 'a#b']) {
        await expect(h.store.put(key, Buffer.from('x')), key).rejects.toThrow('invalid blob key')
        await expect(h.store.get(key), key).rejects.toThrow('invalid blob key')
        await expect(h.store.delete(key), key).rejects.toThrow('invalid blob key')
      }
    })

    it('sweeps nothing of a live writer, and its own leftovers once stale', async () => {
      await h.store.put(k('originals/s'), Buffer.from('s'))
      expect(await h.store.sweepTemp()).toBe(0)
      expect(await h.store.sweepTemp(0)).toBe(0)
      expect((await h.store.get(k('originals/s'))).toString()).toBe('s')
    })
  })
}

import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BlobNotFound, DiskBlobStore } from '../../../api/src/modules/storage/index.ts'
import { encryptFile, newDataKey } from '../../../api/src/platform/crypto.ts'
import { files } from '../../support/app.ts'
import { blobStoreContract } from '../../contracts/blob-store.contract.ts'

blobStoreContract('disk', {
  async open() {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-blobs-'))
    const store = await new DiskBlobStore(root).init()
    const others: DiskBlobStore[] = []
    return {
      store,
      raw: async (key) => (fs.existsSync(path.join(root, key)) ? fs.readFileSync(path.join(root, key)) : null),
      leftovers: () => files(path.join(root, '.tmp')),
      another: async () => (others.push(await new DiskBlobStore(root).init()), others.at(-1)!),
      async close() {
        for (const s of [store, ...others]) await s.close()
        fs.rmSync(root, { recursive: true, force: true })
      },
    }
  },
})

let root: string
let store: DiskBlobStore
beforeEach(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-blobs-'))
  store = await new DiskBlobStore(root).init()
})
afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

describe('the disk blob store', () => {
  it('writes buffers and streams, reads them back, and leaves no temp file', async () => {
    const a = crypto.randomBytes(100_000)
    expect(await store.put('originals/a', a)).toEqual({ size: a.length })
    await store.put('derivatives/k/small.webp', Readable.from([a.subarray(0, 10), a.subarray(10)]))
    expect((await store.get('originals/a')).equals(a)).toBe(true)
    expect((await store.get('derivatives/k/small.webp')).equals(a)).toBe(true)
    expect(files(path.join(root, '.tmp'))).toEqual([])
    expect(fs.statSync(path.join(root, 'originals/a')).mode & 0o777).toBe(0o600)
    expect((await store.stat('originals/a'))?.size).toBe(a.length)
    expect(await store.stat('originals/none')).toBeNull()
    const listed = []
    for await (const b of store.list('derivatives')) listed.push(b.key)
    expect(listed).toEqual(['derivatives/k/small.webp'])
  })

  it('replaces atomically: a failed write leaves the old bytes and no temp file', async () => {
    await store.put('originals/x', Buffer.from('old'))
    const failing = new Readable({
      read() {
        this.push(Buffer.from('new partial'))
        this.destroy(new Error('client went away'))
      },
    })
    await expect(store.put('originals/x', failing)).rejects.toThrow('client went away')
    expect((await store.get('originals/x')).toString()).toBe('old')
    expect(files(path.join(root, '.tmp'))).toEqual([])
  })

  it('fails the write, not the process, when an encrypted source file vanishes (no unhandled stream error)', async () => {
    const gone = path.join(root, 'gone.upload')
    await expect(store.put('originals/v', encryptFile(gone, newDataKey(), 'aad'))).rejects.toMatchObject({ code: 'ENOENT' })
    expect(await store.stat('originals/v')).toBeNull()
    expect(files(path.join(root, '.tmp'))).toEqual([])
  })

  it('refuses keys that could escape the store', async () => {
    for (const key of ['../etc/passwd', 'a/../../b', '/abs', '', 'a//b', '.tmp/x', 'a\\b', 'a b']) {
      await expect(store.put(key, Buffer.from('x')), key).rejects.toThrow('invalid blob key')
    }
    expect(files(root)).toEqual([])
  })

  it('reports a missing blob as BlobNotFound, and deleting one twice is fine', async () => {
    await expect(store.get('originals/none')).rejects.toBeInstanceOf(BlobNotFound)
    await expect(store.stream('originals/none')).rejects.toBeInstanceOf(BlobNotFound)
    await store.put('originals/y', Buffer.from('y'))
    await store.delete('originals/y')
    await store.delete('originals/y')
    expect(await store.stat('originals/y')).toBeNull()
  })

  it("sweeps temp files left by a crash mid-write, once their process is provably gone, and no one else's", async () => {
    // A process that has exited: its pid is free (or reused by a process started at another time).
    const dead = spawnSync(process.execPath, ['-e', '']).pid!
    const mine = path.basename(fs.readdirSync(path.join(root, '.tmp'))[0]!)
    const [host] = mine.split('-')
    const left = path.join(root, '.tmp', `${host}-${dead}-1-0badc0de`)
    const otherHost = path.join(root, '.tmp', `00000000-${dead}-1-0badc0de`)
    const liveOther = path.join(root, '.tmp', `${host}-${process.ppid}-0-0badc0de`)
    for (const d of [left, otherHost, liveOther]) fs.mkdirSync(d), fs.writeFileSync(path.join(d, 'x.part'), 'half a photo')
    // A second store on the same root (another process's view) writes into its own folder meanwhile.
    const other = await new DiskBlobStore(root).init()
    expect(await other.sweepTemp()).toBe(1)
    expect(fs.existsSync(left)).toBe(false)
    expect(fs.existsSync(path.join(otherHost, 'x.part'))).toBe(true)
    expect(fs.existsSync(path.join(liveOther, 'x.part'))).toBe(true)
    expect(fs.existsSync(path.join(root, '.tmp', mine))).toBe(true)
    await store.close()
    expect(fs.existsSync(path.join(root, '.tmp', mine))).toBe(false)
    await other.put('originals/z', Buffer.from('z'))
    expect((await other.get('originals/z')).toString()).toBe('z')
  })
})

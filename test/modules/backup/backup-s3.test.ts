/**
 * Backups with the blobs in an S3 bucket (issue 18): `backup create` copies the bucket's objects into the
 * backup folder with their hashes, `backup restore` writes them back into the bucket and deletes objects
 * newer than the backup, exactly as with the disk store. Run as an operator does (child processes), on
 * the embedded database and on PostgreSQL, against s3rver.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../../api/src/config.ts'
import { openBlobStore, type BlobStore } from '../../../api/src/modules/storage/index.ts'
import { files } from '../../support/app.ts'
import { cli, cliTarget, type CliTarget } from '../../support/process.ts'
import { startS3rver, type S3Target } from '../../support/s3.ts'

let target: CliTarget
let s3: S3Target
let store: BlobStore
let env: Record<string, string>
const backups = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-backups-s3-'))
const backup = path.join(backups, 'first')
const original = crypto.randomBytes(40_000)
const derivative = crypto.randomBytes(9_000)

beforeAll(async () => {
  s3 = await startS3rver()
  target = await cliTarget('eb-backup-s3-')
  env = { ...target.env, ...s3.env }
  await target.withDb((d) => d.migrate())
  store = await openBlobStore(loadConfig({ ...env, DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'eb-backup-s3-spool-')) }).blobStore)
  await store.put('originals/b-one', original)
  await store.put('derivatives/m-one/large.jpeg', derivative)
}, 300_000)
afterAll(async () => {
  await store?.close()
  await target?.close()
  await s3?.close()
  fs.rmSync(backups, { recursive: true, force: true })
})

const keys = async (prefix: string) => {
  const out: string[] = []
  for await (const b of store.list(prefix)) out.push(b.key)
  return out.sort()
}

describe('backup create and restore with the blobs in an S3 bucket', { timeout: 300_000 }, () => {
  it('backs up every object of the bucket with its hash, and restores the bucket to it', async () => {
    const made = cli(['backup', 'create', '--to', backup], env)
    expect(made.code, made.stderr).toBe(0)
    expect(made.stdout).toMatch(/2 blobs from the S3 bucket/)
    const manifest = JSON.parse(fs.readFileSync(path.join(backup, 'manifest.json'), 'utf8')) as { blobs: { key: string; sha256: string }[] }
    const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex')
    expect(manifest.blobs.sort((a, b) => a.key.localeCompare(b.key))).toMatchObject([
      { key: 'derivatives/m-one/large.jpeg', sha256: sha(derivative) },
      { key: 'originals/b-one', sha256: sha(original) },
    ])
    expect(fs.readFileSync(path.join(backup, 'blobs/originals/b-one')).equals(original)).toBe(true)

    // After the backup: one object lost, one added.
    await store.delete('originals/b-one')
    await store.put('derivatives/m-two/large.jpeg', Buffer.from('newer than the backup'))
    const restored = cli(['backup', 'restore', '--from', backup], env)
    expect(restored.code, restored.stderr).toBe(0)
    expect(restored.stdout).toMatch(/2 blobs into the S3 bucket \(1 newer ones removed\)/)
    expect(await keys('originals')).toEqual(['originals/b-one'])
    expect(await keys('derivatives')).toEqual(['derivatives/m-one/large.jpeg'])
    expect((await store.get('originals/b-one')).equals(original)).toBe(true)
    // Nothing of the bucket landed on the local disk.
    expect(files(path.join(env.DATA_DIR!, 'blobs'))).toEqual([])
    expect(files(path.join(env.DATA_DIR!, 'spool'))).toEqual([])
  })
})

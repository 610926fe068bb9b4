import crypto from 'node:crypto'
import { createWriteStream, type WriteStream } from 'node:fs'
import { once } from 'node:events'
import fs from 'node:fs/promises'
import path from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { FastifyRequest } from 'fastify'
import { Problem, problems } from '../../platform/problems.ts'
import { photoProblems } from './photos.problems.ts'

export interface ReceivedUpload {
  path: string
  bytes: number
  sha256: string
  fields: Record<string, unknown>
  /** Removes the temp file; safe to call twice. */
  dispose(): Promise<void>
}

const LIST_FIELDS = new Set(['tags', 'tagsEn'])

/**
 * Streams the multipart body: the one file goes straight to a temp file (hashing on the way, the size cap
 * enforced by busboy before anything is buffered); text fields are collected. The upload's own filename
 * and mimetype are ignored: the type is decided from the bytes, and the name is never stored or logged.
 */
export async function receiveUpload(request: FastifyRequest, tmpDir: string, maxBytes: number): Promise<ReceivedUpload> {
  if (!request.isMultipart()) {
    throw problems.fromStatus(415, 'Send the photo as multipart/form-data with the field "file".')
  }
  const tmp = path.join(tmpDir, `${crypto.randomUUID()}.upload`)
  let out: WriteStream | undefined
  // A write stream destroyed while its open() is still pending creates the file afterwards: wait for it to
  // close before removing, or a refused upload could leave its temp file behind.
  const dispose = async () => {
    if (out && !out.closed) await once(out, 'close').catch(() => {})
    await fs.rm(tmp, { force: true })
  }
  const fields: Record<string, unknown> = {}
  let got: { bytes: number; sha256: string } | null = null
  try {
    for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1, fields: 20, fieldSize: 8 * 1024, parts: 22, headerPairs: 50 } })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || got) {
          part.file.resume()
          throw problems.badRequest('Send exactly one file, in the field "file".')
        }
        const hash = crypto.createHash('sha256')
        let bytes = 0
        const counter = new Transform({
          transform(chunk: Buffer, _e, cb) {
            hash.update(chunk)
            bytes += chunk.length
            cb(null, chunk)
          },
        })
        out = createWriteStream(tmp, { flags: 'wx', mode: 0o600 })
        // At the cap, stop at once: busboy would otherwise read (and drop) the rest of an endless body
        // before the part ends. The 413 goes out and the connection closes (platform/connections.ts).
        part.file.once('limit', () => counter.destroy(photoProblems.fileTooLarge(maxBytes)))
        await pipeline(part.file, counter, out)
        if (part.file.truncated) throw photoProblems.fileTooLarge(maxBytes)
        got = { bytes, sha256: hash.digest('hex') }
      } else {
        const value = typeof part.value === 'string' ? part.value : String(part.value)
        if (part.fieldnameTruncated || part.valueTruncated) throw problems.badRequest(`The field ${JSON.stringify(part.fieldname.slice(0, 40))} is too long.`)
        if (LIST_FIELDS.has(part.fieldname)) {
          const list = (fields[part.fieldname] as string[] | undefined) ?? []
          list.push(
            ...value
              .split(',')
              .map((t) => t.trim())
              .filter(Boolean),
          )
          fields[part.fieldname] = list
        } else if (part.fieldname in fields) {
          throw problems.badRequest(`The field ${JSON.stringify(part.fieldname.slice(0, 40))} was sent twice.`)
        } else {
          fields[part.fieldname] = value.trim()
        }
      }
    }
    if (!got) throw photoProblems.noFile()
    return { path: tmp, ...got, fields, dispose }
  } catch (err) {
    await dispose()
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw photoProblems.fileTooLarge(maxBytes)
    // busboy/dicer report a malformed or cut-off body as plain Errors: the client's fault, not ours.
    if (err instanceof Error && !(err instanceof Problem) && !('statusCode' in err) && /multipart|unexpected end|boundary|malformed/i.test(err.message)) {
      throw problems.badRequest('The multipart body is malformed or was cut off.')
    }
    throw err
  }
}

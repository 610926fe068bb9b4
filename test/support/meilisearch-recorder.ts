/**
 * A recording endpoint for the Meilisearch adapter's tests (issue 4 allows it: no Meilisearch server can be
 * installed here). A real HTTP server on loopback that speaks just enough of Meilisearch's HTTP API
 * (indexes, settings, documents add/delete-batch, swap-indexes, tasks, a trivial search) to record what
 * arrived and answer like Meilisearch does: every write is an *enqueued task* that the client must poll
 * at GET /tasks/:uid until it is `succeeded` or `failed`. Tasks can be told to fail or to stay
 * `processing` for a few polls. It is a fixture standing in for a third-party server, not our code.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

type Doc = Record<string, unknown> & { id: string }
interface IndexState {
  primaryKey: string | null
  settings: Record<string, unknown>
  docs: Map<string, Doc>
}
interface TaskState {
  uid: number
  indexUid: string | null
  type: string
  status: 'enqueued' | 'processing' | 'succeeded' | 'failed'
  error: { message: string; code: string; type: string; link: string } | null
  apply: () => string | null
  pollsLeft: number
  enqueuedAt: string
}
export interface Arrival {
  method: string
  path: string
  query: Record<string, string>
  auth: string | undefined
  body: unknown
}

export class MeilisearchRecorder {
  readonly indexes = new Map<string, IndexState>()
  readonly arrivals: Arrival[] = []
  readonly tasks = new Map<number, TaskState>()
  /** Every search request body that arrived. */
  readonly searches: Record<string, unknown>[] = []
  #nextUid = 0
  #failures: { type: string; code: string }[] = []
  /** How many polls a new task stays `processing` before it finishes. */
  processingPolls = 0
  /** When set, the next search is answered with this body (after recording the request). */
  nextSearchResponse: Record<string, unknown> | undefined
  #server: http.Server | undefined
  url = ''

  /** The next task of this type (e.g. 'documentAdditionOrUpdate') ends `failed` with this error code. */
  failNext(type: string, code = 'internal') {
    this.#failures.push({ type, code })
  }

  /** The live documents of an index, sorted by id. */
  docs(index: string): Doc[] {
    return [...(this.indexes.get(index)?.docs.values() ?? [])].sort((a, b) => a.id.localeCompare(b.id))
  }

  writes(): Arrival[] {
    return this.arrivals.filter((a) => a.method !== 'GET' && !a.path.endsWith('/search'))
  }

  async listen(port = 0): Promise<this> {
    this.#server = http.createServer((req, res) => void this.#handle(req, res))
    await new Promise<void>((resolve) => this.#server!.listen(port, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`
    return this
  }

  get port(): number {
    return Number(new URL(this.url).port)
  }

  async close(): Promise<void> {
    if (!this.#server) return
    this.#server.closeAllConnections()
    await new Promise<void>((resolve) => this.#server!.close(() => resolve()))
    this.#server = undefined
  }

  #enqueue(indexUid: string | null, type: string, apply: () => string | null) {
    const uid = this.#nextUid++
    const i = this.#failures.findIndex((f) => f.type === type)
    const forced = i >= 0 ? this.#failures.splice(i, 1)[0]! : null
    const task: TaskState = {
      uid,
      indexUid,
      type,
      status: 'enqueued',
      error: null,
      pollsLeft: this.processingPolls,
      enqueuedAt: new Date().toISOString(),
      apply: forced ? () => forced.code : apply,
    }
    this.tasks.set(uid, task)
    return { taskUid: uid, indexUid, status: 'enqueued', type, enqueuedAt: task.enqueuedAt }
  }

  /** Tasks run in order, like Meilisearch's queue: finishing one finishes every earlier one first. */
  #process(upTo: number) {
    for (const t of [...this.tasks.values()].sort((a, b) => a.uid - b.uid)) {
      if (t.uid > upTo) break
      if (t.status !== 'enqueued' && t.status !== 'processing') continue
      const code = t.apply()
      t.status = code ? 'failed' : 'succeeded'
      t.error = code ? { message: `recorded failure: ${code}`, code, type: 'internal', link: '' } : null
    }
  }

  #index(uid: string, create = true): IndexState | undefined {
    let idx = this.indexes.get(uid)
    if (!idx && create) {
      idx = { primaryKey: null, settings: {}, docs: new Map() }
      this.indexes.set(uid, idx)
    }
    return idx
  }

  async #handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const text = Buffer.concat(chunks).toString('utf8')
    const url = new URL(req.url ?? '/', 'http://x')
    const body = text ? (JSON.parse(text) as unknown) : undefined
    const method = req.method ?? 'GET'
    const p = url.pathname.replace(/\/+$/, '')
    this.arrivals.push({ method, path: p, query: Object.fromEntries(url.searchParams), auth: req.headers.authorization, body })
    const send = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(payload))
    }
    const notFound = (code: string) => send(404, { message: code, code, type: 'invalid_request', link: '' })
    let m: RegExpMatchArray | null

    if (method === 'GET' && p === '/health') return send(200, { status: 'available' })
    if (method === 'GET' && (m = p.match(/^\/tasks\/(\d+)$/))) {
      const t = this.tasks.get(Number(m[1]))
      if (!t) return notFound('task_not_found')
      if (t.status === 'enqueued' || t.status === 'processing') {
        if (t.pollsLeft > 0) {
          t.pollsLeft--
          t.status = 'processing'
        } else this.#process(t.uid)
      }
      return send(200, {
        uid: t.uid,
        batchUid: null,
        indexUid: t.indexUid,
        status: t.status,
        type: t.type,
        canceledBy: null,
        details: {},
        error: t.error,
        duration: null,
        enqueuedAt: t.enqueuedAt,
        startedAt: null,
        finishedAt: t.status === 'succeeded' || t.status === 'failed' ? new Date().toISOString() : null,
      })
    }
    if (method === 'POST' && p === '/indexes') {
      const { uid, primaryKey } = body as { uid: string; primaryKey?: string }
      return send(
        202,
        this.#enqueue(uid, 'indexCreation', () => {
          if (this.indexes.has(uid)) return 'index_already_exists'
          this.#index(uid)!.primaryKey = primaryKey ?? null
          return null
        }),
      )
    }
    if (method === 'GET' && (m = p.match(/^\/indexes\/([^/]+)$/))) {
      const idx = this.indexes.get(m[1]!)
      return idx ? send(200, { uid: m[1], primaryKey: idx.primaryKey }) : notFound('index_not_found')
    }
    if (method === 'DELETE' && (m = p.match(/^\/indexes\/([^/]+)$/))) {
      const uid = m[1]!
      return send(
        202,
        this.#enqueue(uid, 'indexDeletion', () => (this.indexes.delete(uid) ? null : 'index_not_found')),
      )
    }
    if (method === 'PATCH' && (m = p.match(/^\/indexes\/([^/]+)\/settings$/))) {
      const uid = m[1]!
      return send(
        202,
        this.#enqueue(uid, 'settingsUpdate', () => {
          Object.assign(this.#index(uid)!.settings, body)
          return null
        }),
      )
    }
    if (method === 'POST' && (m = p.match(/^\/indexes\/([^/]+)\/documents$/))) {
      const uid = m[1]!
      const docs = body as Doc[]
      return send(
        202,
        this.#enqueue(uid, 'documentAdditionOrUpdate', () => {
          const idx = this.#index(uid)!
          const pk = url.searchParams.get('primaryKey')
          if (pk && idx.primaryKey && pk !== idx.primaryKey) return 'index_primary_key_already_exists'
          idx.primaryKey ??= pk ?? 'id'
          for (const d of docs) {
            if (typeof d[idx.primaryKey] !== 'string') return 'missing_document_id'
            idx.docs.set(d[idx.primaryKey] as string, structuredClone(d))
          }
          return null
        }),
      )
    }
    if (method === 'POST' && (m = p.match(/^\/indexes\/([^/]+)\/documents\/delete-batch$/))) {
      const uid = m[1]!
      const ids = body as string[]
      return send(
        202,
        this.#enqueue(uid, 'documentDeletion', () => {
          const idx = this.#index(uid)!
          for (const id of ids) idx.docs.delete(String(id))
          return null
        }),
      )
    }
    if (method === 'POST' && p === '/swap-indexes') {
      const swaps = body as { indexes: [string, string] }[]
      return send(
        202,
        this.#enqueue(null, 'indexSwap', () => {
          for (const s of swaps) {
            if (Object.keys(s).some((k) => k !== 'indexes')) return 'invalid_swap_indexes' // Meilisearch 1.12 knows only `indexes`
            const [a, b] = s.indexes
            const ia = this.indexes.get(a)
            const ib = this.indexes.get(b)
            if (!ia || !ib) return 'index_not_found'
            this.indexes.set(a, ib)
            this.indexes.set(b, ia)
          }
          return null
        }),
      )
    }
    if (method === 'POST' && (m = p.match(/^\/indexes\/([^/]+)\/search$/))) {
      this.searches.push(body as Record<string, unknown>)
      if (!this.indexes.has(m[1]!)) return notFound('index_not_found')
      if (this.nextSearchResponse) {
        const r = this.nextSearchResponse
        this.nextSearchResponse = undefined
        return send(200, r)
      }
      const hits = this.docs(m[1]!).map((d) => ({ ...d, _formatted: { ...d } }))
      return send(200, {
        hits,
        query: (body as { q?: string }).q ?? '',
        processingTimeMs: 0,
        limit: 20,
        offset: 0,
        estimatedTotalHits: hits.length,
        facetDistribution: {},
      })
    }
    return send(404, { message: `not recorded: ${method} ${p}`, code: 'not_found', type: 'invalid_request', link: '' })
  }
}

/** A loopback port nothing listens on (bound and released at once). */
export async function closedPort(): Promise<number> {
  const s = http.createServer()
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))
  const port = (s.address() as AddressInfo).port
  await new Promise<void>((resolve) => s.close(() => resolve()))
  return port
}

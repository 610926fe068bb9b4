/**
 * The gallery (web/dist, built by Vite) on the API's port. Hashed assets are cached for a year; index.html
 * never (it names the current hashes). Any other GET that is not an API path answers index.html, so the
 * gallery's own router decides (/photos/:id, /portal, …); API paths keep their problem+json 404.
 * Without a build (tests, `node api/src/server.ts` directly) the placeholder page stands in.
 */
import fs from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifySchema } from 'fastify'
import { problems } from './problems.ts'
import { safePath } from './logger.ts'

/** Paths the gallery never answers: they belong to the API (or will), and an unknown one is a 404 problem. */
const NOT_GALLERY = /^\/(v1|healthz|readyz|docs|embed)(\/|$|\?)/

export async function galleryRoutes(app: FastifyInstance, opts: { webDir: string }) {
  const dist = path.join(opts.webDir, 'dist')
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    await app.register(fastifyStatic, { root: path.join(opts.webDir, 'placeholder'), prefix: '/', wildcard: false, index: ['index.html'] })
    return
  }
  await app.register(fastifyStatic, {
    root: dist,
    prefix: '/',
    wildcard: false,
    index: false,
    setHeaders: (reply, file) => {
      reply.header('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache')
    },
  })
  // Hidden from the OpenAPI document (@fastify/swagger reads schema.hide): it is not part of the API.
  app.get('/*', { schema: { hide: true } as FastifySchema }, async (request, reply) => {
    if (NOT_GALLERY.test(request.url)) throw problems.notFound(`No route for ${request.method} ${safePath(request.url)}.`)
    return reply.header('cache-control', 'no-cache').sendFile('index.html')
  })
}

/**
 * The reference for bench/search.ts: a Fastify hello-world, the same fastify version, started the same
 * way as the app (node --import tsx, its own process), answering a small JSON body. Prints its address.
 */
import Fastify from 'fastify'

const app = Fastify({ logger: false })
app.get('/hello', async () => ({ hello: 'world' }))
const address = await app.listen({ host: '127.0.0.1', port: 0 })
process.stdout.write(`listening ${address}\n`)
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)))

/**
 * Process entry: load config → start the runtime → listen; graceful shutdown on SIGINT/SIGTERM. With
 * WORKERS=n (n > 1) this process starts n workers that each do exactly that, and watches them (platform/workers.ts).
 */
import cluster from 'node:cluster'
import pino from 'pino'
import { ConfigError, loadConfig } from './config.ts'
import { DataDirLocked } from './platform/data-dir.ts'
import { loggerOptions } from './platform/logger.ts'
import { superviseWorkers } from './platform/workers.ts'
import { startRuntime } from './runtime.ts'

async function main() {
  let config: ReturnType<typeof loadConfig>
  try {
    config = loadConfig()
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`)
      process.exit(2)
    }
    throw err
  }
  if (config.workers > 1 && cluster.isPrimary) {
    const logger = pino(loggerOptions(config))
    logger.info({ workers: config.workers }, 'starting workers')
    process.exit(await superviseWorkers({ workers: config.workers, background: config.worker.enabled, logger }))
  }
  let runtime: Awaited<ReturnType<typeof startRuntime>>
  try {
    runtime = await startRuntime(config)
  } catch (err) {
    if (err instanceof DataDirLocked) {
      process.stderr.write(`${err.message}\n`)
      process.exit(2)
    }
    throw err
  }
  const { app, logger } = runtime
  const address = await app.listen({ host: config.host, port: config.port })
  logger.info(
    { address, database: runtime.database.engine, dataDir: config.embedded ? config.dataDir : undefined, worker: cluster.worker?.id },
    'Eerlijk Beeld is listening',
  )
  if (runtime.seeded) {
    // Printed (not logged): how to get in, without the passwords themselves.
    process.stdout.write(
      `\n  Eerlijk Beeld draait op ${address}\n  Demo-accounts (${runtime.seeded.logins.map((l) => `${l.role}: ${l.email}`).join(', ')});\n` +
        `  wachtwoorden staan in ${runtime.seeded.credentialsFile}\n  Log in: POST ${address}/v1/auth/login {"email","password"}\n` +
        (runtime.seeded.portalLink ? `  Portaal van een demo-model (fictief): de regel "portal" in ${runtime.seeded.credentialsFile}\n` : '') +
        '\n',
    )
  }

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'shutting down')
    const force = setTimeout(() => process.exit(1), 20_000)
    force.unref()
    try {
      await runtime.close()
      process.exit(0)
    } catch (err) {
      logger.error({ err }, 'shutdown failed')
      process.exit(1)
    }
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}

main().catch((err) => {
  process.stderr.write(`Eerlijk Beeld could not start: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})

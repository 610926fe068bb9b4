/**
 * Fastify's own schema compilers (Ajv for requests, fast-json-stringify for responses), each route's schema
 * compiled when the route is first used instead of all at start (issue 17: compiling ~300 schemas was ~2.5 s of
 * the start, most of them for routes a given process rarely or never serves). The compiled function is kept, so
 * every later request runs exactly what fastify would have run. `compileAll()` compiles whatever is still
 * pending; the tests call it, so a schema that cannot compile fails there, not at someone's first request.
 */
import AjvCompiler from '@fastify/ajv-compiler'
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler'

type Fn = (...args: never[]) => unknown

export interface LazySchemas {
  compilersFactory: { buildValidator: ReturnType<typeof AjvCompiler>; buildSerializer: ReturnType<typeof SerializerSelector> }
  /** Compiles every schema not compiled yet; throws the first compile error. Returns how many it compiled. */
  compileAll(): number
}

export function lazySchemas(): LazySchemas {
  const pending = new Set<() => unknown>()

  /** A function that compiles `compile()` on its first call and behaves as the compiled function from then on. */
  const deferred = <F extends Fn>(compile: () => F, validator: boolean): F => {
    let compiled: F | undefined
    const get = () => {
      if (!compiled) {
        compiled = compile()
        pending.delete(get)
      }
      return compiled
    }
    pending.add(get)
    const fn = function (this: unknown, ...args: never[]) {
      return get().apply(this, args)
    } as unknown as F
    if (validator) {
      // Fastify reads `errors` after a failed validation, and passes Ajv's functions (they carry `schemaEnv`)
      // the parent object so a root value can be coerced; a non-Ajv function ignores the extra argument.
      Object.defineProperty(fn, 'errors', { get: () => (get() as unknown as { errors?: unknown }).errors })
      Object.defineProperty(fn, 'schemaEnv', { get: () => (get() as unknown as { schemaEnv?: unknown }).schemaEnv })
    }
    return fn
  }

  const ajv = AjvCompiler()
  const fjs = SerializerSelector()
  const buildValidator = ((externalSchemas: never, options: never) => {
    const compiler = ajv(externalSchemas, options)
    return (route: Parameters<typeof compiler>[0]) => deferred(() => compiler(route), true)
  }) as unknown as ReturnType<typeof AjvCompiler>
  const buildSerializer = ((externalSchemas: never, options: never) => {
    const compiler = fjs(externalSchemas, options)
    return (route: Parameters<typeof compiler>[0]) => deferred(() => compiler(route), false)
  }) as unknown as ReturnType<typeof SerializerSelector>

  return {
    compilersFactory: { buildValidator, buildSerializer },
    compileAll() {
      let n = 0
      for (const get of [...pending]) get(), n++
      return n
    },
  }
}

const ofApp = new WeakMap<object, LazySchemas>()

/** Remembers which lazy compilers an app was built with (app.ts), for compileAllSchemas. */
export function rememberLazySchemas(app: object, schemas: LazySchemas): void {
  ofApp.set(app, schemas)
}

/** Compiles every route schema of a ready app that no request has compiled yet (the tests; see above). */
export function compileAllSchemas(app: object): number {
  const schemas = ofApp.get(app)
  if (!schemas) throw new Error('this app was not built with lazy schema compilers')
  return schemas.compileAll()
}

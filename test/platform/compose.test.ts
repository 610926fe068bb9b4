/**
 * docker-compose.yml is checked by Debian's docker-compose (1.29; no Docker engine runs here): it must
 * accept the file with the secrets set, refuse it without them, and wire the app to PostgreSQL and
 * Meilisearch in a way our own config accepts.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../api/src/config.ts'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const COMPOSE = ['/usr/bin/docker-compose', '/usr/local/bin/docker-compose'].find((p) => fs.existsSync(p))
const SECRETS = {
  POSTGRES_PASSWORD: 'pgSecret123',
  MEILI_MASTER_KEY: 'meili-master-key-0123456789',
  MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
  DOMAIN: 'beeld.example.nl',
  MINIO_ROOT_PASSWORD: 'minioRoot0123456789abcdef',
  S3_SECRET_ACCESS_KEY: 's3secret0123456789abcdef',
}
const CADDY = ['/usr/bin/caddy', '/usr/local/bin/caddy'].find((p) => fs.existsSync(p))

function compose(env: Record<string, string>) {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !(k in SECRETS) && !['PUBLIC_URL', 'TRUST_PROXY'].includes(k))) as Record<
    string,
    string
  >
  return spawnSync(COMPOSE!, ['-f', 'docker-compose.yml', 'config'], { cwd: ROOT, env: { ...base, ...env }, encoding: 'utf8' })
}

/** docker-compose's own dependency (python3-yaml) reads its output back as JSON. */
function parse(yaml: string): any {
  const r = spawnSync('python3', ['-c', 'import sys, json, yaml; print(json.dumps(yaml.safe_load(sys.stdin)))'], { input: yaml, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`could not parse docker-compose config output: ${r.stderr}`)
  return JSON.parse(r.stdout)
}

describe.skipIf(!COMPOSE)(`docker-compose.yml${COMPOSE ? '' : ' (skipped: docker-compose not installed; apt-get install docker-compose)'}`, () => {
  it('is accepted by docker-compose config with the secrets set, and runs Caddy, PostgreSQL, Meilisearch and the app', () => {
    const r = compose(SECRETS)
    expect(r.stderr).not.toMatch(/error|invalid/i)
    expect(r.status).toBe(0)
    const c = parse(r.stdout)
    expect(Object.keys(c.services).sort()).toEqual(['app', 'app2', 'meilisearch', 'minio', 'minio-setup', 'postgres', 'proxy'])
    // Pinned versions: a tag with a full version number, never latest.
    expect(c.services.postgres.image).toMatch(/^postgres:15\.\d+/)
    expect(c.services.meilisearch.image).toMatch(/^getmeili\/meilisearch:v1\.\d+\.\d+$/)
    expect(c.services.proxy.image).toMatch(/^caddy:2\.\d+\.\d+$/)
    expect(c.services.minio.image).toMatch(/^quay\.io\/minio\/minio:RELEASE\.\d{4}-/)
    expect(c.services['minio-setup'].image).toMatch(/^quay\.io\/minio\/mc:RELEASE\.\d{4}-/)
    for (const s of ['postgres', 'meilisearch', 'minio', 'app', 'app2']) expect(c.services[s].healthcheck?.test, s).toBeTruthy()
    expect(Object.keys(c.volumes).sort()).toEqual(['appdata', 'appdata2', 'caddy_config', 'caddy_data', 'ledger', 'meilidata', 'pgdata', 's3data'])
    expect(c.services.postgres.volumes.join()).toMatch(/^pgdata:\/var\/lib\/postgresql\/data/)
    expect(c.services.meilisearch.volumes.join()).toMatch(/^meilidata:\/meili_data/)
    expect(c.services.meilisearch.environment.MEILI_MASTER_KEY).toBe(SECRETS.MEILI_MASTER_KEY)
    expect(c.services.postgres.environment.POSTGRES_PASSWORD).toBe(SECRETS.POSTGRES_PASSWORD)
  })

  it('puts the proxy alone on the internet: TLS on 80/443, the app reachable only through it', () => {
    const c = parse(compose(SECRETS).stdout)
    const ports = (c.services.proxy.ports as Array<string | { published: number; target: number }>).map((p) =>
      typeof p === 'string' ? p : `${p.published}:${p.target}`,
    )
    expect(ports.join(' ')).toMatch(/80:80/)
    expect(ports.join(' ')).toMatch(/443:443/)
    expect(c.services.app.ports).toBeUndefined()
    expect(c.services.app2.ports).toBeUndefined()
    expect(c.services.minio.ports).toBeUndefined()
    expect(c.services.proxy.volumes.join(' ')).toMatch(/deploy\/Caddyfile:\/etc\/caddy\/Caddyfile:ro/)
    expect(c.services.proxy.environment.DOMAIN).toBe(SECRETS.DOMAIN)
    const env = c.services.app.environment as Record<string, string>
    expect(env.PUBLIC_URL).toBe(`https://${SECRETS.DOMAIN}`)
    expect(env.TRUST_PROXY).toBe('1')
    // NODE_ENV=production: our config refuses to start without PUBLIC_URL, and accepts this one.
    const config = loadConfig(env)
    expect(config).toMatchObject({
      env: 'production',
      publicUrl: `https://${SECRETS.DOMAIN}`,
      origin: `https://${SECRETS.DOMAIN}`,
      cookieSecure: true,
      trustProxy: true,
    })
    expect(() => loadConfig({ ...env, PUBLIC_URL: '' })).toThrow(/PUBLIC_URL is required/)
  })

  it('has a Caddyfile with the timeouts and limits, balancing both app instances', () => {
    const file = fs.readFileSync(path.join(ROOT, 'deploy/Caddyfile'), 'utf8')
    for (const directive of [/read_header 10s/, /read_body 5m/, /idle 30s/, /max_header_size 16KB/, /max_size 51MB/, /health_uri \/readyz/])
      expect(file).toMatch(directive)
    expect(file.match(/^\s*to app:3000$/gm)).toHaveLength(1)
    expect(file.match(/^\s*to app2:3000$/gm)).toHaveLength(1)
    expect(file).toMatch(/lb_policy least_conn/)
    if (CADDY) {
      // Debian's caddy (2.6) reads the same Caddyfile syntax as the pinned image.
      const r = spawnSync(CADDY, ['validate', '--config', 'deploy/Caddyfile', '--adapter', 'caddyfile'], {
        cwd: ROOT,
        env: { ...process.env, DOMAIN: SECRETS.DOMAIN },
        encoding: 'utf8',
      })
      expect(r.stdout + r.stderr).toMatch(/Valid configuration/)
      expect(r.status).toBe(0)
    }
  })

  it('points the app at both services, after they are healthy, in a shape our config accepts', () => {
    const c = parse(compose(SECRETS).stdout)
    const app = c.services.app
    expect(app.depends_on).toEqual({
      postgres: { condition: 'service_healthy' },
      meilisearch: { condition: 'service_healthy' },
      'minio-setup': { condition: 'service_completed_successfully' },
    })
    const env = app.environment as Record<string, string>
    expect(env.DATABASE_URL).toBe(`postgres://eerlijkbeeld:${SECRETS.POSTGRES_PASSWORD}@postgres:5432/eerlijkbeeld`)
    expect(env.MEILISEARCH_URL).toBe('http://meilisearch:7700')
    expect(env.MEILISEARCH_KEY).toBe(SECRETS.MEILI_MASTER_KEY)
    expect(env.MASTER_KEY).toBe(SECRETS.MASTER_KEY)
    const config = loadConfig(env)
    expect(config.embedded).toBe(false)
    expect(config.databaseUrl).toBe(env.DATABASE_URL)
    expect(config.meilisearch).toEqual({ url: 'http://meilisearch:7700', key: SECRETS.MEILI_MASTER_KEY })
    expect(config.masterKey).toEqual({ inline: SECRETS.MASTER_KEY })
    // The app image has no wget/curl: its healthcheck must not depend on them.
    expect(app.healthcheck.test.join(' ')).not.toMatch(/\b(wget|curl)\b/)
    expect(app.healthcheck.test.join(' ')).toMatch(/readyz/)
  })

  it('runs two app instances on one database, one bucket and one ledger, each with its own temp folder', () => {
    const c = parse(compose(SECRETS).stdout)
    const [a, b] = [c.services.app, c.services.app2]
    expect(b.environment).toEqual(a.environment)
    expect(b.depends_on).toEqual(a.depends_on)
    expect(a.depends_on['minio-setup']).toEqual({ condition: 'service_completed_successfully' })
    expect(c.services['minio-setup'].depends_on).toEqual({ minio: { condition: 'service_healthy' } })
    expect(c.services.minio.volumes.join()).toMatch(/^s3data:\/data/)
    expect(c.services.proxy.depends_on).toEqual(expect.objectContaining({ app: expect.anything(), app2: expect.anything() }))
    expect(a.volumes.join(' ')).toMatch(/appdata:\/data/)
    expect(b.volumes.join(' ')).toMatch(/appdata2:\/data/)
    for (const app of [a, b]) expect(app.volumes.join(' ')).toMatch(/ledger:\/ledger/)
    const config = loadConfig(a.environment)
    expect(config.blobStore).toEqual({
      kind: 's3',
      bucket: 'eerlijkbeeld',
      endpoint: 'http://minio:9000',
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'eerlijkbeeld-app', secretAccessKey: SECRETS.S3_SECRET_ACCESS_KEY },
      spoolRoot: '/data/spool',
    })
  })

  it("gives the app its own MinIO user, limited to its bucket, and MinIO's administrator only to the setup", () => {
    const c = parse(compose(SECRETS).stdout)
    const minio = c.services.minio.environment as Record<string, string>
    const setup = c.services['minio-setup']
    expect(minio.MINIO_ROOT_PASSWORD).toBe(SECRETS.MINIO_ROOT_PASSWORD)
    expect(setup.environment.MC_HOST_eb).toBe(`http://${minio.MINIO_ROOT_USER}:${SECRETS.MINIO_ROOT_PASSWORD}@minio:9000`)
    for (const app of [c.services.app, c.services.app2]) {
      const env = app.environment as Record<string, string>
      expect(env.S3_ACCESS_KEY_ID).not.toBe(minio.MINIO_ROOT_USER)
      expect(env.S3_SECRET_ACCESS_KEY).toBe(SECRETS.S3_SECRET_ACCESS_KEY)
      // The administrator's password reaches no app instance, under any name.
      expect(Object.values(env)).not.toContain(SECRETS.MINIO_ROOT_PASSWORD)
      expect(JSON.stringify(env)).not.toContain(SECRETS.MINIO_ROOT_PASSWORD)
    }
    const script = (setup.entrypoint as string[]).join('\n')
    expect(script).toMatch(/mc mb --ignore-existing eb\/eerlijkbeeld/)
    expect(script).not.toMatch(/mc version enable/)
    // The app's secret reaches the script through the environment (compose's $$ escape), never in the file.
    expect(setup.environment.APP_SECRET).toBe(SECRETS.S3_SECRET_ACCESS_KEY)
    expect(script).not.toContain(SECRETS.S3_SECRET_ACCESS_KEY)
    expect(script).toMatch(/mc admin user add eb eerlijkbeeld-app "\$\$APP_SECRET"/)
    expect(script).toMatch(/mc admin policy attach eb eerlijkbeeld-app --user eerlijkbeeld-app/)
    // The policy: only the app's own bucket, only the calls the S3 store makes.
    const policy = JSON.parse(script.slice(script.indexOf("<<'POLICY'") + "<<'POLICY'".length, script.lastIndexOf('POLICY')))
    const statements = policy.Statement as Array<{ Effect: string; Action: string[]; Resource: string[] }>
    expect(statements.every((st) => st.Effect === 'Allow')).toBe(true)
    expect(statements.flatMap((st) => st.Resource).sort()).toEqual(['arn:aws:s3:::eerlijkbeeld', 'arn:aws:s3:::eerlijkbeeld/*'])
    expect(statements.flatMap((st) => st.Action).sort()).toEqual([
      's3:DeleteObject',
      's3:GetBucketLocation',
      's3:GetBucketVersioning',
      's3:GetObject',
      's3:ListBucket',
      's3:PutObject',
    ])
    // Those are the calls the S3 store makes (HeadObject is authorised by s3:GetObject, ListObjectsV2 by s3:ListBucket).
    const store = fs.readFileSync(path.join(ROOT, 'api/src/modules/storage/s3.blob-store.ts'), 'utf8')
    const commands = [...new Set(store.match(/new (\w+)Command/g))].map((m) => m.slice(4, -7)).sort()
    expect(commands).toEqual(['DeleteObject', 'GetBucketVersioning', 'GetObject', 'HeadObject', 'ListObjectsV2', 'PutObject'])
  })

  for (const missing of Object.keys(SECRETS)) {
    it(`refuses to start without ${missing}`, () => {
      const env: Record<string, string> = { ...SECRETS }
      delete env[missing]
      const r = compose(env)
      expect(r.status).not.toBe(0)
      expect(r.stderr).toContain(missing)
    })
  }
})

import { defineConfig } from 'vitest/config'

// One suite, two databases: PGlite by default, a PostgreSQL server when TEST_DATABASE_URL is set.
// test/setup/global.ts migrates once per run; each test file starts from that snapshot/template.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/global.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
    env: { NODE_ENV: 'test' },
  },
})

import { defineConfig } from 'vitest/config'

// End-to-end: the built gallery in Debian's Chromium (playwright-core) against a real server process on a
// fresh data directory with the demo seeded. Separate from `npm test` (whose include is test/**/*.test.ts).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/support/global.ts'],
    pool: 'forks',
    // One browser and one server per file; files in parallel would fight over 2 cores.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 240_000,
    teardownTimeout: 30_000,
    env: { NODE_ENV: 'test' },
  },
})

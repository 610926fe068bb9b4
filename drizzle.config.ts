import { defineConfig } from 'drizzle-kit'

// Migrations are generated here and applied by the app at start (api/src/db/migrate.ts), on PGlite and on
// PostgreSQL alike. The first migration is hand-written: drizzle-kit can't emit CREATE EXTENSION.
export default defineConfig({
  dialect: 'postgresql',
  schema: './api/src/db/schema.ts',
  out: './migrations',
})

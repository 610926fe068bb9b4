/** Schema barrel: drizzle-kit reads this, and so does the drizzle client for typed relational queries. */
export * from '../modules/auth/auth.table.ts'
export * from '../modules/photos/photos.table.ts'
export * from '../modules/jobs/jobs.table.ts'
export * from '../modules/consent/consent.table.ts'
export * from '../modules/portal/portal.table.ts'
export * from '../modules/vault/vault.table.ts'
export * from '../modules/audit/audit.table.ts'
export * from '../modules/licences/licences.table.ts'

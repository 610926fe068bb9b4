-- Hand-written: drizzle-kit can't emit CREATE EXTENSION (see STACK.md). Both exist in PGlite and PostgreSQL 15.
-- pg_trgm and unaccent serve the search module (typo-tolerant, accent-folding search).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;

-- Hand-written (drizzle-kit can't express functions). Used by the PostgreSQL search engine
-- (api/src/modules/search/search.postgres.ts); works on PGlite (PG 18) and PostgreSQL 15.
--
-- unaccent() is only STABLE (it reads a dictionary that could change), so it can't be used where
-- PostgreSQL needs an immutable function. Naming the dictionary explicitly makes the result depend on its
-- arguments alone, which is what IMMUTABLE promises (the usual wrapper; see the unaccent docs).
CREATE OR REPLACE FUNCTION eb_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
--> statement-breakpoint
-- One weighted vector per document, in three configurations over the same unaccented text, so a Dutch
-- stem, an English stem and the word as typed all match: A captions, B alt text, C tags and series, D
-- credit (a caption says what the photo is about; alt text describes it; tags are the photographer's
-- keywords; the credit is a name).
CREATE OR REPLACE FUNCTION eb_search_tsv(caption text, alt text, keywords text, credit text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT
      setweight(to_tsvector('dutch'::regconfig, eb_unaccent(coalesce(caption, ''))), 'A') ||
      setweight(to_tsvector('english'::regconfig, eb_unaccent(coalesce(caption, ''))), 'A') ||
      setweight(to_tsvector('simple'::regconfig, eb_unaccent(coalesce(caption, ''))), 'A') ||
      setweight(to_tsvector('dutch'::regconfig, eb_unaccent(coalesce(alt, ''))), 'B') ||
      setweight(to_tsvector('english'::regconfig, eb_unaccent(coalesce(alt, ''))), 'B') ||
      setweight(to_tsvector('simple'::regconfig, eb_unaccent(coalesce(alt, ''))), 'B') ||
      setweight(to_tsvector('dutch'::regconfig, eb_unaccent(coalesce(keywords, ''))), 'C') ||
      setweight(to_tsvector('english'::regconfig, eb_unaccent(coalesce(keywords, ''))), 'C') ||
      setweight(to_tsvector('simple'::regconfig, eb_unaccent(coalesce(keywords, ''))), 'C') ||
      setweight(to_tsvector('simple'::regconfig, eb_unaccent(coalesce(credit, ''))), 'D')
  $$;

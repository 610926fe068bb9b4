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
-- The document vector: the Dutch stemmer now runs over the Dutch texts only and the English
-- one over the English texts, with 'simple' over both. Stemming a language with the other's rules added
-- nothing findable but made every vector about a third larger, and at 100k+ documents the size of the rows
-- is what a search pays for (they are read from disk when they don't fit in memory).
-- Weights as before: A captions, B alt text, C tags and series, D credit.
CREATE OR REPLACE FUNCTION eb_search_vector(caption_nl text, caption_en text, alt_nl text, alt_en text, keywords text, credit text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT
      setweight(to_tsvector('dutch'::regconfig, eb_unaccent(coalesce(caption_nl, ''))), 'A') ||
      setweight(to_tsvector('english'::regconfig, eb_unaccent(coalesce(caption_en, ''))), 'A') ||
      setweight(to_tsvector('simple'::regconfig, eb_unaccent(concat_ws(' ', caption_nl, caption_en))), 'A') ||
      setweight(to_tsvector('dutch'::regconfig, eb_unaccent(coalesce(alt_nl, ''))), 'B') ||
      setweight(to_tsvector('english'::regconfig, eb_unaccent(coalesce(alt_en, ''))), 'B') ||
      setweight(to_tsvector('simple'::regconfig, eb_unaccent(concat_ws(' ', alt_nl, alt_en))), 'B') ||
      setweight(to_tsvector('dutch'::regconfig, eb_unaccent(coalesce(keywords, ''))), 'C') ||
      setweight(to_tsvector('english'::regconfig, eb_unaccent(coalesce(keywords, ''))), 'C') ||
      setweight(to_tsvector('simple'::regconfig, eb_unaccent(coalesce(keywords, ''))), 'C') ||
      setweight(to_tsvector('simple'::regconfig, eb_unaccent(coalesce(credit, ''))), 'D')
  $$;

-- Hand-written. Replaces eb_search_tsv: the Dutch stemmer now runs over the Dutch texts only and the English
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
--> statement-breakpoint
DROP FUNCTION IF EXISTS eb_search_tsv(text, text, text, text);
--> statement-breakpoint
-- Entries written with the old function are rebuilt in place.
UPDATE search_documents SET tsv = eb_search_vector(caption_nl, caption_en, alt_nl, alt_en,
  concat_ws(' ', array_to_string(tags, ' '), series), credit);

-- Hand-written. The planner's estimate of how many documents a word matches comes from the most common
-- lexemes that ANALYZE keeps for the tsv column (10 × the statistics target) and, for any other word, half
-- the rarest one's frequency. With the default target (100) a word found in one photo of a million was
-- estimated to match thousands, and the search's probe (search.postgres.ts, #fewMatches) read the table
-- (0.7 s at 1M photos) instead of the word index (under 10 ms). A larger sample makes rare words look rare.
ALTER TABLE "search_documents" ALTER COLUMN "tsv" SET STATISTICS 1000;

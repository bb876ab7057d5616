-- Each lexicon word's Indonesian stem ("mensosialisasikan" → "sosialisasi"; none for a stop word
-- or a word with a hyphen or other non-alphanumeric), so search marks the words of a snippet that
-- share a query word's stem without running ts_headline (which re-parses every result's text).
ALTER TABLE "search_words" ADD COLUMN "stem" text;--> statement-breakpoint
CREATE FUNCTION search_word_stem(w text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT CASE WHEN w ~ '^[[:alnum:]]+$' THEN (tsvector_to_array(to_tsvector('indonesian', w)))[1] END
$$;
--> statement-breakpoint
UPDATE "search_words" SET "stem" = search_word_stem("word");--> statement-breakpoint
CREATE INDEX "search_words_stem_idx" ON "search_words" USING btree ("stem");--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_words_collect() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO search_words (word, stem)
	SELECT w, search_word_stem(w) FROM (
		SELECT DISTINCT w FROM new_rows,
			unnest(tsvector_to_array(to_tsvector('simple', coalesce(new_rows.title, '') || ' ' || coalesce(new_rows.summary, '') || ' ' || coalesce(new_rows.body, '')))) AS w
		WHERE length(w) BETWEEN 3 AND 40
	) words
	ON CONFLICT (word) DO NOTHING;
	RETURN NULL;
END $$;

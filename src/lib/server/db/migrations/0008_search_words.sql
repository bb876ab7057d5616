CREATE TABLE "search_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE INDEX "search_words_trgm_idx" ON "search_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
CREATE FUNCTION search_words_collect() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO search_words (word)
	SELECT DISTINCT w FROM new_rows,
		unnest(tsvector_to_array(to_tsvector('simple', coalesce(new_rows.title, '') || ' ' || coalesce(new_rows.summary, '') || ' ' || coalesce(new_rows.body, '')))) AS w
	WHERE length(w) BETWEEN 3 AND 40
	ON CONFLICT (word) DO NOTHING;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER posts_search_words_insert AFTER INSERT ON posts REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION search_words_collect();
--> statement-breakpoint
CREATE TRIGGER posts_search_words_update AFTER UPDATE ON posts REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION search_words_collect();
--> statement-breakpoint
INSERT INTO search_words (word)
SELECT DISTINCT w FROM posts, unnest(tsvector_to_array(to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(summary, '') || ' ' || coalesce(body, '')))) AS w
WHERE length(w) BETWEEN 3 AND 40
ON CONFLICT (word) DO NOTHING;

-- A KIM gets its reach_totals row when the campaign's first share link of the KIM is made (zero
-- figures until it is clicked), so the campaign's KIM rows are its assignments and its totals:
-- the statistics no longer read a national campaign's tens of thousands of share links.
CREATE FUNCTION reach_totals_links() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO reach_totals (campaign_id, scope, key)
	SELECT DISTINCT campaign_id, 'kim'::reach_scope, kim_id::text FROM new_links ORDER BY 1, 3
	ON CONFLICT DO NOTHING;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER share_links_reach AFTER INSERT ON share_links
	REFERENCING NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION reach_totals_links();
--> statement-breakpoint
INSERT INTO reach_totals (campaign_id, scope, key)
SELECT DISTINCT campaign_id, 'kim'::reach_scope, kim_id::text FROM share_links
ON CONFLICT DO NOTHING;

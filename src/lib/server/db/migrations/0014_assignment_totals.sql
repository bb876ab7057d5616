-- An assigned KIM gets its reach_totals row when the assignment is made (zero figures until it
-- reports or its links are clicked), as a share link's KIM does (0011): a campaign's KIM rows are
-- then its reach_totals rows alone, and the statistics rank them without a union with assignments.
CREATE FUNCTION reach_totals_assignments() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO reach_totals (campaign_id, scope, key)
	SELECT DISTINCT campaign_id, 'kim'::reach_scope, kim_id::text FROM new_assignments ORDER BY 1, 3
	ON CONFLICT DO NOTHING;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER assignments_reach AFTER INSERT ON assignments
	REFERENCING NEW TABLE AS new_assignments FOR EACH STATEMENT EXECUTE FUNCTION reach_totals_assignments();
--> statement-breakpoint
INSERT INTO reach_totals (campaign_id, scope, key)
SELECT DISTINCT campaign_id, 'kim'::reach_scope, kim_id::text FROM assignments
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- A deleted KIM's rows go with it, so the campaign's KIM rows are counted without a join to kims.
CREATE FUNCTION reach_totals_kims_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM reach_totals r USING old_kims o, campaigns c
	WHERE r.campaign_id = c.id AND r.scope = 'kim' AND r.key = o.id::text;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER kims_reach AFTER DELETE ON kims
	REFERENCING OLD TABLE AS old_kims FOR EACH STATEMENT EXECUTE FUNCTION reach_totals_kims_deleted();
--> statement-breakpoint
DELETE FROM reach_totals r WHERE r.scope = 'kim' AND NOT EXISTS (SELECT 1 FROM kims k WHERE k.id::text = r.key);

CREATE TABLE "click_visitors" (
	"campaign_id" uuid NOT NULL,
	"day" date NOT NULL,
	"scope" "click_rollup_scope" NOT NULL,
	"key" text NOT NULL,
	"visitor_key" text NOT NULL,
	CONSTRAINT "click_visitors_campaign_id_day_scope_key_visitor_key_pk" PRIMARY KEY("campaign_id","day","scope","key","visitor_key")
);
--> statement-breakpoint
ALTER TABLE "click_visitors" ADD CONSTRAINT "click_visitors_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "click_visitors_day_idx" ON "click_visitors" USING btree ("day");--> statement-breakpoint
CREATE FUNCTION click_rollups_maintain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	WITH c AS MATERIALIZED (
		SELECT sl.campaign_id, n.day, sl.kim_id::text AS kim, coalesce(k.kelurahan_code, '') AS kel, n.visitor_key
		FROM new_clicks n JOIN share_links sl ON sl.id = n.link_id JOIN kims k ON k.id = sl.kim_id
	), keyed AS MATERIALIZED (
		SELECT campaign_id, day, 'campaign'::click_rollup_scope AS scope, '' AS key, visitor_key FROM c
		UNION ALL SELECT campaign_id, day, 'kim', kim, visitor_key FROM c
		UNION ALL SELECT campaign_id, day, 'kelurahan', kel, visitor_key FROM c
	), fresh AS (
		INSERT INTO click_visitors (campaign_id, day, scope, key, visitor_key)
		SELECT DISTINCT campaign_id, day, scope, key, visitor_key FROM keyed ORDER BY 1, 2, 3, 4, 5
		ON CONFLICT DO NOTHING
		RETURNING campaign_id, day, scope, key
	), visitors AS (
		SELECT campaign_id, day, scope, key, count(*) AS n FROM fresh GROUP BY 1, 2, 3, 4
	), clicks AS (
		SELECT campaign_id, day, scope, key, count(*) AS n FROM keyed GROUP BY 1, 2, 3, 4
	)
	INSERT INTO click_rollups AS r (campaign_id, day, scope, key, clicks, visitors)
	SELECT k.campaign_id, k.day, k.scope, k.key, k.n, coalesce(v.n, 0)
	FROM clicks k LEFT JOIN visitors v USING (campaign_id, day, scope, key)
	ORDER BY 1, 3, 4, 2
	ON CONFLICT (campaign_id, scope, key, day) DO UPDATE
	SET clicks = r.clicks + EXCLUDED.clicks, visitors = r.visitors + EXCLUDED.visitors;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER link_clicks_rollup AFTER INSERT ON link_clicks
	REFERENCING NEW TABLE AS new_clicks FOR EACH STATEMENT EXECUTE FUNCTION click_rollups_maintain();
--> statement-breakpoint
DELETE FROM click_rollups;
--> statement-breakpoint
WITH c AS MATERIALIZED (
	SELECT sl.campaign_id, lc.day, sl.kim_id::text AS kim, coalesce(k.kelurahan_code, '') AS kel, lc.visitor_key
	FROM link_clicks lc JOIN share_links sl ON sl.id = lc.link_id JOIN kims k ON k.id = sl.kim_id
)
INSERT INTO click_rollups (campaign_id, day, scope, key, clicks, visitors)
SELECT campaign_id, day, 'campaign'::click_rollup_scope, '', count(*), count(DISTINCT visitor_key) FROM c GROUP BY campaign_id, day
UNION ALL
SELECT campaign_id, day, 'kim', kim, count(*), count(DISTINCT visitor_key) FROM c GROUP BY campaign_id, day, kim
UNION ALL
SELECT campaign_id, day, 'kelurahan', kel, count(*), count(DISTINCT visitor_key) FROM c GROUP BY campaign_id, day, kel;
--> statement-breakpoint
WITH c AS MATERIALIZED (
	SELECT sl.campaign_id, lc.day, sl.kim_id::text AS kim, coalesce(k.kelurahan_code, '') AS kel, lc.visitor_key
	FROM link_clicks lc JOIN share_links sl ON sl.id = lc.link_id JOIN kims k ON k.id = sl.kim_id
	WHERE lc.day >= (now() AT TIME ZONE 'UTC' + interval '7 hours')::date - 1
)
INSERT INTO click_visitors (campaign_id, day, scope, key, visitor_key)
SELECT campaign_id, day, 'campaign'::click_rollup_scope, '', visitor_key FROM c
UNION SELECT campaign_id, day, 'kim', kim, visitor_key FROM c
UNION SELECT campaign_id, day, 'kelurahan', kel, visitor_key FROM c;
--> statement-breakpoint
DELETE FROM app_state WHERE key = 'click_rollups_through';

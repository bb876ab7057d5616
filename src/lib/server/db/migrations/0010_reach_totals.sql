CREATE TYPE "public"."reach_scope" AS ENUM('campaign', 'kim', 'kelurahan', 'day');--> statement-breakpoint
CREATE TABLE "click_visitors" (
	"campaign_id" uuid NOT NULL,
	"day" date NOT NULL,
	"scope" "reach_scope" NOT NULL,
	"key" text NOT NULL,
	"visitor_key" text NOT NULL,
	CONSTRAINT "click_visitors_campaign_id_day_scope_key_visitor_key_pk" PRIMARY KEY("campaign_id","day","scope","key","visitor_key")
);
--> statement-breakpoint
CREATE TABLE "reach_totals" (
	"campaign_id" uuid NOT NULL,
	"scope" "reach_scope" NOT NULL,
	"key" text DEFAULT '' NOT NULL,
	"clicks" integer DEFAULT 0 NOT NULL,
	"visitors" integer DEFAULT 0 NOT NULL,
	"reports" integer DEFAULT 0 NOT NULL,
	"audience" integer DEFAULT 0 NOT NULL,
	"reaching_reports" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "reach_totals_campaign_id_scope_key_pk" PRIMARY KEY("campaign_id","scope","key")
);
--> statement-breakpoint
DROP TABLE "click_rollups" CASCADE;--> statement-breakpoint
DROP TABLE "report_rollups" CASCADE;--> statement-breakpoint
DROP INDEX "link_clicks_day_idx";--> statement-breakpoint
DROP INDEX "posts_title_trgm_idx";--> statement-breakpoint
ALTER TABLE "click_visitors" ADD CONSTRAINT "click_visitors_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reach_totals" ADD CONSTRAINT "reach_totals_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "click_visitors_day_idx" ON "click_visitors" USING btree ("day");--> statement-breakpoint
CREATE INDEX "reach_totals_day_idx" ON "reach_totals" USING btree ("key","clicks") WHERE "reach_totals"."scope" = 'day';--> statement-breakpoint
DROP TYPE "public"."click_rollup_scope";--> statement-breakpoint
DROP TRIGGER activity_reports_rollup ON activity_reports;
--> statement-breakpoint
DROP FUNCTION report_rollups_maintain();
--> statement-breakpoint
DELETE FROM app_state WHERE key = 'click_rollups_through';
--> statement-breakpoint
CREATE FUNCTION reach_totals_clicks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	WITH c AS MATERIALIZED (
		SELECT sl.campaign_id, n.day, sl.kim_id::text AS kim, coalesce(k.kelurahan_code, '') AS kel, n.visitor_key
		FROM new_clicks n JOIN share_links sl ON sl.id = n.link_id JOIN kims k ON k.id = sl.kim_id
	), keyed AS MATERIALIZED (
		SELECT campaign_id, day, 'campaign'::reach_scope AS scope, '' AS key, visitor_key FROM c
		UNION ALL SELECT campaign_id, day, 'kim', kim, visitor_key FROM c
		UNION ALL SELECT campaign_id, day, 'kelurahan', kel, visitor_key FROM c
	), fresh AS MATERIALIZED (
		INSERT INTO click_visitors (campaign_id, day, scope, key, visitor_key)
		SELECT DISTINCT campaign_id, day, scope, key, visitor_key FROM keyed ORDER BY 1, 2, 3, 4, 5
		ON CONFLICT DO NOTHING
		RETURNING campaign_id, day, scope, key
	), visitors AS (
		SELECT campaign_id, scope, key, count(*) AS n FROM fresh GROUP BY 1, 2, 3
		UNION ALL SELECT campaign_id, 'day', day::text, count(*) FROM fresh WHERE scope = 'campaign' GROUP BY 1, 3
	), clicks AS (
		SELECT campaign_id, scope, key, count(*) AS n FROM keyed GROUP BY 1, 2, 3
		UNION ALL SELECT campaign_id, 'day', day::text, count(*) FROM keyed WHERE scope = 'campaign' GROUP BY 1, 3
	)
	INSERT INTO reach_totals AS r (campaign_id, scope, key, clicks, visitors)
	SELECT k.campaign_id, k.scope, k.key, k.n, coalesce(v.n, 0)
	FROM clicks k LEFT JOIN visitors v USING (campaign_id, scope, key)
	ORDER BY 1, 2, 3
	ON CONFLICT (campaign_id, scope, key) DO UPDATE
	SET clicks = r.clicks + EXCLUDED.clicks, visitors = r.visitors + EXCLUDED.visitors;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER link_clicks_reach AFTER INSERT ON link_clicks
	REFERENCING NEW TABLE AS new_clicks FOR EACH STATEMENT EXECUTE FUNCTION reach_totals_clicks();
--> statement-breakpoint
CREATE FUNCTION reach_totals_reports() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.campaign_id IS NOT NULL THEN
		UPDATE reach_totals
		SET reports = reports - 1, audience = audience - OLD.audience_count, reaching_reports = reaching_reports - (OLD.audience_count > 0)::int
		WHERE campaign_id = OLD.campaign_id
			AND (scope, key) IN (('campaign', ''), ('kim', OLD.kim_id::text), ('kelurahan', OLD.kelurahan_code), ('day', OLD.held_on::text));
	END IF;
	IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.campaign_id IS NOT NULL THEN
		INSERT INTO reach_totals AS r (campaign_id, scope, key, reports, audience, reaching_reports)
		SELECT NEW.campaign_id, s.scope, s.key, 1, NEW.audience_count, (NEW.audience_count > 0)::int
		FROM (VALUES ('campaign'::reach_scope, ''), ('kim', NEW.kim_id::text), ('kelurahan', NEW.kelurahan_code), ('day', NEW.held_on::text)) AS s (scope, key)
		ON CONFLICT (campaign_id, scope, key) DO UPDATE
		SET reports = r.reports + 1, audience = r.audience + EXCLUDED.audience, reaching_reports = r.reaching_reports + EXCLUDED.reaching_reports;
	END IF;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER activity_reports_reach AFTER INSERT OR UPDATE OR DELETE ON activity_reports
	FOR EACH ROW EXECUTE FUNCTION reach_totals_reports();
--> statement-breakpoint
WITH c AS MATERIALIZED (
	SELECT sl.campaign_id, lc.day, sl.kim_id::text AS kim, coalesce(k.kelurahan_code, '') AS kel, lc.visitor_key
	FROM link_clicks lc JOIN share_links sl ON sl.id = lc.link_id JOIN kims k ON k.id = sl.kim_id
), per_day AS (
	SELECT campaign_id, 'campaign'::reach_scope AS scope, '' AS key, day, count(*) AS clicks, count(DISTINCT visitor_key) AS visitors FROM c GROUP BY campaign_id, day
	UNION ALL SELECT campaign_id, 'kim', kim, day, count(*), count(DISTINCT visitor_key) FROM c GROUP BY campaign_id, kim, day
	UNION ALL SELECT campaign_id, 'kelurahan', kel, day, count(*), count(DISTINCT visitor_key) FROM c GROUP BY campaign_id, kel, day
)
INSERT INTO reach_totals (campaign_id, scope, key, clicks, visitors)
SELECT campaign_id, scope, key, sum(clicks), sum(visitors) FROM per_day GROUP BY 1, 2, 3
UNION ALL SELECT campaign_id, 'day', day::text, clicks, visitors FROM per_day WHERE scope = 'campaign';
--> statement-breakpoint
INSERT INTO reach_totals AS r (campaign_id, scope, key, reports, audience, reaching_reports)
SELECT campaign_id, s.scope, s.key, count(*), sum(audience_count), count(*) FILTER (WHERE audience_count > 0)
FROM activity_reports
CROSS JOIN LATERAL (VALUES ('campaign'::reach_scope, ''), ('kim', kim_id::text), ('kelurahan', kelurahan_code), ('day', held_on::text)) AS s (scope, key)
WHERE campaign_id IS NOT NULL
GROUP BY 1, 2, 3
ON CONFLICT (campaign_id, scope, key) DO UPDATE
SET reports = EXCLUDED.reports, audience = EXCLUDED.audience, reaching_reports = EXCLUDED.reaching_reports;
--> statement-breakpoint
WITH c AS MATERIALIZED (
	SELECT sl.campaign_id, lc.day, sl.kim_id::text AS kim, coalesce(k.kelurahan_code, '') AS kel, lc.visitor_key
	FROM link_clicks lc JOIN share_links sl ON sl.id = lc.link_id JOIN kims k ON k.id = sl.kim_id
	WHERE lc.day >= (now() AT TIME ZONE 'UTC' + interval '7 hours')::date - 1
)
INSERT INTO click_visitors (campaign_id, day, scope, key, visitor_key)
SELECT campaign_id, day, 'campaign'::reach_scope, '', visitor_key FROM c
UNION SELECT campaign_id, day, 'kim', kim, visitor_key FROM c
UNION SELECT campaign_id, day, 'kelurahan', kel, visitor_key FROM c;

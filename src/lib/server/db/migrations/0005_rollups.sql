CREATE TYPE "public"."click_rollup_scope" AS ENUM('campaign', 'kim', 'kelurahan');--> statement-breakpoint
CREATE TABLE "click_rollups" (
	"campaign_id" uuid NOT NULL,
	"day" date NOT NULL,
	"scope" "click_rollup_scope" NOT NULL,
	"key" text DEFAULT '' NOT NULL,
	"clicks" integer NOT NULL,
	"visitors" integer NOT NULL,
	CONSTRAINT "click_rollups_campaign_id_scope_key_day_pk" PRIMARY KEY("campaign_id","scope","key","day")
);
--> statement-breakpoint
CREATE TABLE "report_rollups" (
	"campaign_id" uuid NOT NULL,
	"kim_id" uuid NOT NULL,
	"kelurahan_code" text NOT NULL,
	"held_on" date NOT NULL,
	"reports" integer NOT NULL,
	"audience" integer NOT NULL,
	"reaching_reports" integer NOT NULL,
	CONSTRAINT "report_rollups_campaign_id_kim_id_kelurahan_code_held_on_pk" PRIMARY KEY("campaign_id","kim_id","kelurahan_code","held_on")
);
--> statement-breakpoint
ALTER TABLE "click_rollups" ADD CONSTRAINT "click_rollups_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_rollups" ADD CONSTRAINT "report_rollups_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_rollups" ADD CONSTRAINT "report_rollups_kim_id_kims_id_fk" FOREIGN KEY ("kim_id") REFERENCES "public"."kims"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "link_clicks_day_idx" ON "link_clicks" USING btree ("day");--> statement-breakpoint
CREATE FUNCTION report_rollups_maintain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.campaign_id IS NOT NULL THEN
		UPDATE report_rollups
		SET reports = reports - 1, audience = audience - OLD.audience_count, reaching_reports = reaching_reports - (OLD.audience_count > 0)::int
		WHERE campaign_id = OLD.campaign_id AND kim_id = OLD.kim_id AND kelurahan_code = OLD.kelurahan_code AND held_on = OLD.held_on;
	END IF;
	IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.campaign_id IS NOT NULL THEN
		INSERT INTO report_rollups AS r (campaign_id, kim_id, kelurahan_code, held_on, reports, audience, reaching_reports)
		VALUES (NEW.campaign_id, NEW.kim_id, NEW.kelurahan_code, NEW.held_on, 1, NEW.audience_count, (NEW.audience_count > 0)::int)
		ON CONFLICT (campaign_id, kim_id, kelurahan_code, held_on) DO UPDATE
		SET reports = r.reports + 1, audience = r.audience + EXCLUDED.audience, reaching_reports = r.reaching_reports + EXCLUDED.reaching_reports;
	END IF;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER activity_reports_rollup AFTER INSERT OR UPDATE OR DELETE ON activity_reports
	FOR EACH ROW EXECUTE FUNCTION report_rollups_maintain();
--> statement-breakpoint
INSERT INTO report_rollups (campaign_id, kim_id, kelurahan_code, held_on, reports, audience, reaching_reports)
SELECT campaign_id, kim_id, kelurahan_code, held_on, count(*), sum(audience_count), count(*) FILTER (WHERE audience_count > 0)
FROM activity_reports WHERE campaign_id IS NOT NULL
GROUP BY campaign_id, kim_id, kelurahan_code, held_on;

CREATE TABLE "report_days" (
	"day" date PRIMARY KEY NOT NULL,
	"reports" integer DEFAULT 0 NOT NULL,
	"audience" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
DROP INDEX "activity_reports_held_idx";--> statement-breakpoint
CREATE FUNCTION report_days_maintain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		UPDATE report_days SET reports = reports - 1, audience = audience - OLD.audience_count WHERE day = OLD.held_on;
	END IF;
	IF TG_OP IN ('INSERT', 'UPDATE') THEN
		INSERT INTO report_days AS d (day, reports, audience) VALUES (NEW.held_on, 1, NEW.audience_count)
		ON CONFLICT (day) DO UPDATE SET reports = d.reports + 1, audience = d.audience + EXCLUDED.audience;
	END IF;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER activity_reports_days AFTER INSERT OR UPDATE OF held_on, audience_count OR DELETE ON activity_reports
	FOR EACH ROW EXECUTE FUNCTION report_days_maintain();
--> statement-breakpoint
INSERT INTO report_days (day, reports, audience)
SELECT held_on, count(*), sum(audience_count) FROM activity_reports GROUP BY held_on;
--> statement-breakpoint
-- The KIM network's figures (KIMs, members of verified KIMs, kelurahan covered) change only with
-- KIMs, memberships, a user's activation and the regions: this counter says when, so the
-- dashboard recounts them then and not on every request.
INSERT INTO app_state (key, value) VALUES ('network_generation', '0') ON CONFLICT (key) DO NOTHING;
--> statement-breakpoint
CREATE FUNCTION bump_network_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE app_state SET value = to_jsonb((value #>> '{}')::bigint + 1), updated_at = now() WHERE key = 'network_generation';
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER kims_network_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON kims FOR EACH STATEMENT EXECUTE FUNCTION bump_network_generation();
--> statement-breakpoint
CREATE TRIGGER kim_members_network_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON kim_members FOR EACH STATEMENT EXECUTE FUNCTION bump_network_generation();
--> statement-breakpoint
CREATE TRIGGER users_network_generation AFTER UPDATE OF is_active OR DELETE OR TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION bump_network_generation();
--> statement-breakpoint
CREATE TRIGGER regions_network_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON regions FOR EACH STATEMENT EXECUTE FUNCTION bump_network_generation();

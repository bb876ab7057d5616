-- What anonymous visitors see (posts, KIMs and their boards, regions, the service directory) is cached by each server
-- process (http/page-cache.ts); any write to those tables bumps this number, and a process
-- drops its cached pages once it sees a new one.
INSERT INTO app_state (key, value) VALUES ('content_generation', '0') ON CONFLICT (key) DO NOTHING;
--> statement-breakpoint
CREATE FUNCTION bump_content_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE app_state SET value = to_jsonb((value #>> '{}')::bigint + 1), updated_at = now() WHERE key = 'content_generation';
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER posts_content_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON posts FOR EACH STATEMENT EXECUTE FUNCTION bump_content_generation();
--> statement-breakpoint
CREATE TRIGGER post_files_content_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON post_files FOR EACH STATEMENT EXECUTE FUNCTION bump_content_generation();
--> statement-breakpoint
CREATE TRIGGER kims_content_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON kims FOR EACH STATEMENT EXECUTE FUNCTION bump_content_generation();
--> statement-breakpoint
CREATE TRIGGER public_services_content_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON public_services FOR EACH STATEMENT EXECUTE FUNCTION bump_content_generation();
--> statement-breakpoint
CREATE TRIGGER facilities_content_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON facilities FOR EACH STATEMENT EXECUTE FUNCTION bump_content_generation();
--> statement-breakpoint
CREATE TRIGGER emergency_numbers_content_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON emergency_numbers FOR EACH STATEMENT EXECUTE FUNCTION bump_content_generation();
--> statement-breakpoint
CREATE TRIGGER kim_members_content_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON kim_members FOR EACH STATEMENT EXECUTE FUNCTION bump_content_generation();
--> statement-breakpoint
CREATE TRIGGER regions_content_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON regions FOR EACH STATEMENT EXECUTE FUNCTION bump_content_generation();

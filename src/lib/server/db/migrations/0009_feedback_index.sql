DROP INDEX "activity_reports_campaign_idx";--> statement-breakpoint
CREATE INDEX "activity_reports_campaign_idx" ON "activity_reports" USING btree ("campaign_id","held_on","created_at");
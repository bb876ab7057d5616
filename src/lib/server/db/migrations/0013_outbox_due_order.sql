-- The worker claims due rows in the order of this index (due time, then id), so a claim reads
-- one batch of it, not every due row sorted by id (100,000 queued mails: the fan-out halved).
DROP INDEX "outbox_due_idx";--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox" USING btree ("status","next_attempt_at","id");
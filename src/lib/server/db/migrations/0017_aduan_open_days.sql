-- The dashboard's open aduan: counted by status and the WIB day of their deadline, kept on write,
-- instead of reading every open aduan (256,000 at national scale) on every request; only those
-- due today are counted one by one, through an index on the deadline.
CREATE TABLE "aduan_open_days" (
	"status" "aduan_status" NOT NULL,
	"due_day" date NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "aduan_open_days_status_due_day_pk" PRIMARY KEY("status","due_day")
);
--> statement-breakpoint
DROP INDEX "aduan_open_due_idx";--> statement-breakpoint
-- The deadline an open aduan works towards: the SQL twin of aduan.rules dueOf (verification when
-- received; the follow-up plan when verified or in progress without one; the automatic close
-- when resolved), or null. The dashboard test compares both row by row.
CREATE FUNCTION aduan_due_at(s aduan_status, verify_by timestamptz, plan_by timestamptz, plan_posted_at timestamptz, auto_close_at timestamptz)
RETURNS timestamptz LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT CASE WHEN s = 'received' THEN verify_by
		WHEN s IN ('verified', 'in_progress') AND plan_posted_at IS NULL THEN plan_by
		WHEN s = 'resolved' THEN auto_close_at END
$$;
--> statement-breakpoint
-- Its WIB calendar day ('infinity' without a deadline).
CREATE FUNCTION aduan_due_day(due timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT coalesce(((due AT TIME ZONE 'UTC') + interval '7 hours')::date, 'infinity'::date)
$$;
--> statement-breakpoint
CREATE INDEX "aduan_open_due_at_idx" ON "aduan" (aduan_due_at(status, verify_by, plan_by, plan_posted_at, auto_close_at))
	WHERE status IN ('received', 'verified', 'in_progress', 'resolved');
--> statement-breakpoint
CREATE FUNCTION aduan_open_days_maintain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	old_open boolean := TG_OP IN ('UPDATE', 'DELETE') AND OLD.status IN ('received', 'verified', 'in_progress', 'resolved');
	new_open boolean := TG_OP IN ('INSERT', 'UPDATE') AND NEW.status IN ('received', 'verified', 'in_progress', 'resolved');
	old_day date;
	new_day date;
BEGIN
	IF old_open THEN old_day := aduan_due_day(aduan_due_at(OLD.status, OLD.verify_by, OLD.plan_by, OLD.plan_posted_at, OLD.auto_close_at)); END IF;
	IF new_open THEN new_day := aduan_due_day(aduan_due_at(NEW.status, NEW.verify_by, NEW.plan_by, NEW.plan_posted_at, NEW.auto_close_at)); END IF;
	IF old_open AND new_open AND OLD.status = NEW.status AND old_day = new_day THEN RETURN NULL; END IF;
	IF old_open THEN
		UPDATE aduan_open_days SET n = n - 1 WHERE status = OLD.status AND due_day = old_day;
	END IF;
	IF new_open THEN
		INSERT INTO aduan_open_days AS d (status, due_day, n) VALUES (NEW.status, new_day, 1)
		ON CONFLICT (status, due_day) DO UPDATE SET n = d.n + 1;
	END IF;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER aduan_open_days AFTER INSERT OR UPDATE OF status, verify_by, plan_by, plan_posted_at, auto_close_at OR DELETE ON aduan
	FOR EACH ROW EXECUTE FUNCTION aduan_open_days_maintain();
--> statement-breakpoint
INSERT INTO aduan_open_days (status, due_day, n)
SELECT status, aduan_due_day(aduan_due_at(status, verify_by, plan_by, plan_posted_at, auto_close_at)), count(*)
FROM aduan WHERE status IN ('received', 'verified', 'in_progress', 'resolved') GROUP BY 1, 2;

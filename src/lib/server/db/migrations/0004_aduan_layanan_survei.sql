CREATE TYPE "public"."aduan_event_kind" AS ENUM('status', 'message', 'note', 'reassign', 'plan', 'rating', 'escalation', 'claim');--> statement-breakpoint
CREATE TYPE "public"."aduan_privacy" AS ENUM('public', 'anonymous', 'confidential');--> statement-breakpoint
CREATE TYPE "public"."aduan_source" AS ENUM('web', 'api', 'assisted', 'open311');--> statement-breakpoint
CREATE TYPE "public"."aduan_status" AS ENUM('received', 'verified', 'in_progress', 'resolved', 'closed', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."aduan_type" AS ENUM('complaint', 'aspiration', 'information_request');--> statement-breakpoint
CREATE TYPE "public"."holiday_kind" AS ENUM('national', 'cuti_bersama', 'local');--> statement-breakpoint
CREATE TYPE "public"."facility_kind" AS ENUM('puskesmas', 'rumah_sakit', 'posyandu', 'kantor_kelurahan', 'kantor_kecamatan', 'kantor_dinas', 'kantor_polisi', 'pemadam_kebakaran', 'perpustakaan', 'sekolah', 'pasar', 'taman', 'other');--> statement-breakpoint
CREATE TYPE "public"."question_type" AS ENUM('single_choice', 'multiple_choice', 'scale', 'number', 'text', 'long_text');--> statement-breakpoint
CREATE TYPE "public"."survey_audience" AS ENUM('all', 'kelurahan');--> statement-breakpoint
CREATE TYPE "public"."survey_status" AS ENUM('draft', 'open', 'closed');--> statement-breakpoint
CREATE TABLE "aduan" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tracking_id" text NOT NULL,
	"type" "aduan_type" NOT NULL,
	"category_code" text NOT NULL,
	"unit_code" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"kelurahan_code" text NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"privacy" "aduan_privacy" NOT NULL,
	"status" "aduan_status" DEFAULT 'received' NOT NULL,
	"source" "aduan_source" DEFAULT 'web' NOT NULL,
	"reporter_id" uuid,
	"assisted_by" uuid,
	"on_behalf_name" text,
	"on_behalf_phone" text,
	"on_behalf_email" text,
	"consent_at" timestamp with time zone,
	"claim_code_hash" text,
	"claimed_at" timestamp with time zone,
	"idempotency_key" text,
	"open311_token" text,
	"api_key_id" uuid,
	"verify_by" timestamp with time zone NOT NULL,
	"plan_by" timestamp with time zone,
	"auto_close_at" timestamp with time zone,
	"verified_at" timestamp with time zone,
	"plan_posted_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"rejected_at" timestamp with time zone,
	"reject_reason" text,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"escalated_for" text,
	"rating" smallint,
	"rating_comment" text,
	"rated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "aduan_categories" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"group_name" text NOT NULL,
	"keywords" text[] DEFAULT '{}' NOT NULL,
	"unit_code" text NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "aduan_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "aduan_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"aduan_id" uuid NOT NULL,
	"kind" "aduan_event_kind" NOT NULL,
	"from_status" "aduan_status",
	"to_status" "aduan_status",
	"from_unit" text,
	"to_unit" text,
	"body" text,
	"is_internal" boolean DEFAULT false NOT NULL,
	"author_id" uuid,
	"author_role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "aduan_files" (
	"aduan_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"event_id" bigint,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "aduan_files_aduan_id_file_id_pk" PRIMARY KEY("aduan_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "holidays" (
	"day" date PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" "holiday_kind" DEFAULT 'national' NOT NULL,
	"is_off" boolean DEFAULT true NOT NULL,
	"source" text DEFAULT 'admin' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_members" (
	"unit_code" text NOT NULL,
	"user_id" uuid NOT NULL,
	"is_supervisor" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unit_members_unit_code_user_id_pk" PRIMARY KEY("unit_code","user_id")
);
--> statement-breakpoint
CREATE TABLE "units" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"description" text,
	"email" text,
	"phone" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emergency_numbers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"label" text NOT NULL,
	"number" text NOT NULL,
	"description" text,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "facilities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" "facility_kind" NOT NULL,
	"address" text NOT NULL,
	"kelurahan_code" text NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"opening_hours" text,
	"phone" text,
	"description" text,
	"is_published" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"unit_code" text NOT NULL,
	"category" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"requirements" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"fee" bigint DEFAULT 0 NOT NULL,
	"fee_note" text,
	"service_time" text NOT NULL,
	"location" text NOT NULL,
	"hours" text NOT NULL,
	"contact" text,
	"online_url" text,
	"kelurahan_codes" text[] DEFAULT '{}' NOT NULL,
	"is_published" boolean DEFAULT true NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('indonesian'::regconfig, coalesce("name", '')), 'A') || setweight(to_tsvector('indonesian'::regconfig, coalesce("category", '')), 'B') || setweight(to_tsvector('indonesian'::regconfig, coalesce("description", '')), 'C')) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_answers" (
	"response_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"value" jsonb NOT NULL,
	CONSTRAINT "survey_answers_response_id_question_id_pk" PRIMARY KEY("response_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "survey_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"section" text,
	"type" "question_type" NOT NULL,
	"text" text NOT NULL,
	"help" text,
	"options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"required" boolean DEFAULT true NOT NULL,
	"pillar" text
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"user_id" uuid,
	"device_key" text,
	"kelurahan_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"audience_kind" "survey_audience" DEFAULT 'all' NOT NULL,
	"audience_codes" text[] DEFAULT '{}' NOT NULL,
	"anonymous" boolean DEFAULT false NOT NULL,
	"status" "survey_status" DEFAULT 'draft' NOT NULL,
	"results_public" boolean DEFAULT false NOT NULL,
	"template" text,
	"closes_at" timestamp with time zone,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "aduan" ADD CONSTRAINT "aduan_category_code_aduan_categories_code_fk" FOREIGN KEY ("category_code") REFERENCES "public"."aduan_categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aduan" ADD CONSTRAINT "aduan_unit_code_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aduan" ADD CONSTRAINT "aduan_kelurahan_code_regions_code_fk" FOREIGN KEY ("kelurahan_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aduan" ADD CONSTRAINT "aduan_reporter_id_users_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aduan" ADD CONSTRAINT "aduan_assisted_by_users_id_fk" FOREIGN KEY ("assisted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aduan_categories" ADD CONSTRAINT "aduan_categories_unit_code_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aduan_events" ADD CONSTRAINT "aduan_events_aduan_id_aduan_id_fk" FOREIGN KEY ("aduan_id") REFERENCES "public"."aduan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aduan_events" ADD CONSTRAINT "aduan_events_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aduan_files" ADD CONSTRAINT "aduan_files_aduan_id_aduan_id_fk" FOREIGN KEY ("aduan_id") REFERENCES "public"."aduan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aduan_files" ADD CONSTRAINT "aduan_files_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aduan_files" ADD CONSTRAINT "aduan_files_event_id_aduan_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."aduan_events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "holidays" ADD CONSTRAINT "holidays_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_members" ADD CONSTRAINT "unit_members_unit_code_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."units"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_members" ADD CONSTRAINT "unit_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facilities" ADD CONSTRAINT "facilities_kelurahan_code_regions_code_fk" FOREIGN KEY ("kelurahan_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_services" ADD CONSTRAINT "public_services_unit_code_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_response_id_survey_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."survey_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_question_id_survey_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."survey_questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_questions" ADD CONSTRAINT "survey_questions_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_kelurahan_code_regions_code_fk" FOREIGN KEY ("kelurahan_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "aduan_tracking_id_key" ON "aduan" USING btree ("tracking_id");--> statement-breakpoint
CREATE UNIQUE INDEX "aduan_idempotency_key" ON "aduan" USING btree ("reporter_id","idempotency_key") WHERE "aduan"."idempotency_key" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "aduan_open311_token_key" ON "aduan" USING btree ("open311_token") WHERE "aduan"."open311_token" is not null;--> statement-breakpoint
CREATE INDEX "aduan_status_idx" ON "aduan" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "aduan_unit_idx" ON "aduan" USING btree ("unit_code","status");--> statement-breakpoint
CREATE INDEX "aduan_reporter_idx" ON "aduan" USING btree ("reporter_id");--> statement-breakpoint
CREATE INDEX "aduan_assisted_idx" ON "aduan" USING btree ("assisted_by");--> statement-breakpoint
CREATE INDEX "aduan_kelurahan_idx" ON "aduan" USING btree ("kelurahan_code","created_at");--> statement-breakpoint
CREATE INDEX "aduan_created_idx" ON "aduan" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "aduan_events_aduan_idx" ON "aduan_events" USING btree ("aduan_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_hash_key" ON "api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "unit_members_user_idx" ON "unit_members" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "facilities_slug_key" ON "facilities" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "facilities_kelurahan_idx" ON "facilities" USING btree ("kelurahan_code","kind");--> statement-breakpoint
CREATE INDEX "facilities_name_trgm_idx" ON "facilities" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "public_services_slug_key" ON "public_services" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "public_services_search_idx" ON "public_services" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "public_services_name_trgm_idx" ON "public_services" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "survey_answers_question_idx" ON "survey_answers" USING btree ("question_id");--> statement-breakpoint
CREATE INDEX "survey_questions_survey_idx" ON "survey_questions" USING btree ("survey_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_user_key" ON "survey_responses" USING btree ("survey_id","user_id") WHERE "survey_responses"."user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_device_key" ON "survey_responses" USING btree ("survey_id","device_key") WHERE "survey_responses"."device_key" is not null;--> statement-breakpoint
CREATE INDEX "surveys_status_idx" ON "surveys" USING btree ("status","created_at");
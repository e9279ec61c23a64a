CREATE TABLE "activity_daily" (
	"tenant_id" uuid NOT NULL,
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"count" integer NOT NULL,
	"members" integer NOT NULL,
	CONSTRAINT "activity_daily_tenant_id_day_kind_pk" PRIMARY KEY("tenant_id","day","kind")
);
--> statement-breakpoint
CREATE TABLE "activity_events" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"membership_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"day" date NOT NULL,
	CONSTRAINT "activity_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "activity_rollups" (
	"tenant_id" uuid NOT NULL,
	"day" date NOT NULL,
	"rolled_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_rollups_tenant_id_day_pk" PRIMARY KEY("tenant_id","day")
);
--> statement-breakpoint
CREATE TABLE "engagement_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"weights" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_activity_days" (
	"tenant_id" uuid NOT NULL,
	"day" date NOT NULL,
	"membership_id" uuid NOT NULL,
	"visits" integer DEFAULT 0 NOT NULL,
	"reads" integer DEFAULT 0 NOT NULL,
	"posts" integer DEFAULT 0 NOT NULL,
	"comments" integer DEFAULT 0 NOT NULL,
	"messages" integer DEFAULT 0 NOT NULL,
	"reactions" integer DEFAULT 0 NOT NULL,
	"events_registered" integer DEFAULT 0 NOT NULL,
	"events_attended" integer DEFAULT 0 NOT NULL,
	"surveys_answered" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "member_activity_days_tenant_id_day_membership_id_pk" PRIMARY KEY("tenant_id","day","membership_id")
);
--> statement-breakpoint
ALTER TABLE "activity_daily" ADD CONSTRAINT "activity_daily_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_events" ADD CONSTRAINT "activity_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_events" ADD CONSTRAINT "activity_events_membership_fk" FOREIGN KEY ("tenant_id","membership_id") REFERENCES "public"."memberships"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_rollups" ADD CONSTRAINT "activity_rollups_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_settings" ADD CONSTRAINT "engagement_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_activity_days" ADD CONSTRAINT "member_activity_days_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_activity_days" ADD CONSTRAINT "member_activity_days_membership_fk" FOREIGN KEY ("tenant_id","membership_id") REFERENCES "public"."memberships"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "activity_events_once_key" ON "activity_events" USING btree ("tenant_id","membership_id","day","kind");--> statement-breakpoint
CREATE INDEX "activity_events_day_idx" ON "activity_events" USING btree ("tenant_id","day");--> statement-breakpoint
CREATE INDEX "member_activity_days_member_idx" ON "member_activity_days" USING btree ("tenant_id","membership_id","day");--> statement-breakpoint
CREATE INDEX "comments_recent_idx" ON "comments" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "reactions_recent_idx" ON "reactions" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "messages_recent_idx" ON "messages" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "event_registrations_recent_idx" ON "event_registrations" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "event_registrations_attended_idx" ON "event_registrations" USING btree ("tenant_id","attended_at") WHERE attended_at is not null;--> statement-breakpoint
CREATE INDEX "news_reads_recent_idx" ON "news_reads" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "survey_responses_submitted_idx" ON "survey_responses" USING btree ("tenant_id","submitted_on") WHERE membership_id is not null and status = 'submitted';--> statement-breakpoint
SELECT enishi_guard_tenant_table('activity_events');--> statement-breakpoint
SELECT enishi_guard_tenant_table('member_activity_days');--> statement-breakpoint
SELECT enishi_guard_tenant_table('activity_daily');--> statement-breakpoint
SELECT enishi_guard_tenant_table('activity_rollups');--> statement-breakpoint
SELECT enishi_guard_tenant_table('engagement_settings');

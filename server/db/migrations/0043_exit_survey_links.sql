CREATE TABLE "record_consent_events" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"record_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"granted" boolean NOT NULL,
	"wording_version" text NOT NULL,
	"wording" text NOT NULL,
	"locale" text NOT NULL,
	"source" text NOT NULL,
	"survey_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "record_consent_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "exit_survey_links" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"record_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"emailed" boolean DEFAULT false NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	CONSTRAINT "exit_survey_links_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "exit_survey_settings" (
	"tenant_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exit_survey_settings_tenant_id_pk" PRIMARY KEY("tenant_id")
);
--> statement-breakpoint
ALTER TABLE "record_consent_events" ADD CONSTRAINT "record_consent_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_consent_events" ADD CONSTRAINT "record_consent_events_record_fk" FOREIGN KEY ("tenant_id","record_id") REFERENCES "public"."alumni_records"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_survey_links" ADD CONSTRAINT "exit_survey_links_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_survey_links" ADD CONSTRAINT "exit_survey_links_record_fk" FOREIGN KEY ("tenant_id","record_id") REFERENCES "public"."alumni_records"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_survey_links" ADD CONSTRAINT "exit_survey_links_survey_fk" FOREIGN KEY ("tenant_id","survey_id") REFERENCES "public"."surveys"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_survey_links" ADD CONSTRAINT "exit_survey_links_created_by_fk" FOREIGN KEY ("tenant_id","created_by") REFERENCES "public"."memberships"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_survey_settings" ADD CONSTRAINT "exit_survey_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_survey_settings" ADD CONSTRAINT "exit_survey_settings_survey_fk" FOREIGN KEY ("tenant_id","survey_id") REFERENCES "public"."surveys"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_survey_settings" ADD CONSTRAINT "exit_survey_settings_updated_by_fk" FOREIGN KEY ("tenant_id","updated_by") REFERENCES "public"."memberships"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "record_consent_events_record_idx" ON "record_consent_events" USING btree ("tenant_id","record_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "exit_survey_links_token_key" ON "exit_survey_links" USING btree ("tenant_id","token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "exit_survey_links_live_key" ON "exit_survey_links" USING btree ("tenant_id","record_id") WHERE revoked_at is null and answered_at is null;--> statement-breakpoint
SELECT enishi_guard_tenant_table('exit_survey_settings');
--> statement-breakpoint
SELECT enishi_guard_tenant_table('exit_survey_links');
--> statement-breakpoint
SELECT enishi_guard_tenant_table('record_consent_events');

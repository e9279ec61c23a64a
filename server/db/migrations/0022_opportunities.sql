CREATE TABLE "opportunities" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"body_html" text DEFAULT '' NOT NULL,
	"contact_name" text DEFAULT '' NOT NULL,
	"closes_on" date,
	"employment_type" text,
	"team" text DEFAULT '' NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"work_style" text,
	"pay_range" text DEFAULT '' NOT NULL,
	"returner_terms" text DEFAULT '' NOT NULL,
	"collaboration_type" text,
	"duration" text DEFAULT '' NOT NULL,
	"budget" text DEFAULT '' NOT NULL,
	"audience" jsonb,
	"created_by" uuid NOT NULL,
	"opened_at" timestamp (3) with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunities_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "opportunity_interests" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"link" text,
	"withdrawn_at" timestamp (3) with time zone,
	"stage" text DEFAULT 'interested' NOT NULL,
	"stage_changed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"hr_notes" text DEFAULT '' NOT NULL,
	"owner_id" uuid,
	"shared_status" text DEFAULT '' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunity_interests_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "alumni_records" ADD COLUMN "employment_status" text DEFAULT 'alumnus' NOT NULL;--> statement-breakpoint
ALTER TABLE "alumni_records" ADD COLUMN "rehired_on" date;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_created_by_fk" FOREIGN KEY ("tenant_id","created_by") REFERENCES "public"."memberships"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_interests" ADD CONSTRAINT "opportunity_interests_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_interests" ADD CONSTRAINT "opportunity_interests_opportunity_fk" FOREIGN KEY ("tenant_id","opportunity_id") REFERENCES "public"."opportunities"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_interests" ADD CONSTRAINT "opportunity_interests_membership_fk" FOREIGN KEY ("tenant_id","membership_id") REFERENCES "public"."memberships"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_interests" ADD CONSTRAINT "opportunity_interests_owner_fk" FOREIGN KEY ("tenant_id","owner_id") REFERENCES "public"."memberships"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "opportunities_open_idx" ON "opportunities" USING btree ("tenant_id","opened_at" DESC NULLS FIRST,"id") WHERE status = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "opportunity_interests_member_key" ON "opportunity_interests" USING btree ("tenant_id","opportunity_id","membership_id");--> statement-breakpoint
CREATE INDEX "opportunity_interests_member_idx" ON "opportunity_interests" USING btree ("tenant_id","membership_id");--> statement-breakpoint
SELECT enishi_guard_tenant_table('opportunities');
--> statement-breakpoint
SELECT enishi_guard_tenant_table('opportunity_interests');

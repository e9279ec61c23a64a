CREATE TABLE "member_presence" (
	"tenant_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"membership_id" uuid NOT NULL,
	"active" bit(366) NOT NULL,
	"spoke" bit(366) NOT NULL,
	CONSTRAINT "member_presence_tenant_id_year_membership_id_pk" PRIMARY KEY("tenant_id","year","membership_id")
);
--> statement-breakpoint
CREATE TABLE "member_recent_activity" (
	"tenant_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"through" date NOT NULL,
	"visits" integer DEFAULT 0 NOT NULL,
	"reads" integer DEFAULT 0 NOT NULL,
	"posts" integer DEFAULT 0 NOT NULL,
	"comments" integer DEFAULT 0 NOT NULL,
	"messages" integer DEFAULT 0 NOT NULL,
	"reactions" integer DEFAULT 0 NOT NULL,
	"events_registered" integer DEFAULT 0 NOT NULL,
	"events_attended" integer DEFAULT 0 NOT NULL,
	"surveys_answered" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "member_recent_activity_tenant_id_membership_id_pk" PRIMARY KEY("tenant_id","membership_id")
);
--> statement-breakpoint
ALTER TABLE "member_presence" ADD CONSTRAINT "member_presence_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_presence" ADD CONSTRAINT "member_presence_membership_fk" FOREIGN KEY ("tenant_id","membership_id") REFERENCES "public"."memberships"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_recent_activity" ADD CONSTRAINT "member_recent_activity_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_recent_activity" ADD CONSTRAINT "member_recent_activity_membership_fk" FOREIGN KEY ("tenant_id","membership_id") REFERENCES "public"."memberships"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
SELECT enishi_guard_tenant_table('member_presence');--> statement-breakpoint
SELECT enishi_guard_tenant_table('member_recent_activity');
CREATE TABLE "opportunity_referrals" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"referrer_id" uuid NOT NULL,
	"referred_member_id" uuid,
	"name" text DEFAULT '' NOT NULL,
	"email" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"mailed" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunity_referrals_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "opportunity_referrals" ADD CONSTRAINT "opportunity_referrals_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_referrals" ADD CONSTRAINT "opportunity_referrals_opportunity_fk" FOREIGN KEY ("tenant_id","opportunity_id") REFERENCES "public"."opportunities"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_referrals" ADD CONSTRAINT "opportunity_referrals_referrer_fk" FOREIGN KEY ("tenant_id","referrer_id") REFERENCES "public"."memberships"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_referrals" ADD CONSTRAINT "opportunity_referrals_referred_fk" FOREIGN KEY ("tenant_id","referred_member_id") REFERENCES "public"."memberships"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "opportunity_referrals_email_key" ON "opportunity_referrals" USING btree ("tenant_id","opportunity_id","email");--> statement-breakpoint
SELECT enishi_guard_tenant_table('opportunity_referrals');

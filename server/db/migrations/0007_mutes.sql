CREATE TABLE "member_mutes" (
	"tenant_id" uuid NOT NULL,
	"muter_id" uuid NOT NULL,
	"muted_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_mutes_tenant_id_muter_id_muted_id_pk" PRIMARY KEY("tenant_id","muter_id","muted_id")
);
--> statement-breakpoint
ALTER TABLE "member_mutes" ADD CONSTRAINT "member_mutes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_mutes" ADD CONSTRAINT "member_mutes_muter_fk" FOREIGN KEY ("tenant_id","muter_id") REFERENCES "public"."memberships"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_mutes" ADD CONSTRAINT "member_mutes_muted_fk" FOREIGN KEY ("tenant_id","muted_id") REFERENCES "public"."memberships"("tenant_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
SELECT enishi_guard_tenant_table('member_mutes');

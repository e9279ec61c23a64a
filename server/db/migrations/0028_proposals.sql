CREATE TABLE "proposal_keys" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"key" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_supports" (
	"tenant_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposal_supports_tenant_id_proposal_id_membership_id_pk" PRIMARY KEY("tenant_id","proposal_id","membership_id")
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"author_id" uuid,
	"author_key" "bytea",
	"title" text NOT NULL,
	"body" text NOT NULL,
	"category" text,
	"status" text DEFAULT 'received' NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"public_reply" text DEFAULT '' NOT NULL,
	"replied_at" timestamp with time zone,
	"internal_notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposals_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "proposals_one_author" CHECK ((author_id is null) <> (author_key is null))
);
--> statement-breakpoint
ALTER TABLE "proposal_keys" ADD CONSTRAINT "proposal_keys_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_supports" ADD CONSTRAINT "proposal_supports_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_supports" ADD CONSTRAINT "proposal_supports_proposal_fk" FOREIGN KEY ("tenant_id","proposal_id") REFERENCES "public"."proposals"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_supports" ADD CONSTRAINT "proposal_supports_membership_fk" FOREIGN KEY ("tenant_id","membership_id") REFERENCES "public"."memberships"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_author_fk" FOREIGN KEY ("tenant_id","author_id") REFERENCES "public"."memberships"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "proposals_created_idx" ON "proposals" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "proposals_author_idx" ON "proposals" USING btree ("tenant_id","author_id");--> statement-breakpoint
CREATE INDEX "proposals_author_key_idx" ON "proposals" USING btree ("tenant_id","author_key");
--> statement-breakpoint
SELECT enishi_guard_tenant_table('proposals');--> statement-breakpoint
SELECT enishi_guard_tenant_table('proposal_supports');--> statement-breakpoint
SELECT enishi_guard_tenant_table('proposal_keys');

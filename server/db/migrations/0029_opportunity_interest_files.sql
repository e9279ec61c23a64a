CREATE TABLE "opportunity_interest_files" (
	"tenant_id" uuid NOT NULL,
	"interest_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunity_interest_files_tenant_id_interest_id_pk" PRIMARY KEY("tenant_id","interest_id")
);
--> statement-breakpoint
ALTER TABLE "opportunity_interest_files" ADD CONSTRAINT "opportunity_interest_files_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_interest_files" ADD CONSTRAINT "opportunity_interest_files_interest_fk" FOREIGN KEY ("tenant_id","interest_id") REFERENCES "public"."opportunity_interests"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
SELECT enishi_guard_tenant_table('opportunity_interest_files');

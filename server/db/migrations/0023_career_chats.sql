CREATE TABLE "career_chat_bookings" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"slot_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"cancelled_at" timestamp (3) with time zone,
	"cancelled_by" uuid,
	"reminded_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "career_chat_bookings_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "career_chat_slots" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"host_id" uuid NOT NULL,
	"starts_at" timestamp (3) with time zone NOT NULL,
	"ends_at" timestamp (3) with time zone NOT NULL,
	"minutes" integer NOT NULL,
	"place_kind" text NOT NULL,
	"place" text NOT NULL,
	"topic" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"cancelled_at" timestamp (3) with time zone,
	"sequence" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "career_chat_slots_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "attachments" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "dev_mailbox" ADD COLUMN "attachments" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "career_chat_bookings" ADD CONSTRAINT "career_chat_bookings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "career_chat_bookings" ADD CONSTRAINT "career_chat_bookings_slot_fk" FOREIGN KEY ("tenant_id","slot_id") REFERENCES "public"."career_chat_slots"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "career_chat_bookings" ADD CONSTRAINT "career_chat_bookings_member_fk" FOREIGN KEY ("tenant_id","member_id") REFERENCES "public"."memberships"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "career_chat_bookings" ADD CONSTRAINT "career_chat_bookings_cancelled_by_fk" FOREIGN KEY ("tenant_id","cancelled_by") REFERENCES "public"."memberships"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "career_chat_slots" ADD CONSTRAINT "career_chat_slots_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "career_chat_slots" ADD CONSTRAINT "career_chat_slots_host_fk" FOREIGN KEY ("tenant_id","host_id") REFERENCES "public"."memberships"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "career_chat_bookings_live_key" ON "career_chat_bookings" USING btree ("tenant_id","slot_id") WHERE cancelled_at is null;--> statement-breakpoint
CREATE INDEX "career_chat_bookings_member_idx" ON "career_chat_bookings" USING btree ("tenant_id","member_id");--> statement-breakpoint
CREATE INDEX "career_chat_slots_open_idx" ON "career_chat_slots" USING btree ("tenant_id","starts_at") WHERE cancelled_at is null;--> statement-breakpoint
CREATE INDEX "career_chat_slots_host_idx" ON "career_chat_slots" USING btree ("tenant_id","host_id","starts_at");--> statement-breakpoint
SELECT enishi_guard_tenant_table('career_chat_slots');
--> statement-breakpoint
SELECT enishi_guard_tenant_table('career_chat_bookings');

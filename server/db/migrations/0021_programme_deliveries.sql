CREATE TABLE "programme_deliveries" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"programme_kind" text NOT NULL,
	"programme_id" uuid NOT NULL,
	"recipient_id" uuid NOT NULL,
	"recipient_kind" text NOT NULL,
	"membership_id" uuid,
	"record_id" uuid,
	"channel" text NOT NULL,
	"purpose" text NOT NULL,
	"consent_event_id" uuid,
	"record_consent" jsonb,
	"outbox_mail_id" uuid,
	"notification_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_deliveries_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "programme_unsubscribe_keys" (
	"tenant_id" uuid NOT NULL,
	"token" text NOT NULL,
	"recipient_id" uuid NOT NULL,
	"recipient_kind" text NOT NULL,
	"purpose" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_unsubscribe_keys_tenant_id_token_pk" PRIMARY KEY("tenant_id","token")
);
--> statement-breakpoint
ALTER TABLE "programme_deliveries" ADD CONSTRAINT "programme_deliveries_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_deliveries" ADD CONSTRAINT "programme_deliveries_membership_fk" FOREIGN KEY ("tenant_id","membership_id") REFERENCES "public"."memberships"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_unsubscribe_keys" ADD CONSTRAINT "programme_unsubscribe_keys_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "programme_deliveries_once_key" ON "programme_deliveries" USING btree ("tenant_id","programme_kind","programme_id","recipient_id","channel");--> statement-breakpoint
CREATE INDEX "programme_deliveries_recipient_idx" ON "programme_deliveries" USING btree ("tenant_id","recipient_id","purpose");--> statement-breakpoint
CREATE UNIQUE INDEX "programme_unsubscribe_keys_person_key" ON "programme_unsubscribe_keys" USING btree ("tenant_id","recipient_id","purpose");--> statement-breakpoint
SELECT enishi_guard_tenant_table('programme_deliveries');
--> statement-breakpoint
SELECT enishi_guard_tenant_table('programme_unsubscribe_keys');

CREATE TABLE "programme_mail_links" (
	"tenant_id" uuid NOT NULL,
	"programme_kind" text NOT NULL,
	"programme_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"url" text NOT NULL,
	CONSTRAINT "programme_mail_links_tenant_id_programme_kind_programme_id_position_pk" PRIMARY KEY("tenant_id","programme_kind","programme_id","position")
);
--> statement-breakpoint
CREATE TABLE "programme_mail_tracking" (
	"tenant_id" uuid NOT NULL,
	"delivery_id" uuid NOT NULL,
	"programme_kind" text NOT NULL,
	"programme_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"first_opened_at" timestamp (3) with time zone,
	"opens" integer DEFAULT 0 NOT NULL,
	"first_clicked_at" timestamp (3) with time zone,
	"clicks" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "programme_mail_tracking_tenant_id_delivery_id_pk" PRIMARY KEY("tenant_id","delivery_id")
);
--> statement-breakpoint
ALTER TABLE "newsletter_campaigns" ADD COLUMN "tracking" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "programme_mail_links" ADD CONSTRAINT "programme_mail_links_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_mail_tracking" ADD CONSTRAINT "programme_mail_tracking_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_mail_tracking" ADD CONSTRAINT "programme_mail_tracking_delivery_fk" FOREIGN KEY ("tenant_id","delivery_id") REFERENCES "public"."programme_deliveries"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "programme_mail_tracking_token_key" ON "programme_mail_tracking" USING btree ("tenant_id","token_hash");--> statement-breakpoint
CREATE INDEX "programme_mail_tracking_programme_idx" ON "programme_mail_tracking" USING btree ("tenant_id","programme_kind","programme_id");--> statement-breakpoint
SELECT enishi_guard_tenant_table('programme_mail_links');--> statement-breakpoint
SELECT enishi_guard_tenant_table('programme_mail_tracking');

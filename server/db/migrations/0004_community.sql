CREATE TABLE "consent_events" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"membership_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"granted" boolean NOT NULL,
	"policy_version" text NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consent_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "hashtag_follows" (
	"tenant_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"hashtag_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hashtag_follows_tenant_id_membership_id_hashtag_id_pk" PRIMARY KEY("tenant_id","membership_id","hashtag_id")
);
--> statement-breakpoint
CREATE TABLE "hashtags" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hashtags_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "hashtags_tenant_key" UNIQUE("tenant_id","key")
);
--> statement-breakpoint
CREATE TABLE "member_blocks" (
	"tenant_id" uuid NOT NULL,
	"blocker_id" uuid NOT NULL,
	"blocked_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_blocks_tenant_id_blocker_id_blocked_id_pk" PRIMARY KEY("tenant_id","blocker_id","blocked_id")
);
--> statement-breakpoint
CREATE TABLE "member_hashtags" (
	"tenant_id" uuid NOT NULL,
	"hashtag_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "member_hashtags_tenant_id_hashtag_id_membership_id_pk" PRIMARY KEY("tenant_id","hashtag_id","membership_id")
);
--> statement-breakpoint
CREATE TABLE "member_photos" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"membership_id" uuid NOT NULL,
	"content_type" text NOT NULL,
	"content" "bytea" NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_photos_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "member_profiles" (
	"tenant_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"display_name_kana" text DEFAULT '' NOT NULL,
	"current_company" text DEFAULT '' NOT NULL,
	"current_title" text DEFAULT '' NOT NULL,
	"career" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"intents" text[] DEFAULT '{}'::text[] NOT NULL,
	"bio" text DEFAULT '' NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"photo_id" uuid,
	"visibility" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"company_news" boolean DEFAULT false NOT NULL,
	"listed_in_directory" boolean DEFAULT false NOT NULL,
	"company_contact" boolean DEFAULT false NOT NULL,
	"consent_policy_version" text,
	"reading_key" text DEFAULT '' NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"onboarded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_profiles_tenant_id_membership_id_pk" PRIMARY KEY("tenant_id","membership_id")
);
--> statement-breakpoint
CREATE TABLE "member_search_tokens" (
	"tenant_id" uuid NOT NULL,
	"token" text NOT NULL,
	"membership_id" uuid NOT NULL,
	CONSTRAINT "member_search_tokens_tenant_id_token_membership_id_pk" PRIMARY KEY("tenant_id","token","membership_id")
);
--> statement-breakpoint
ALTER TABLE "consent_events" ADD CONSTRAINT "consent_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_events" ADD CONSTRAINT "consent_events_membership_fk" FOREIGN KEY ("tenant_id","membership_id") REFERENCES "public"."memberships"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hashtag_follows" ADD CONSTRAINT "hashtag_follows_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hashtag_follows" ADD CONSTRAINT "hashtag_follows_hashtag_fk" FOREIGN KEY ("tenant_id","hashtag_id") REFERENCES "public"."hashtags"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hashtag_follows" ADD CONSTRAINT "hashtag_follows_membership_fk" FOREIGN KEY ("tenant_id","membership_id") REFERENCES "public"."memberships"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hashtags" ADD CONSTRAINT "hashtags_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_blocks" ADD CONSTRAINT "member_blocks_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_blocks" ADD CONSTRAINT "member_blocks_blocker_fk" FOREIGN KEY ("tenant_id","blocker_id") REFERENCES "public"."memberships"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_blocks" ADD CONSTRAINT "member_blocks_blocked_fk" FOREIGN KEY ("tenant_id","blocked_id") REFERENCES "public"."memberships"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_hashtags" ADD CONSTRAINT "member_hashtags_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_hashtags" ADD CONSTRAINT "member_hashtags_hashtag_fk" FOREIGN KEY ("tenant_id","hashtag_id") REFERENCES "public"."hashtags"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_hashtags" ADD CONSTRAINT "member_hashtags_membership_fk" FOREIGN KEY ("tenant_id","membership_id") REFERENCES "public"."memberships"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_photos" ADD CONSTRAINT "member_photos_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_photos" ADD CONSTRAINT "member_photos_membership_fk" FOREIGN KEY ("tenant_id","membership_id") REFERENCES "public"."memberships"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_profiles" ADD CONSTRAINT "member_profiles_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_profiles" ADD CONSTRAINT "member_profiles_membership_fk" FOREIGN KEY ("tenant_id","membership_id") REFERENCES "public"."memberships"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_search_tokens" ADD CONSTRAINT "member_search_tokens_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consent_events_membership_idx" ON "consent_events" USING btree ("tenant_id","membership_id","created_at");--> statement-breakpoint
CREATE INDEX "hashtag_follows_hashtag_idx" ON "hashtag_follows" USING btree ("tenant_id","hashtag_id");--> statement-breakpoint
CREATE INDEX "member_blocks_blocked_idx" ON "member_blocks" USING btree ("tenant_id","blocked_id");--> statement-breakpoint
CREATE INDEX "member_hashtags_membership_idx" ON "member_hashtags" USING btree ("tenant_id","membership_id");--> statement-breakpoint
CREATE INDEX "member_photos_membership_idx" ON "member_photos" USING btree ("tenant_id","membership_id");--> statement-breakpoint
CREATE INDEX "member_profiles_reading_idx" ON "member_profiles" USING btree ("tenant_id","reading_key","membership_id");
--> statement-breakpoint
SELECT enishi_guard_tenant_table('member_profiles');
--> statement-breakpoint
SELECT enishi_guard_tenant_table('consent_events');
--> statement-breakpoint
SELECT enishi_guard_tenant_table('member_search_tokens');
--> statement-breakpoint
SELECT enishi_guard_tenant_table('member_photos');
--> statement-breakpoint
SELECT enishi_guard_tenant_table('hashtags');
--> statement-breakpoint
SELECT enishi_guard_tenant_table('member_hashtags');
--> statement-breakpoint
SELECT enishi_guard_tenant_table('hashtag_follows');
--> statement-breakpoint
SELECT enishi_guard_tenant_table('member_blocks');

-- Search keys now compose spacing voicing marks (ヨシタ゛ → ヨシダ) and read a dash between kana as ー:
-- the application rebuilds the registry's and the directory's stored keys and tokens at the next start.
INSERT INTO "maintenance_tasks" ("name") VALUES ('registry.rebuild_search') ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "maintenance_tasks" ("name") VALUES ('community.rebuild_member_search') ON CONFLICT DO NOTHING;

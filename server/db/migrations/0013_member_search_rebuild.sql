-- Profiles created by an accepted invitation got no directory tokens; the application rebuilds them at the next start.
INSERT INTO "maintenance_tasks" ("name") VALUES ('community.rebuild_member_search') ON CONFLICT DO NOTHING;

CREATE TABLE "survey_answer_counts" (
	"tenant_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"question_id" text NOT NULL,
	"value" text NOT NULL,
	"department" text DEFAULT '' NOT NULL,
	"left_year" integer DEFAULT 0 NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "survey_answer_counts_tenant_id_survey_id_question_id_value_department_left_year_pk" PRIMARY KEY("tenant_id","survey_id","question_id","value","department","left_year")
);
--> statement-breakpoint
ALTER TABLE "survey_answer_counts" ADD CONSTRAINT "survey_answer_counts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answer_counts" ADD CONSTRAINT "survey_answer_counts_survey_fk" FOREIGN KEY ("tenant_id","survey_id") REFERENCES "public"."surveys"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_responses_newest_idx" ON "survey_responses" USING btree ("tenant_id","survey_id","submitted_on") WHERE status = 'submitted';--> statement-breakpoint
SELECT enishi_guard_tenant_table('survey_answer_counts');
--> statement-breakpoint
-- Adds one submitted response's answers to its survey's counts (sign -1 takes them away). A survey
-- being deleted is no longer found, so its cascading responses add nothing back.
CREATE FUNCTION enishi_count_survey_answers(r survey_responses, sign integer) RETURNS void
  LANGUAGE sql
  AS $$
  INSERT INTO survey_answer_counts (tenant_id, survey_id, question_id, value, department, left_year, n)
  SELECT r.tenant_id, r.survey_id, c.question_id, c.value,
    coalesce(r.facts ->> 'department', ''), coalesce((r.facts ->> 'leftYear')::integer, 0), sum(sign)
  FROM surveys s
  CROSS JOIN LATERAL (
    SELECT '' AS question_id, '*' AS value
    UNION ALL
    SELECT '#day', r.submitted_on::text WHERE r.submitted_on IS NOT NULL
    UNION ALL
    SELECT a.key, v.value
    FROM jsonb_each(r.answers) a
    JOIN jsonb_array_elements(s.questions) q ON q ->> 'id' = a.key
    CROSS JOIN LATERAL (
      SELECT '*' AS value
      UNION ALL
      SELECT e FROM jsonb_array_elements_text(
        CASE WHEN jsonb_typeof(a.value) = 'array' THEN a.value ELSE jsonb_build_array(a.value) END) e
      WHERE q ->> 'type' IN ('single', 'multiple', 'scale', 'nps')
    ) v
  ) c
  WHERE s.tenant_id = r.tenant_id AND s.id = r.survey_id
  GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (tenant_id, survey_id, question_id, value, department, left_year)
  DO UPDATE SET n = survey_answer_counts.n + excluded.n
$$;
--> statement-breakpoint
CREATE FUNCTION enishi_survey_responses_counted() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'submitted' THEN
    PERFORM enishi_count_survey_answers(OLD, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'submitted' THEN
    PERFORM enishi_count_survey_answers(NEW, 1);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER survey_responses_counted AFTER INSERT OR UPDATE OR DELETE ON survey_responses
  FOR EACH ROW EXECUTE FUNCTION enishi_survey_responses_counted();
--> statement-breakpoint
-- The answers given before the counts existed are counted by the application at its next start.
INSERT INTO "maintenance_tasks" ("name") VALUES ('surveys.rebuild_answer_counts');

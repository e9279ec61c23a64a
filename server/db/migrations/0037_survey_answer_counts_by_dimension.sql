-- The counts held one row per department × leaving year, so a reading summed tens of thousands of rows,
-- and the per-row trigger rewrote ~70 of them for each answer (341 s to store 50,000 answers, and a
-- table of dead row versions). Now each dimension is counted apart and a statement counts its rows at once.
DROP TRIGGER survey_responses_counted ON survey_responses;--> statement-breakpoint
DROP FUNCTION enishi_survey_responses_counted();--> statement-breakpoint
DROP FUNCTION enishi_count_survey_answers(survey_responses, integer);--> statement-breakpoint
-- TRUNCATE, not DELETE: row-level security would show the owner running migrations no rows.
TRUNCATE "survey_answer_counts";--> statement-breakpoint
DROP INDEX "survey_responses_newest_idx";--> statement-breakpoint
ALTER TABLE "survey_answer_counts" DROP CONSTRAINT "survey_answer_counts_tenant_id_survey_id_question_id_value_department_left_year_pk";--> statement-breakpoint
ALTER TABLE "survey_answer_counts" ADD COLUMN "dimension" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "survey_answer_counts" ADD CONSTRAINT "survey_answer_counts_tenant_id_survey_id_dimension_question_id_value_department_left_year_pk" PRIMARY KEY("tenant_id","survey_id","dimension","question_id","value","department","left_year");--> statement-breakpoint
CREATE INDEX "survey_responses_newest_first_idx" ON "survey_responses" USING btree ("tenant_id","survey_id","submitted_on" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE status = 'submitted';--> statement-breakpoint
-- What one response adds to its survey's counts: per dimension, a row for the response, one for its
-- day (everyone only), and per answered question one for '*' and, for choice, scale and NPS, one per value.
CREATE FUNCTION enishi_survey_answer_keys(questions jsonb, given jsonb, facts jsonb, day date)
  RETURNS TABLE (dimension text, department text, left_year integer, question_id text, value text)
  LANGUAGE sql IMMUTABLE
  AS $$
  SELECT d.dimension, d.department, d.left_year, c.question_id, c.value
  FROM (
    SELECT '' AS question_id, '*' AS value
    UNION ALL
    SELECT '#day', day::text WHERE day IS NOT NULL
    UNION ALL
    SELECT a.key, v.value
    FROM jsonb_each(given) a
    JOIN jsonb_array_elements(questions) q ON q ->> 'id' = a.key
    CROSS JOIN LATERAL (
      SELECT '*' AS value
      UNION ALL
      SELECT e FROM jsonb_array_elements_text(
        CASE WHEN jsonb_typeof(a.value) = 'array' THEN a.value ELSE jsonb_build_array(a.value) END) e
      WHERE q ->> 'type' IN ('single', 'multiple', 'scale', 'nps')
    ) v
  ) c
  CROSS JOIN LATERAL (
    SELECT '' AS dimension, '' AS department, 0 AS left_year
    UNION ALL
    SELECT 'department', coalesce(facts ->> 'department', ''), 0 WHERE c.question_id <> '#day'
    UNION ALL
    SELECT 'leftYear', '', coalesce((facts ->> 'leftYear')::integer, 0) WHERE c.question_id <> '#day'
  ) d
$$;
--> statement-breakpoint
-- Adds submitted responses to their surveys' counts (sign -1 takes them away). A survey being deleted is
-- no longer found, so its cascading responses add nothing back. Rows are written in key order so two
-- transactions counting at once wait for each other instead of deadlocking.
CREATE FUNCTION enishi_count_survey_answers(changed survey_responses[], sign integer) RETURNS void
  LANGUAGE sql
  AS $$
  INSERT INTO survey_answer_counts (tenant_id, survey_id, dimension, question_id, value, department, left_year, n)
  SELECT r.tenant_id, r.survey_id, k.dimension, k.question_id, k.value, k.department, k.left_year, count(*) * sign
  FROM unnest(changed) r
  JOIN surveys s ON s.tenant_id = r.tenant_id AND s.id = r.survey_id
  CROSS JOIN LATERAL enishi_survey_answer_keys(s.questions, r.answers, r.facts, r.submitted_on) k
  WHERE r.status = 'submitted'
  GROUP BY 1, 2, 3, 4, 5, 6, 7
  ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (tenant_id, survey_id, dimension, question_id, value, department, left_year)
  DO UPDATE SET n = survey_answer_counts.n + excluded.n
$$;
--> statement-breakpoint
CREATE FUNCTION enishi_survey_responses_counted() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  -- The transition tables hold anonymous records; row(…)::survey_responses gives them the table's type.
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM enishi_count_survey_answers(
      array(SELECT row(o.*)::survey_responses FROM old_rows o WHERE o.status = 'submitted'), -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM enishi_count_survey_answers(
      array(SELECT row(n.*)::survey_responses FROM new_rows n WHERE n.status = 'submitted'), 1);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER survey_responses_counted_insert AFTER INSERT ON survey_responses
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enishi_survey_responses_counted();
--> statement-breakpoint
CREATE TRIGGER survey_responses_counted_update AFTER UPDATE ON survey_responses
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enishi_survey_responses_counted();
--> statement-breakpoint
CREATE TRIGGER survey_responses_counted_delete AFTER DELETE ON survey_responses
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION enishi_survey_responses_counted();
--> statement-breakpoint
INSERT INTO "maintenance_tasks" ("name") VALUES ('surveys.rebuild_answer_counts') ON CONFLICT DO NOTHING;

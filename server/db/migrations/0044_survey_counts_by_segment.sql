-- Survey results by registry segment: each submitted answer is also counted once per segment its
-- respondent's record was in when answering (facts.segments, captured at submission like department
-- and leaving year). Answers stored before carry no segments, so there is nothing to recount.
ALTER TABLE "survey_answer_counts" ADD COLUMN "segment_id" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "survey_answer_counts" DROP CONSTRAINT "survey_answer_counts_tenant_id_survey_id_dimension_question_id_value_department_left_year_pk";--> statement-breakpoint
ALTER TABLE "survey_answer_counts" ADD CONSTRAINT "survey_answer_counts_tenant_id_survey_id_dimension_question_id_value_department_left_year_segment_id_pk" PRIMARY KEY("tenant_id","survey_id","dimension","question_id","value","department","left_year","segment_id");--> statement-breakpoint
DROP FUNCTION enishi_survey_answer_keys(jsonb, jsonb, jsonb, date);--> statement-breakpoint
CREATE FUNCTION enishi_survey_answer_keys(questions jsonb, given jsonb, facts jsonb, day date)
  RETURNS TABLE (dimension text, department text, left_year integer, segment_id text, question_id text, value text)
  LANGUAGE sql IMMUTABLE
  AS $$
  SELECT d.dimension, d.department, d.left_year, d.segment_id, c.question_id, c.value
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
    SELECT '' AS dimension, '' AS department, 0 AS left_year, '' AS segment_id
    UNION ALL
    SELECT 'department', coalesce(facts ->> 'department', ''), 0, '' WHERE c.question_id <> '#day'
    UNION ALL
    SELECT 'leftYear', '', coalesce((facts ->> 'leftYear')::integer, 0), '' WHERE c.question_id <> '#day'
    UNION ALL
    SELECT DISTINCT 'segment', '', 0, s.id
    FROM jsonb_array_elements_text(
      CASE WHEN jsonb_typeof(facts -> 'segments') = 'array' THEN facts -> 'segments' ELSE '[]'::jsonb END) s(id)
    WHERE c.question_id <> '#day'
  ) d
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION enishi_count_survey_answers(changed survey_responses[], sign integer) RETURNS void
  LANGUAGE sql
  AS $$
  INSERT INTO survey_answer_counts (tenant_id, survey_id, dimension, question_id, value, department, left_year, segment_id, n)
  SELECT r.tenant_id, r.survey_id, k.dimension, k.question_id, k.value, k.department, k.left_year, k.segment_id,
    count(*) * sign
  FROM unnest(changed) r
  JOIN surveys s ON s.tenant_id = r.tenant_id AND s.id = r.survey_id
  CROSS JOIN LATERAL enishi_survey_answer_keys(s.questions, r.answers, r.facts, r.submitted_on) k
  WHERE r.status = 'submitted'
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (tenant_id, survey_id, dimension, question_id, value, department, left_year, segment_id)
  DO UPDATE SET n = survey_answer_counts.n + excluded.n
$$;

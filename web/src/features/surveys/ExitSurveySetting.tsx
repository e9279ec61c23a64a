import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, FormError, fieldErrorOf, Loading, Notice } from '../../app/ui';
import { type StaffSurvey, surveyKeys } from './survey-model';

/** The link target on a record page that has no exit survey to offer yet. */
export const exitSurveyAnchor = 'exit-survey';

/**
 * Which survey HR hands leavers on their last working day. Only surveys the server would accept are
 * offered (open, named, with a would-return question), so a refusal is rare; it is still shown if it comes.
 */
export function ExitSurveySetting({ slug, surveys }: { slug: string; surveys: readonly StaffSurvey[] }) {
  const { data, error } = useQuery({
    queryKey: surveyKeys.exit(slug),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/surveys/exit', { params: { path: { slug } }, signal })),
  });
  if (!data) return error ? <ErrorMessage error={error} /> : <Loading />;
  return <ExitSurveyForm slug={slug} surveyId={data.surveyId} surveys={surveys} />;
}

function ExitSurveyForm(props: { slug: string; surveyId: string | null; surveys: readonly StaffSurvey[] }) {
  const { t, locale } = useI18n();
  const id = useId();
  const queryClient = useQueryClient();
  const [surveyId, setSurveyId] = useState(props.surveyId ?? '');
  const candidates = props.surveys.filter(
    (survey) =>
      survey.id === props.surveyId ||
      (survey.status === 'open' &&
        survey.anonymity === 'named' &&
        survey.questions.some((question) => question.wouldReturn)),
  );
  const save = useMutation({
    mutationFn: () =>
      call(
        client.PUT('/v1/t/{slug}/surveys/exit', {
          params: { path: { slug: props.slug } },
          body: { surveyId: surveyId === '' ? null : surveyId },
        }),
      ),
    onSuccess: (saved) => queryClient.setQueryData(surveyKeys.exit(props.slug), saved),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!save.isPending) save.mutate();
  };
  const title = (survey: StaffSurvey) => (locale === 'en' && survey.texts.title.en) || survey.texts.title.ja;
  const fieldError = fieldErrorOf(save.error, 'surveyId');
  return (
    <form
      className="card"
      id={exitSurveyAnchor}
      onSubmit={onSubmit}
      noValidate
      aria-labelledby={`${id}-title`}
    >
      <h3 id={`${id}-title`}>{t('surveys.exit.title')}</h3>
      <p className="hint">{t('surveys.exit.lead')}</p>
      {candidates.length === 0 && <p className="muted">{t('surveys.exit.noCandidates')}</p>}
      <FormError error={save.error} />
      <div className="field">
        <label htmlFor={`${id}-survey`}>{t('surveys.exit.survey')}</label>
        <select
          id={`${id}-survey`}
          value={surveyId}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? `${id}-error` : undefined}
          onChange={(event) => {
            setSurveyId(event.target.value);
            save.reset();
          }}
        >
          <option value="">{t('surveys.exit.none')}</option>
          {candidates.map((survey) => (
            <option key={survey.id} value={survey.id}>
              {title(survey)}
            </option>
          ))}
        </select>
        {fieldError && (
          <p className="field-error" id={`${id}-error`}>
            {fieldError}
          </p>
        )}
      </div>
      {save.isSuccess && <Notice>{t('surveys.exit.saved')}</Notice>}
      <div className="actions">
        <button type="submit" disabled={save.isPending}>
          {t('surveys.exit.save')}
        </button>
      </div>
    </form>
  );
}

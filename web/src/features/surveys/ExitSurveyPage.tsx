import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError, call, client } from '../../app/api';
import type { Schemas } from '../../app/api/types';
import { useI18n } from '../../app/i18n';
import type { MessageKey } from '../../app/messages/ja';
import { ErrorMessage, FormError, fieldErrorOf, Loading } from '../../app/ui';
import { QuestionInput } from './QuestionInput';
import { SurveyThanks } from './SurveyThanks';
import { type Answers, answersToSend, shownQuestions } from './survey-model';

type ExitPage = Schemas['ExitSurveyPage'];

const exitKey = (slug: string, token: string) => ['exit-survey', slug, token] as const;

/** Why a link cannot be answered, by the server's problem code; each has its own explanation. */
const linkStates: Record<string, string> = {
  exit_link_unknown: 'unknown',
  exit_link_used: 'used',
  exit_link_revoked: 'revoked',
  exit_link_expired: 'expired',
  survey_closed: 'closed',
};

function linkStateOf(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  // A token of the wrong shape is refused by the route's validation before it is looked up.
  if (error.problem.status === 422 && error.problem.errors?.some((e) => e.path === 'token')) return 'unknown';
  return linkStates[error.problem.code] ?? null;
}

/**
 * The exit survey a leaver opens from HR's link (mailed, or handed over on the last working day), on
 * their phone and signed out: the link is the proof. The questions, the contact-consent choice, then the
 * thank-you. The token stays after `#`, so it never reaches a server log.
 */
export function ExitSurveyPage() {
  const { slug = '' } = useParams();
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
  const { data, error } = useQuery({
    queryKey: exitKey(slug, token),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/exit-survey/{slug}/{token}', { params: { path: { slug, token } }, signal })),
    enabled: token !== '',
  });
  const state = token === '' ? 'unknown' : linkStateOf(error);
  if (state) return <LinkUnavailable state={state} />;
  if (!data) return error ? <ErrorMessage error={error} /> : <Loading />;
  return <ExitSurveyForm slug={slug} token={token} page={data} />;
}

function LinkUnavailable({ state }: { state: string }) {
  const { t } = useI18n();
  return (
    <section className="card narrow" role="alert">
      <h1>{t(`exitSurvey.state.${state}.title` as MessageKey)}</h1>
      <p>{t(`exitSurvey.state.${state}.body` as MessageKey)}</p>
    </section>
  );
}

function ExitSurveyForm({ slug, token, page }: { slug: string; token: string; page: ExitPage }) {
  const { t } = useI18n();
  const id = useId();
  const queryClient = useQueryClient();
  const { survey, consent } = page;
  const [answers, setAnswers] = useState<Answers>({});
  const [granted, setGranted] = useState(false);
  const [sentGranted, setSentGranted] = useState<boolean | null>(null);
  const shown = shownQuestions(survey.questions, answers);
  const submit = useMutation({
    mutationFn: () =>
      call(
        client.POST('/v1/exit-survey/{slug}/{token}/response', {
          params: { path: { slug, token } },
          body: {
            answers: answersToSend(survey.questions, answers),
            consent: { granted, version: consent.version },
          },
        }),
      ),
    onSuccess: (answered) => {
      setSentGranted(granted);
      queryClient.setQueryData(exitKey(slug, token), answered);
      window.scrollTo(0, 0);
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!submit.isPending) submit.mutate();
  };
  if (survey.state === 'submitted')
    return (
      <SurveyThanks survey={survey}>
        {sentGranted !== null && (
          <p className="hint">
            {t(sentGranted ? 'exitSurvey.thanks.granted' : 'exitSurvey.thanks.declined')}
          </p>
        )}
      </SurveyThanks>
    );
  // Answered in another tab, or the link replaced meanwhile: say so rather than show a bare error.
  const submitState = linkStateOf(submit.error);
  if (submitState) return <LinkUnavailable state={submitState} />;
  return (
    <section>
      <h1>{survey.title}</h1>
      <p className="lead">{t('exitSurvey.welcome')}</p>
      {survey.welcome && <p className="pre">{survey.welcome}</p>}
      <p className="hint">
        {t('exitSurvey.named')} {t('surveys.link.once')}
      </p>
      <form onSubmit={onSubmit} noValidate className="survey-form">
        <FormError error={submit.error} />
        {survey.questions
          .filter((question) => shown.has(question.id))
          .map((question, index) => (
            <QuestionInput
              key={question.id}
              question={question}
              number={index + 1}
              value={answers[question.id]}
              error={fieldErrorOf(submit.error, `answers.${question.id}`)}
              onChange={(value) => {
                const next = { ...answers };
                if (value === undefined) delete next[question.id];
                else next[question.id] = value;
                setAnswers(next);
              }}
            />
          ))}
        <fieldset className="card inset">
          <legend>{t('exitSurvey.consent.legend')}</legend>
          <label className="check">
            <input
              type="checkbox"
              checked={granted}
              aria-describedby={`${id}-consent-hint`}
              onChange={(event) => setGranted(event.target.checked)}
            />
            {consent.text}
          </label>
          <p className="hint" id={`${id}-consent-hint`}>
            {t('exitSurvey.consent.hint')}
          </p>
        </fieldset>
        <div className="actions">
          <button type="submit" disabled={submit.isPending}>
            {t('surveys.answer.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError, call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, FormError, fieldErrorOf, Loading, Notice } from '../../app/ui';
import { QuestionInput } from './QuestionInput';
import { SurveyThanks } from './SurveyThanks';
import { type Answers, answersToSend, type MemberSurvey, shownQuestions } from './survey-model';

const linkKey = (slug: string, token: string) => ['survey-link', slug, token] as const;

/**
 * A survey opened from the link in a mail, by someone who may never have joined: no sign-in, the link is
 * the proof. Answered once on the phone, then the thank-you.
 */
export function LinkedSurveyPage() {
  const { t } = useI18n();
  const { slug = '' } = useParams();
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
  const { data, error } = useQuery({
    queryKey: linkKey(slug, token),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/survey-links/{slug}/{token}', { params: { path: { slug, token } }, signal })),
    enabled: token !== '',
  });
  if (!token || (error instanceof ApiError && [404, 422].includes(error.problem.status)))
    return (
      <section className="card narrow">
        <p className="alert alert-error" role="alert">
          {t('surveys.link.notFound')}
        </p>
      </section>
    );
  if (!data) return error ? <ErrorMessage error={error} /> : <Loading />;
  return <LinkedSurveyForm slug={slug} token={token} survey={data} />;
}

function LinkedSurveyForm({ slug, token, survey }: { slug: string; token: string; survey: MemberSurvey }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [answers, setAnswers] = useState<Answers>({});
  const shown = shownQuestions(survey.questions, answers);
  const submit = useMutation({
    mutationFn: () =>
      call(
        client.POST('/v1/survey-links/{slug}/{token}/response', {
          params: { path: { slug, token } },
          body: { answers: answersToSend(survey.questions, answers) },
        }),
      ),
    onSuccess: (answered) => {
      queryClient.setQueryData(linkKey(slug, token), answered);
      window.scrollTo(0, 0);
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!submit.isPending) submit.mutate();
  };
  if (survey.state === 'submitted') return <SurveyThanks survey={survey} />;
  return (
    <section>
      <h1>{survey.title}</h1>
      {survey.welcome && <p className="pre lead">{survey.welcome}</p>}
      <p className="hint">
        {t(survey.anonymity === 'anonymous' ? 'surveys.link.anonymous' : 'surveys.link.named')}{' '}
        {t('surveys.link.once')}
      </p>
      {!survey.accepting ? (
        <Notice>{t('surveys.answer.closed')}</Notice>
      ) : (
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
          <div className="actions">
            <button type="submit" disabled={submit.isPending}>
              {t('surveys.answer.submit')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

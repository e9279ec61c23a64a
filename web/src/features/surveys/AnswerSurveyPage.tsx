import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, FormError, fieldErrorOf, Loading, Notice } from '../../app/ui';
import { useCommunity } from '../community/community-context';
import { QuestionInput } from './QuestionInput';
import { SurveyThanks } from './SurveyThanks';
import { type Answers, answersToSend, type MemberSurvey, shownQuestions, surveyKeys } from './survey-model';

/** Where an anonymous survey's unfinished answers wait: this device only, never the server. */
const deviceDraftKey = (slug: string, id: string) => `enishi.survey.${slug}.${id}`;

function readDeviceDraft(slug: string, id: string): Answers | null {
  try {
    const saved = window.localStorage.getItem(deviceDraftKey(slug, id));
    return saved ? (JSON.parse(saved) as Answers) : null;
  } catch {
    return null;
  }
}

/** A member answers a survey on the phone: a draft kept to finish later, then the thank-you. */
export function AnswerSurveyPage() {
  const { id = '' } = useParams();
  const { slug } = useCommunity();
  const { data, error } = useQuery({
    queryKey: surveyKeys.mySurvey(slug, id),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/community/surveys/{id}', { params: { path: { slug, id } }, signal })),
    staleTime: 0,
  });
  if (!data) return error ? <ErrorMessage error={error} /> : <Loading />;
  return <SurveyAnswerForm key={data.id} slug={slug} survey={data} />;
}

function SurveyAnswerForm({ slug, survey }: { slug: string; survey: MemberSurvey }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const anonymous = survey.anonymity === 'anonymous';
  const [answers, setAnswers] = useState<Answers>(
    () => (anonymous ? readDeviceDraft(slug, survey.id) : (survey.draft as Answers | null)) ?? {},
  );
  const [notice, setNotice] = useState<string | null>(null);
  const shown = shownQuestions(survey.questions, answers);

  const saveDraft = useMutation({
    mutationFn: async () => {
      const body = { answers: answersToSend(survey.questions, answers) };
      if (anonymous)
        window.localStorage.setItem(deviceDraftKey(slug, survey.id), JSON.stringify(body.answers));
      else
        await call(
          client.PUT('/v1/t/{slug}/community/surveys/{id}/draft', {
            params: { path: { slug, id: survey.id } },
            body,
          }),
        );
    },
    onSuccess: async () => {
      setNotice(t('surveys.answer.draftSaved'));
      await queryClient.invalidateQueries({ queryKey: surveyKeys.mine(slug) });
    },
  });
  const submit = useMutation({
    mutationFn: () =>
      call(
        client.POST('/v1/t/{slug}/community/surveys/{id}/response', {
          params: { path: { slug, id: survey.id } },
          body: { answers: answersToSend(survey.questions, answers) },
        }),
      ),
    onSuccess: async (answered) => {
      window.localStorage.removeItem(deviceDraftKey(slug, survey.id));
      queryClient.setQueryData(surveyKeys.mySurvey(slug, survey.id), answered);
      await queryClient.invalidateQueries({ queryKey: surveyKeys.mine(slug) });
      window.scrollTo(0, 0);
    },
  });
  const error = submit.error ?? saveDraft.error;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate();
  };
  const back = (
    <p>
      <Link to={`/t/${slug}/surveys`}>{t('surveys.answer.back')}</Link>
    </p>
  );

  if (survey.state === 'submitted') return <SurveyThanks survey={survey}>{back}</SurveyThanks>;
  return (
    <section>
      <h1>{survey.title}</h1>
      {survey.welcome && <p className="pre lead">{survey.welcome}</p>}
      <p className="hint">{t(anonymous ? 'surveys.answer.anonymous' : 'surveys.answer.named')}</p>
      {!survey.accepting ? (
        <>
          <Notice>{t('surveys.answer.closed')}</Notice>
          {back}
        </>
      ) : (
        <form onSubmit={onSubmit} noValidate className="survey-form">
          <FormError error={error} />
          {survey.questions
            .filter((question) => shown.has(question.id))
            .map((question, index) => (
              <QuestionInput
                key={question.id}
                question={question}
                number={index + 1}
                value={answers[question.id]}
                error={fieldErrorOf(error, `answers.${question.id}`)}
                onChange={(value) => {
                  const next = { ...answers };
                  if (value === undefined) delete next[question.id];
                  else next[question.id] = value;
                  setAnswers(next);
                  setNotice(null);
                }}
              />
            ))}
          {notice && <Notice>{notice}</Notice>}
          <div className="actions">
            <button
              type="button"
              className="secondary"
              disabled={saveDraft.isPending || submit.isPending}
              onClick={() => saveDraft.mutate()}
            >
              {t('surveys.answer.saveDraft')}
            </button>
            <button type="submit" disabled={saveDraft.isPending || submit.isPending}>
              {t('surveys.answer.submit')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

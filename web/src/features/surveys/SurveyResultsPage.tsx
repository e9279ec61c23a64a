import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Loading, Notice } from '../../app/ui';
import { useConsoleHome } from '../admin/AdminLayout';
import { QuestionResult } from './QuestionResult';
import { ResponseRate } from './ResponseRate';
import { SurveyReminders } from './SurveyReminders';
import { surveyKeys } from './survey-model';

type By = '' | 'department' | 'leftYear' | 'segment';

/** A survey's results for staff: per question, free texts with search, a breakdown, CSV and closing. */
export function SurveyResultsPage() {
  const { id = '' } = useParams();
  const { t, locale, formatDateTime } = useI18n();
  const { tenant } = useConsoleHome();
  const slug = tenant.slug;
  const formId = useId();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [by, setBy] = useState<By>('');
  const [notice, setNotice] = useState<string | null>(null);
  const { data, error } = useQuery({
    queryKey: surveyKeys.results(slug, id, q, by),
    queryFn: ({ signal }) =>
      call(
        client.GET('/v1/t/{slug}/surveys/{id}/results', {
          params: { path: { slug, id }, query: { ...(q ? { q } : {}), ...(by ? { by } : {}) } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  const close = useMutation({
    mutationFn: () =>
      call(
        client.POST('/v1/t/{slug}/surveys/{id}/status', {
          params: { path: { slug, id } },
          body: { status: 'closed' },
        }),
      ),
    onSuccess: async () => {
      setNotice(t('surveys.results.closed'));
      await queryClient.invalidateQueries({ queryKey: ['surveys', slug] });
    },
  });
  const send = useMutation({
    mutationFn: () => call(client.POST('/v1/t/{slug}/surveys/{id}/send', { params: { path: { slug, id } } })),
    onSuccess: async (sent) => {
      setNotice(t('surveys.sent', { inApp: sent.inApp, email: sent.email }));
      await queryClient.invalidateQueries({ queryKey: surveyKeys.reminders(slug, id) });
    },
  });
  if (!data) return error ? <ErrorMessage error={error} /> : <Loading />;
  const { survey } = data;
  const say = (wording: { ja: string; en: string }) =>
    locale === 'en' && wording.en ? wording.en : wording.ja;
  const questions = new Map(survey.questions.map((question) => [question.id, question]));
  const exportUrl = (encoding: 'utf8' | 'cp932') =>
    `/api/v1/t/${slug}/surveys/${id}/export?encoding=${encoding}`;
  const groupLabel = (label: string | null) => label ?? t('surveys.results.unknownGroup');
  return (
    <section>
      <p className="small">
        <Link to={`/t/${slug}/admin/surveys`}>{t('surveys.title')}</Link>
      </p>
      <h2>{say(survey.texts.title)}</h2>
      <p className="small muted">
        <span className={`badge${survey.status === 'open' ? ' ok' : ''}`}>
          {t(`surveys.status.${survey.status}`)}
        </span>{' '}
        <span className="badge">{t(`surveys.anonymity.${survey.anonymity}`)}</span>
        {survey.closesAt && ` ・ ${t('surveys.closesAt', { date: formatDateTime(survey.closesAt) })}`}
      </p>
      {survey.anonymity === 'anonymous' && <p className="hint">{t('surveys.results.anonymousNote')}</p>}
      {notice && <Notice>{notice}</Notice>}
      <ErrorMessage error={close.error ?? send.error} />
      <dl className="facts">
        <div>
          <dt>{t('surveys.results.count')}</dt>
          <dd>{data.responses}</dd>
        </div>
      </dl>
      <div className="actions">
        <a className="button secondary" href={exportUrl('utf8')} download>
          {t('surveys.results.download')}
        </a>
        <a className="button secondary" href={exportUrl('cp932')} download>
          {t('surveys.results.downloadSjis')}
        </a>
        <Link className="button secondary" to={`/t/${slug}/admin/surveys/${id}/report`}>
          {t('surveys.report.open')}
        </Link>
        {survey.status === 'open' && (
          <button
            type="button"
            aria-describedby={`${formId}-send-hint`}
            disabled={send.isPending}
            onClick={() => send.mutate()}
          >
            {t('surveys.send')}
          </button>
        )}
        {survey.status === 'open' && (
          <button type="button" className="danger" disabled={close.isPending} onClick={() => close.mutate()}>
            {t('surveys.results.close')}
          </button>
        )}
      </div>
      {survey.status === 'open' && (
        <p className="hint" id={`${formId}-send-hint`}>
          {t('surveys.sendHint')}
        </p>
      )}
      <ResponseRate perDay={data.perDay} />
      {survey.status !== 'draft' && (
        <SurveyReminders
          slug={slug}
          surveyId={id}
          hasClosing={survey.closesAt !== null}
          open={survey.status === 'open'}
        />
      )}
      <div className="field">
        <label htmlFor={`${formId}-q`}>{t('surveys.results.search')}</label>
        <input id={`${formId}-q`} type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      </div>
      {data.questions.map((summary, index) => {
        const question = questions.get(summary.questionId);
        if (!question) return null;
        return (
          <article key={summary.questionId} className="card">
            <h3>
              {index + 1}. {say(question.text)}
            </h3>
            <QuestionResult question={question} summary={summary} textSource={{ slug, surveyId: id, q }} />
          </article>
        );
      })}
      <div className="field">
        <label htmlFor={`${formId}-by`}>{t('surveys.results.breakdown')}</label>
        <select id={`${formId}-by`} value={by} onChange={(e) => setBy(e.target.value as By)}>
          <option value="">{t('surveys.results.byNone')}</option>
          <option value="department">{t('surveys.results.byDepartment')}</option>
          <option value="leftYear">{t('surveys.results.byLeftYear')}</option>
          <option value="segment">{t('surveys.results.bySegment')}</option>
        </select>
      </div>
      {data.breakdown && (
        <>
          {data.breakdown.by === 'segment' && <p className="hint">{t('surveys.results.segmentHint')}</p>}
          {survey.anonymity === 'anonymous' && (
            <p className="hint">
              {t(
                data.breakdown.by === 'segment'
                  ? 'surveys.results.segmentSmallHidden'
                  : 'surveys.results.smallHidden',
              )}
            </p>
          )}
          {data.breakdown.by === 'segment' && data.breakdown.groups.length === 0 && (
            <p className="muted">{t('surveys.results.noSegments')}</p>
          )}
          {[
            ...data.breakdown.groups.map((group) => ({ ...group, title: groupLabel(group.label) })),
            ...(data.breakdown.other
              ? [{ ...data.breakdown.other, title: t('surveys.results.otherGroup') }]
              : []),
          ].map((group) => (
            <article key={group.title} className="card">
              <h3>
                {group.title}{' '}
                <span className="small muted">{t('surveys.results.people', { count: group.responses })}</span>
              </h3>
              {group.questions.map((summary) => {
                const question = questions.get(summary.questionId);
                if (!question) return null;
                return (
                  <div key={summary.questionId}>
                    <h4>{say(question.text)}</h4>
                    <QuestionResult question={question} summary={summary} />
                  </div>
                );
              })}
            </article>
          ))}
        </>
      )}
    </section>
  );
}

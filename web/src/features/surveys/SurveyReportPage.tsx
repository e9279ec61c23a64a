import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Loading } from '../../app/ui';
import { useConsoleHome } from '../admin/AdminLayout';
import { QuestionResult } from './QuestionResult';
import { surveyKeys } from './survey-model';

/**
 * The printable report of a survey's results: a cover with the figures, then one page per question
 * (its chart and numbers; written answers as listed). Print CSS hides the console around it.
 */
export function SurveyReportPage() {
  const { id = '' } = useParams();
  const { t, locale, formatDateTime } = useI18n();
  const { tenant } = useConsoleHome();
  const slug = tenant.slug;
  const { data, error } = useQuery({
    queryKey: surveyKeys.results(slug, id, '', ''),
    queryFn: ({ signal }) =>
      call(
        // The printed report lists written answers as far as the results allow in one read.
        client.GET('/v1/t/{slug}/surveys/{id}/results', {
          params: { path: { slug, id }, query: { texts: 500 } },
          signal,
        }),
      ),
    staleTime: 0,
  });
  if (!data) return error ? <ErrorMessage error={error} /> : <Loading />;
  const { survey } = data;
  const say = (wording: { ja: string; en: string }) =>
    locale === 'en' && wording.en ? wording.en : wording.ja;
  const questions = new Map(survey.questions.map((question) => [question.id, question]));
  const invited = data.perDay.reduce((sum, day) => sum + day.invited, 0);
  return (
    <article className="survey-report">
      <div className="no-print">
        <p className="small">
          <Link to={`/t/${slug}/admin/surveys/${id}`}>{t('surveys.report.back')}</Link>
        </p>
        <div className="actions">
          <button type="button" onClick={() => window.print()}>
            {t('surveys.report.print')}
          </button>
        </div>
        <p className="hint">{t('surveys.report.hint')}</p>
      </div>
      <section className="report-page">
        <h2>{say(survey.texts.title)}</h2>
        <dl className="facts">
          <div>
            <dt>{t('surveys.report.anonymity')}</dt>
            <dd>{t(`surveys.anonymity.${survey.anonymity}`)}</dd>
          </div>
          <div>
            <dt>{t('surveys.results.count')}</dt>
            <dd>{data.responses}</dd>
          </div>
          {invited > 0 && (
            <div>
              <dt>{t('surveys.report.rate')}</dt>
              <dd>
                {Math.min(100, Math.round((data.responses / invited) * 100))}% ({data.responses} / {invited})
              </dd>
            </div>
          )}
          {survey.closesAt && (
            <div>
              <dt>{t('surveys.report.closes')}</dt>
              <dd>{formatDateTime(survey.closesAt)}</dd>
            </div>
          )}
          <div>
            <dt>{t('surveys.report.made')}</dt>
            <dd>{formatDateTime(new Date().toISOString())}</dd>
          </div>
        </dl>
        {survey.anonymity === 'anonymous' && <p className="hint">{t('surveys.results.anonymousNote')}</p>}
      </section>
      {data.questions.map((summary, index) => {
        const question = questions.get(summary.questionId);
        if (!question) return null;
        return (
          <section key={summary.questionId} className="report-page">
            <h3>
              {index + 1}. {say(question.text)}
            </h3>
            <QuestionResult question={question} summary={summary} />
          </section>
        );
      })}
    </article>
  );
}

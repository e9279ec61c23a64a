import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Loading } from '../../app/ui';
import { useConsoleHome } from '../admin/AdminLayout';
import { ExitSurveySetting } from './ExitSurveySetting';
import { PulseSettings } from './PulseSettings';
import { surveyKeys } from './survey-model';

/** The console's list of surveys: status, responses, and the way to build or read each. */
export function SurveysPage() {
  const { t, locale, formatDateTime } = useI18n();
  const { tenant } = useConsoleHome();
  const slug = tenant.slug;
  const { data, error } = useQuery({
    queryKey: surveyKeys.staffList(slug),
    queryFn: ({ signal }) => call(client.GET('/v1/t/{slug}/surveys', { params: { path: { slug } }, signal })),
    staleTime: 0,
  });
  const base = `/t/${slug}/admin/surveys`;
  return (
    <section>
      <h2>{t('surveys.title')}</h2>
      <p className="lead">{t('surveys.lead')}</p>
      <p>
        <Link className="button" to={`${base}/new`}>
          {t('surveys.new')}
        </Link>
      </p>
      {!data ? (
        error ? (
          <ErrorMessage error={error} />
        ) : (
          <Loading />
        )
      ) : data.surveys.length === 0 ? (
        <p className="muted">{t('surveys.empty')}</p>
      ) : (
        <ul className="list">
          {data.surveys.map((survey) => {
            const title =
              locale === 'en' && survey.texts.title.en ? survey.texts.title.en : survey.texts.title.ja;
            return (
              <li key={survey.id} className="list-row">
                <div>
                  <Link to={survey.status === 'draft' ? `${base}/${survey.id}/edit` : `${base}/${survey.id}`}>
                    <strong>{title}</strong>
                  </Link>
                  <p className="small muted">
                    <span className={`badge${survey.status === 'open' ? ' ok' : ''}`}>
                      {t(`surveys.status.${survey.status}`)}
                    </span>{' '}
                    <span className="badge">{t(`surveys.anonymity.${survey.anonymity}`)}</span>{' '}
                    {t('surveys.responses', { count: survey.responses })}
                    {survey.closesAt &&
                      ` ・ ${t('surveys.closesAt', { date: formatDateTime(survey.closesAt) })}`}
                  </p>
                </div>
                {survey.status === 'draft' ? (
                  <Link className="button secondary" to={`${base}/${survey.id}/edit`}>
                    {t('surveys.edit')}
                  </Link>
                ) : (
                  <Link className="button secondary" to={`${base}/${survey.id}`}>
                    {t('surveys.results')}
                  </Link>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {data && <PulseSettings slug={slug} surveys={data.surveys} />}
      {data && <ExitSurveySetting slug={slug} surveys={data.surveys} />}
    </section>
  );
}

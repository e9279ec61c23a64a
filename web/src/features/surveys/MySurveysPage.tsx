import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Loading } from '../../app/ui';
import { useCommunity } from '../community/community-context';
import { surveyKeys } from './survey-model';

const stateLabel = {
  not_started: 'surveys.mine.notStarted',
  draft: 'surveys.mine.draft',
  submitted: 'surveys.mine.submitted',
} as const;

/** The open surveys meant for the member, with where they are in each. */
export function MySurveysPage() {
  const { t, formatDateTime } = useI18n();
  const { slug } = useCommunity();
  const { data, error } = useQuery({
    queryKey: surveyKeys.mine(slug),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/community/surveys', { params: { path: { slug } }, signal })),
    staleTime: 0,
  });
  return (
    <section>
      <h1>{t('surveys.mine.title')}</h1>
      <p className="lead">{t('surveys.mine.lead')}</p>
      {!data ? (
        error ? (
          <ErrorMessage error={error} />
        ) : (
          <Loading />
        )
      ) : data.surveys.length === 0 ? (
        <p className="muted">{t('surveys.mine.empty')}</p>
      ) : (
        <ul className="list">
          {data.surveys.map((survey) => (
            <li key={survey.id} className="list-row">
              <div>
                <Link to={`/t/${slug}/surveys/${survey.id}`}>
                  <strong>{survey.title}</strong>
                </Link>
                <p className="small muted">
                  <span className={`badge${survey.state === 'submitted' ? ' ok' : ''}`}>
                    {t(stateLabel[survey.state])}
                  </span>{' '}
                  <span className="badge">{t(`surveys.anonymity.${survey.anonymity}`)}</span>
                  {survey.closesAt &&
                    ` ・ ${t('surveys.closesAt', { date: formatDateTime(survey.closesAt) })}`}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

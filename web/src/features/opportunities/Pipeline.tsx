import { useQuery } from '@tanstack/react-query';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Loading } from '../../app/ui';
import { CandidateCard } from './CandidateCard';
import { opportunityKeys } from './opportunity-model';

/** The candidate cards of one opportunity (or of all), with the CSV downloads. */
export function Pipeline({ slug, opportunity }: { slug: string; opportunity?: string }) {
  const { t } = useI18n();
  const candidates = useQuery({
    queryKey: opportunityKeys.candidates(slug, opportunity ?? ''),
    queryFn: ({ signal }) =>
      call(
        client.GET('/v1/t/{slug}/candidates', {
          params: { path: { slug }, query: opportunity ? { opportunity } : {} },
          signal,
        }),
      ),
  });
  const exportUrl = (encoding: 'utf8' | 'cp932') => {
    const query = new URLSearchParams({ encoding, ...(opportunity ? { opportunity } : {}) });
    return `/api/v1/t/${slug}/candidates/export?${query}`;
  };
  const list = candidates.data?.candidates;
  return (
    <>
      <p>
        <a href={exportUrl('utf8')} download>
          {t('oppsAdmin.export')}
        </a>
        {' ・ '}
        <a href={exportUrl('cp932')} download>
          {t('oppsAdmin.exportSjis')}
        </a>
      </p>
      <ErrorMessage error={candidates.error} />
      {candidates.isPending && <Loading />}
      {list && list.length === 0 && <p className="muted">{t('oppsAdmin.noCandidates')}</p>}
      <ul className="list">
        {list?.map((candidate) => (
          <CandidateCard
            key={`${candidate.id}-${candidate.updatedAt}`}
            slug={slug}
            candidate={candidate}
            showOpportunity={!opportunity}
          />
        ))}
      </ul>
    </>
  );
}

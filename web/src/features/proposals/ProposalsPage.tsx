import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Loading } from '../../app/ui';
import { useCommunity } from '../community/community-context';
import { ProposalCard } from './ProposalCard';
import { ProposalForm } from './ProposalForm';
import { proposalKeys } from './proposal-model';

type View = 'mine' | 'public';

/** 提言・ご意見: write to the company, follow one's own proposals, and support the public ones. */
export function ProposalsPage() {
  const { t } = useI18n();
  const { slug } = useCommunity();
  const [view, setView] = useState<View>('mine');
  const { data, error } = useQuery({
    queryKey: proposalKeys.member(slug, view),
    queryFn: ({ signal }) =>
      call(
        client.GET('/v1/t/{slug}/community/proposals', {
          params: { path: { slug }, query: { view } },
          signal,
        }),
      ),
    staleTime: 0,
  });
  return (
    <section>
      <h1>{t('proposals.title')}</h1>
      <p className="lead">{t('proposals.lead')}</p>
      <ProposalForm slug={slug} onSent={() => setView('mine')} />
      <fieldset className="segmented">
        <legend className="visually-hidden">{t('proposals.view')}</legend>
        {(['mine', 'public'] as const).map((option) => (
          <label key={option}>
            <input type="radio" name="view" checked={view === option} onChange={() => setView(option)} />
            {t(`proposals.view.${option}`)}
          </label>
        ))}
      </fieldset>
      {!data ? (
        error ? (
          <ErrorMessage error={error} />
        ) : (
          <Loading />
        )
      ) : data.proposals.length === 0 ? (
        <p className="muted">{t(view === 'mine' ? 'proposals.emptyMine' : 'proposals.emptyPublic')}</p>
      ) : (
        <ul className="list" aria-label={t(`proposals.view.${view}`)}>
          {data.proposals.map((proposal) => (
            <li key={proposal.id}>
              <ProposalCard slug={slug} proposal={proposal} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** One proposal, opened from the list or from the notification that the company answered it. */
export function ProposalPage() {
  const { t } = useI18n();
  const { slug } = useCommunity();
  const { id = '' } = useParams();
  const { data, error } = useQuery({
    queryKey: proposalKeys.memberOne(slug, id),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/community/proposals/{id}', { params: { path: { slug, id } }, signal })),
    staleTime: 0,
  });
  return (
    <section>
      <p>
        <Link to={`/t/${slug}/proposals`}>{t('proposals.back')}</Link>
      </p>
      {data ? (
        <ProposalCard slug={slug} proposal={data} full />
      ) : error ? (
        <ErrorMessage error={error} />
      ) : (
        <Loading />
      )}
    </section>
  );
}

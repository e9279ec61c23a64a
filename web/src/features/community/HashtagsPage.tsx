import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Field } from '../../app/ui';
import { communityKeys, useCommunity } from './community-context';
import type { Hashtag } from './community-model';

/** Explore hashtags: the ones I follow, and the network's most used ones (narrowed as I type). */
export function HashtagsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { slug } = useCommunity();
  const [prefix, setPrefix] = useState('');
  const path = { slug };
  const trendingQuery = useQuery({
    queryKey: communityKeys.hashtags(slug, 'trending'),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/community/hashtags/trending', { params: { path }, signal })),
  });
  const followingQuery = useQuery({
    queryKey: communityKeys.hashtags(slug, 'following'),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/community/me/following', { params: { path }, signal })),
  });
  // The list keeps showing the last answer while the next one (for what was typed since) is on its way.
  const popularQuery = useQuery({
    queryKey: communityKeys.hashtags(slug, 'search', prefix),
    queryFn: ({ signal }) =>
      call(
        client.GET('/v1/t/{slug}/community/hashtags', {
          params: { path, query: { limit: 30, prefix } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const trending = trendingQuery.data?.hashtags ?? [];
  const following = followingQuery.data?.hashtags;
  const popular = popularQuery.data?.hashtags ?? [];
  const error = trendingQuery.error ?? followingQuery.error ?? popularQuery.error;
  const open = (event: FormEvent) => {
    event.preventDefault();
    const tag = prefix.replace(/^[#＃\s]+/, '').trim();
    if (tag) navigate(`/t/${slug}/hashtags/${encodeURIComponent(tag)}`);
  };
  const link = (tag: Hashtag) => (
    <Link to={`/t/${slug}/hashtags/${encodeURIComponent(tag.key)}`}>#{tag.label}</Link>
  );
  return (
    <section>
      <h1>{t('hashtags.title')}</h1>
      <ErrorMessage error={error} />
      <form className="card" onSubmit={open}>
        <Field label={t('hashtags.search')} name="prefix" type="search" value={prefix} onChange={setPrefix} />
      </form>
      {trending.length > 0 && (
        <>
          <h2>{t('hashtags.trending')}</h2>
          <ol className="pills">
            {trending.map((tag) => (
              <li key={tag.key}>
                {link(tag)}{' '}
                <span className="muted small">{t('hashtags.postCount', { count: tag.uses })}</span>
              </li>
            ))}
          </ol>
        </>
      )}
      <h2>{t('hashtags.following')}</h2>
      {following && following.length === 0 && <p className="muted">{t('hashtags.followingNone')}</p>}
      <ul className="pills">
        {following?.map((tag) => (
          <li key={tag.key}>{link(tag)}</li>
        ))}
      </ul>
      <h2>{t('hashtags.popular')}</h2>
      <ul className="pills">
        {popular.map((tag) => (
          <li key={tag.key}>
            {link(tag)} <span className="muted small">{t('hashtags.uses', { count: tag.uses })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

import { type FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Field } from '../../app/ui';
import { useCommunity } from './community-context';
import type { Hashtag } from './community-model';

/** Explore hashtags: the ones I follow, and the network's most used ones (narrowed as I type). */
export function HashtagsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { slug } = useCommunity();
  const [following, setFollowing] = useState<Hashtag[] | null>(null);
  const [prefix, setPrefix] = useState('');
  const [popular, setPopular] = useState<(Hashtag & { uses: number })[]>([]);
  const [trending, setTrending] = useState<(Hashtag & { uses: number })[]>([]);
  useEffect(() => {
    api<{ hashtags: (Hashtag & { uses: number })[] }>('GET', `/t/${slug}/community/hashtags/trending`).then(
      (r) => setTrending(r.hashtags),
      setError,
    );
  }, [slug]);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api<{ hashtags: Hashtag[] }>('GET', `/t/${slug}/community/me/following`).then(
      (r) => setFollowing(r.hashtags),
      setError,
    );
  }, [slug]);
  useEffect(() => {
    let current = true;
    api<{ hashtags: (Hashtag & { uses: number })[] }>(
      'GET',
      `/t/${slug}/community/hashtags?limit=30&prefix=${encodeURIComponent(prefix)}`,
    ).then((r) => current && setPopular(r.hashtags), setError);
    return () => {
      current = false;
    };
  }, [slug, prefix]);
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

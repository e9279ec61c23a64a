import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError, api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Loading } from '../../app/ui';
import { useCommunity } from './community-context';
import type { Hashtag, PersonCard } from './community-types';
import { PersonCardView } from './PersonCardView';

type TagPage = { hashtag: Hashtag; following: boolean; followers: number; people: PersonCard[] };

/** A hashtag's page: follow it, and see who carries it. A tag nobody uses yet can still be followed. */
export function HashtagPage() {
  const { tag = '' } = useParams();
  const { t } = useI18n();
  const { slug } = useCommunity();
  const [page, setPage] = useState<TagPage | null>(null);
  const [unused, setUnused] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(async () => {
    try {
      setPage(await api<TagPage>('GET', `/t/${slug}/community/hashtags/${encodeURIComponent(tag)}`));
      setUnused(false);
    } catch (caught) {
      if (caught instanceof ApiError && caught.problem.status === 404) setUnused(true);
      else throw caught;
    }
  }, [slug, tag]);
  useEffect(() => {
    setPage(null);
    load().catch(setError);
  }, [load]);
  const toggle = async (follow: boolean) => {
    try {
      await api(follow ? 'PUT' : 'DELETE', `/t/${slug}/community/hashtags/${encodeURIComponent(tag)}/follow`);
      await load();
    } catch (caught) {
      setError(caught);
    }
  };

  if (error) return <ErrorMessage error={error} />;
  if (unused) {
    return (
      <section className="card">
        <h1>#{tag.replace(/^[#＃]/, '')}</h1>
        <p className="muted">{t('hashtags.notFound')}</p>
        <button type="button" onClick={() => toggle(true)}>
          {t('hashtags.follow')}
        </button>
      </section>
    );
  }
  if (!page) return <Loading />;
  return (
    <section>
      <div className="card">
        <h1>#{page.hashtag.label}</h1>
        <p className="muted">{t('hashtags.followers', { count: page.followers })}</p>
        {page.following ? (
          <button
            type="button"
            className="secondary"
            aria-pressed="true"
            aria-label={t('hashtags.unfollowLabel', { tag: `#${page.hashtag.label}` })}
            onClick={() => toggle(false)}
          >
            {t('hashtags.unfollow')}
          </button>
        ) : (
          <button type="button" onClick={() => toggle(true)}>
            {t('hashtags.follow')}
          </button>
        )}
      </div>
      <h2>{t('hashtags.people')}</h2>
      {page.people.length === 0 && <p className="muted">{t('people.none')}</p>}
      <ul className="people">
        {page.people.map((person) => (
          <PersonCardView key={person.id} slug={slug} person={person} />
        ))}
      </ul>
    </section>
  );
}

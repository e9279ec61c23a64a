import { useCallback, useEffect, useState } from 'react';
import { call, client } from '../../app/api';
import type { Schemas } from '../../app/api/types';
import { useI18n } from '../../app/i18n';
import { ErrorMessage } from '../../app/ui';
import { GroupCard } from './GroupsPage';
import { PersonCardView } from './PersonCardView';

type Suggestions = Schemas['FeedSuggestions'];

/**
 * What a member whose timeline is empty can do next: follow a popular hashtag (its posts then arrive
 * at once), join a group, or meet people who overlapped with them or share their hashtags.
 */
export function FeedSuggestions({ slug, onFollowed }: { slug: string; onFollowed(): void }) {
  const { t } = useI18n();
  const [found, setFound] = useState<Suggestions | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(
    () =>
      call(client.GET('/v1/t/{slug}/community/feed/suggestions', { params: { path: { slug } } })).then(
        setFound,
        setError,
      ),
    [slug],
  );
  useEffect(() => {
    load();
  }, [load]);
  const follow = async (tag: string) => {
    setError(null);
    try {
      await call(
        client.PUT('/v1/t/{slug}/community/hashtags/{tag}/follow', { params: { path: { slug, tag } } }),
      );
      await load();
      onFollowed();
    } catch (caught) {
      setError(caught);
    }
  };
  if (!found) return <ErrorMessage error={error} />;
  const nothing = found.hashtags.length + found.groups.length + found.people.length === 0;
  return (
    <>
      <ErrorMessage error={error} />
      {nothing && <p>{t('feed.emptyFirstPost')}</p>}
      {found.hashtags.length > 0 && (
        <>
          <h3>{t('feed.suggest.hashtags')}</h3>
          <ul className="chips">
            {found.hashtags.map((tag) => (
              <li key={tag.key}>
                <button type="button" className="secondary small" onClick={() => follow(tag.key)}>
                  {t('feed.suggest.follow', { tag: tag.label })}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {found.groups.length > 0 && (
        <>
          <h3>{t('feed.suggest.groups')}</h3>
          <ul className="people">
            {found.groups.map((group) => (
              <GroupCard key={group.id} slug={slug} group={group} />
            ))}
          </ul>
        </>
      )}
      {found.people.length > 0 && (
        <>
          <h3>{t('feed.suggest.people')}</h3>
          <ul className="people">
            {found.people.map((person) => (
              <PersonCardView key={person.id} slug={slug} person={person} />
            ))}
          </ul>
        </>
      )}
    </>
  );
}

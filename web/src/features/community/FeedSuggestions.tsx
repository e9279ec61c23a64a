import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage } from '../../app/ui';
import { GroupCard } from './GroupsPage';
import { PersonCardView } from './PersonCardView';

/**
 * What a member whose timeline is empty can do next: follow a popular hashtag (its posts then arrive
 * at once), join a group, or meet people who overlapped with them or share their hashtags.
 */
export function FeedSuggestions({ slug, onFollowed }: { slug: string; onFollowed(): void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const suggestions = useQuery({
    queryKey: ['t', slug, 'community', 'feed', 'suggestions'],
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/community/feed/suggestions', { params: { path: { slug } }, signal })),
  });
  const follow = useMutation({
    mutationFn: (tag: string) =>
      call(client.PUT('/v1/t/{slug}/community/hashtags/{tag}/follow', { params: { path: { slug, tag } } })),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ['t', slug, 'community'] });
      onFollowed();
    },
  });
  const found = suggestions.data;
  const error = follow.error ?? suggestions.error;
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
                <button
                  type="button"
                  className="secondary small"
                  disabled={follow.isPending}
                  onClick={() => follow.mutate(tag.key)}
                >
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

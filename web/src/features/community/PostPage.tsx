import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ArrowLeft } from 'lucide-react';
import { Link, useNavigate, useParams } from 'react-router';
import { call, client } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { ErrorMessage, Loading } from '../../app/ui';
import { communityKeys, useCommunity } from './community-context';
import { PostCard } from './PostCard';

/** One post on its own page (linked from the feed and notifications), with a way back to the timeline. */
export function PostPage() {
  const { id = '' } = useParams();
  const { slug } = useCommunity();
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const key = communityKeys.post(slug, id);
  const { data: post, error } = useQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/community/posts/{id}', { params: { path: { slug, id } }, signal })),
  });
  return (
    <section aria-labelledby="post-title">
      <p>
        <Link to={`/t/${slug}`}>
          <ArrowLeft aria-hidden="true" className="icon" /> {t('post.back')}
        </Link>
      </p>
      <h1 id="post-title">{post ? t('post.titleBy', { name: post.author.displayName }) : t('post.title')}</h1>
      <ErrorMessage error={error} />
      {!post && !error && <Loading />}
      {post && (
        <PostCard
          slug={slug}
          post={post}
          onChange={(next) =>
            next ? queryClient.setQueryData(key, next) : navigate(`/t/${slug}`, { replace: true })
          }
        />
      )}
    </section>
  );
}

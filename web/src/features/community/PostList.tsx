import { useI18n } from '../../app/i18n';
import { PostCard } from './PostCard';
import type { Post } from './post-model';

/** Posts with "show more"; a card replaces itself when edited or reacted to, and leaves when deleted. */
export function PostList(props: {
  slug: string;
  posts: Post[];
  nextCursor: string | null;
  /** What to say when there are none: each page knows the reader's next step. */
  empty?: string | undefined;
  onMore?(): void;
  onChange(posts: Post[]): void;
}) {
  const { t } = useI18n();
  const replace = (id: string) => (next: Post | null) =>
    props.onChange(
      next ? props.posts.map((p) => (p.id === id ? next : p)) : props.posts.filter((p) => p.id !== id),
    );
  return (
    <>
      {props.posts.length === 0 && props.empty && <p className="muted">{props.empty}</p>}
      <div className="posts">
        {props.posts.map((post) => (
          <PostCard key={post.id} slug={props.slug} post={post} onChange={replace(post.id)} />
        ))}
      </div>
      {props.nextCursor && props.onMore && (
        <button type="button" className="secondary" onClick={props.onMore}>
          {t('people.more')}
        </button>
      )}
    </>
  );
}

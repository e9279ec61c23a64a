import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../app/api';
import { ErrorMessage, Loading } from '../../app/ui';
import { useCommunity } from './community-context';
import { PostCard } from './PostCard';
import type { Post } from './post-model';

/** One post on its own page (linked from notifications). */
export function PostPage() {
  const { id = '' } = useParams();
  const { slug } = useCommunity();
  const [post, setPost] = useState<Post | null>(null);
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api<Post>('GET', `/t/${slug}/community/posts/${id}`).then(setPost, setError);
  }, [slug, id]);
  if (error) return <ErrorMessage error={error} />;
  if (!post) return <Loading />;
  return (
    <PostCard
      slug={slug}
      post={post}
      onChange={(next) => (next ? setPost(next) : navigate(`/t/${slug}`, { replace: true }))}
    />
  );
}

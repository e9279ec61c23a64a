import { createContext, useContext } from 'react';
import type { TenantHome } from '../tenancy/use-tenant-home';
import type { Me } from './community-model';

export type Community = {
  slug: string;
  home: TenantHome;
  me: Me;
  setMe(me: Me): void;
  reload(): Promise<void>;
};

/** Cache keys of the member area's server state, so writes can invalidate what they change. */
export const communityKeys = {
  me: (slug: string) => ['t', slug, 'community', 'me'] as const,
  unreadMessages: (slug: string) => ['t', slug, 'community', 'unread-messages'] as const,
  unreadNotifications: (slug: string) => ['t', slug, 'community', 'unread-notifications'] as const,
  notifications: (slug: string) => ['t', slug, 'community', 'notifications'] as const,
  /** A paged list of posts: the home feed, or a group's or a hashtag's posts. */
  posts: (slug: string, source: 'feed' | 'group' | 'hashtag', id: string) =>
    ['t', slug, 'community', 'posts', source, id] as const,
  post: (slug: string, id: string) => ['t', slug, 'community', 'post', id] as const,
  comments: (slug: string, postId: string) => ['t', slug, 'community', 'post', postId, 'comments'] as const,
  people: (slug: string, filters: string) => ['t', slug, 'community', 'people', filters] as const,
  person: (slug: string, id: string) => ['t', slug, 'community', 'person', id] as const,
  conversations: (slug: string) => ['t', slug, 'community', 'conversations'] as const,
  conversation: (slug: string, id: string) => ['t', slug, 'community', 'conversations', id] as const,
  notificationSettings: (slug: string) => ['t', slug, 'community', 'notification-settings'] as const,
  blocks: (slug: string) => ['t', slug, 'community', 'blocks'] as const,
  mutes: (slug: string) => ['t', slug, 'community', 'mutes'] as const,
  moderationQueue: (slug: string, status: 'open' | 'resolved') =>
    ['t', slug, 'community', 'moderation', 'queue', status] as const,
  moderationWords: (slug: string) => ['t', slug, 'community', 'moderation', 'words'] as const,
  inbox: (slug: string) => ['t', slug, 'community', 'inbox'] as const,
  groups: (slug: string, scope: string, hashtag = '') =>
    ['t', slug, 'community', 'groups', scope, hashtag] as const,
  group: (slug: string, id: string) => ['t', slug, 'community', 'group', id] as const,
  groupMembers: (slug: string, id: string) => ['t', slug, 'community', 'group', id, 'members'] as const,
  hashtag: (slug: string, tag: string) => ['t', slug, 'community', 'hashtag', tag] as const,
  hashtags: (slug: string, list: 'trending' | 'following' | 'search', q = '') =>
    ['t', slug, 'community', 'hashtags', list, q] as const,
};

export const CommunityContext = createContext<Community | null>(null);

/** The signed-in member's network and own profile, for every page of the member area. */
export function useCommunity(): Community {
  const value = useContext(CommunityContext);
  if (!value) throw new Error('useCommunity outside CommunityLayout');
  return value;
}

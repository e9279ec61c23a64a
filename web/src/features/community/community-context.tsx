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
};

export const CommunityContext = createContext<Community | null>(null);

/** The signed-in member's network and own profile, for every page of the member area. */
export function useCommunity(): Community {
  const value = useContext(CommunityContext);
  if (!value) throw new Error('useCommunity outside CommunityLayout');
  return value;
}

import {
  BriefcaseBusiness,
  Hash,
  House,
  type LucideIcon,
  MessageCircle,
  Users,
  UsersRound,
} from 'lucide-react';
import type { MessageKey } from '../../app/messages/ja';

/** Which unread count a tab shows as its badge, if any. */
export type TabBadge = 'messages';

export type CommunityTab = {
  /** The path under `/t/<slug>`; '' is the timeline. */
  path: string;
  icon: LucideIcon;
  /** A short label: icon over one line, every tab side by side on a 360 px phone in both languages. */
  label: MessageKey;
  badge?: TabBadge;
};

/**
 * The community's tab bar, in order. A feature area adds its entry here; the bar lays out as many
 * columns as there are entries, and e2e/shell.e2e.test.ts fails if a label wraps or spills at 360 px.
 */
export const communityTabs: CommunityTab[] = [
  { path: '', icon: House, label: 'community.tab.home' },
  { path: 'people', icon: Users, label: 'community.tab.people' },
  { path: 'groups', icon: UsersRound, label: 'community.tab.groups' },
  { path: 'hashtags', icon: Hash, label: 'community.tab.hashtags' },
  { path: 'opportunities', icon: BriefcaseBusiness, label: 'community.tab.opportunities' },
  { path: 'messages', icon: MessageCircle, label: 'community.tab.messages', badge: 'messages' },
];

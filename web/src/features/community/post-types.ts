export const reactionKinds = ['like', 'clap', 'idea', 'heart'] as const;
export type ReactionKind = (typeof reactionKinds)[number];

export type Post = {
  id: string;
  kind: 'post' | 'announcement';
  author: { id: string; displayName: string; badge: 'staff' | 'employee' | null; photoUrl?: string };
  group: { id: string; name: string } | null;
  bodyHtml: string;
  images: PostImage[];
  body?: string;
  createdAt: string;
  editedAt: string | null;
  pinned: boolean;
  reactions: Partial<Record<ReactionKind, number>>;
  myReactions: ReactionKind[];
  commentCount: number;
  canEdit: boolean;
  canDelete: boolean;
  canPin: boolean;
  moderation?: { status: 'held' | 'hidden' | 'published'; reason: string | null };
};

export type PostImage = { id: string; url: string; width: number; height: number };

export type Comment = {
  id: string;
  author: { id: string; displayName: string };
  bodyHtml: string;
  createdAt: string;
  canDelete: boolean;
};

export type Group = {
  id: string;
  name: string;
  description: string;
  visibility: 'open' | 'request' | 'secret';
  members: number;
  hashtags: { key: string; label: string }[];
  membership: { role: 'admin' | 'member'; status: 'active' | 'requested' | 'invited' } | null;
};

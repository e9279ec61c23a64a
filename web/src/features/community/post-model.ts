import { allValues, type Schemas } from '../../app/api/types';

export type Post = Schemas['Post'];
export type PostImage = Schemas['PostImage'];
export type Comment = Schemas['Comment'];
export type Group = Schemas['Group'];
export type ReactionKind = Post['myReactions'][number];
export const reactionKinds = allValues<ReactionKind>()(['like', 'clap', 'idea', 'heart']);

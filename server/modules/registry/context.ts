import type { MemberContext } from '../tenancy/members.js';

/** Registry services run inside one tenant-scoped transaction on behalf of a staff member. */
export type RegistryContext = MemberContext;

/** Where a change came from, kept in the record's history. */
export type ChangeSource =
  | 'console'
  | 'import'
  | 'invitation'
  | 'join_request'
  | 'referral'
  | 'cli'
  | 'member'
  | 'unsubscribe'
  | 'opportunity'
  | 'survey'
  | 'exit_survey';

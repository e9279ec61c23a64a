/** Cache keys of the registry's server state, so writes can invalidate what they change. */
export const registryKeys = {
  all: (slug: string) => ['t', slug, 'registry'] as const,
  records: (slug: string) => ['t', slug, 'registry', 'records'] as const,
  recordList: (slug: string, query: string) => ['t', slug, 'registry', 'records', 'list', query] as const,
  record: (slug: string, id: string) => ['t', slug, 'registry', 'records', 'one', id] as const,
  exitLink: (slug: string, id: string) =>
    ['t', slug, 'registry', 'records', 'one', id, 'exit-survey-link'] as const,
  consents: (slug: string, id: string) => ['t', slug, 'registry', 'records', 'one', id, 'consents'] as const,
  segments: (slug: string) => ['t', slug, 'registry', 'segments'] as const,
  customFields: (slug: string) => ['t', slug, 'registry', 'custom-fields'] as const,
  imports: (slug: string) => ['t', slug, 'registry', 'imports'] as const,
  import: (slug: string, id: string) => ['t', slug, 'registry', 'imports', id] as const,
  invitations: (slug: string) => ['t', slug, 'registry', 'invitations'] as const,
  invitationPreview: (slug: string, selection: string) =>
    ['t', slug, 'registry', 'invitations', 'preview', selection] as const,
  invitationTemplates: (slug: string) => ['t', slug, 'registry', 'invitation-templates'] as const,
  joinRequests: (slug: string) => ['t', slug, 'registry', 'join-requests'] as const,
  referrals: (slug: string) => ['t', slug, 'registry', 'referrals'] as const,
};

export type Visibility = 'members' | 'staff' | 'private';
export const profileFields = [
  'reading',
  'photo',
  'company',
  'career',
  'hashtags',
  'intents',
  'bio',
  'links',
  'tenure',
] as const;
export type ProfileField = (typeof profileFields)[number];
export const intents = ['casual_chat', 'job_info', 'collaboration', 'mentoring', 'speaking'] as const;
export type Intent = (typeof intents)[number];
export const consentPurposes = ['company_news', 'directory_listing', 'company_contact'] as const;

export type Hashtag = { key: string; label: string };
export type CareerEntry = { company: string; title?: string; from?: string; to?: string };
export type Link = { label: string; url: string };

export type Profile = {
  id: string;
  displayName: string;
  badge: 'staff' | 'employee' | null;
  reading?: string;
  photoUrl?: string;
  currentCompany?: string;
  currentTitle?: string;
  career?: CareerEntry[];
  hashtags?: Hashtag[];
  intents?: Intent[];
  bio?: string;
  links?: Link[];
  tenure?: { joinedYear: number | null; leftYear: number | null; departments: string[] };
  isSelf: boolean;
  acceptsMessages: boolean;
};

export type Consents = {
  companyNews: boolean;
  listedInDirectory: boolean;
  companyContact: boolean;
  policyVersion: string | null;
};

export type OwnProfile = Profile & {
  visibility: Record<ProfileField, Visibility>;
  consents: Consents;
  onboarded: boolean;
  role: string;
  emailNotifications: boolean;
};

export type Me = {
  policyVersion: string;
  profile: OwnProfile;
  consentHistory: { purpose: string; granted: boolean; policyVersion: string; source: string; at: string }[];
};

export type PersonCard = Pick<
  Profile,
  | 'id'
  | 'displayName'
  | 'badge'
  | 'reading'
  | 'photoUrl'
  | 'currentCompany'
  | 'currentTitle'
  | 'hashtags'
  | 'intents'
>;

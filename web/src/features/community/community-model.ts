import { allValues, type Schemas } from '../../app/api/types';

export type Profile = Schemas['Profile'];
export type OwnProfile = Schemas['OwnProfile'];
export type PersonCard = Schemas['PersonCard'];
export type Hashtag = Schemas['Hashtag'];
export type Me = Schemas['Onboarding'];
export type Consents = OwnProfile['consents'];
export type CareerEntry = NonNullable<Profile['career']>[number];
export type Link = NonNullable<Profile['links']>[number];
export type Intent = NonNullable<Profile['intents']>[number];
export type ProfileField = keyof OwnProfile['visibility'];
export type Visibility = NonNullable<OwnProfile['visibility'][ProfileField]>;

export const profileFields = allValues<ProfileField>()([
  'reading',
  'photo',
  'company',
  'career',
  'hashtags',
  'intents',
  'bio',
  'links',
  'tenure',
]);
export const intents = allValues<Intent>()([
  'casual_chat',
  'job_info',
  'collaboration',
  'mentoring',
  'speaking',
]);
export const consentPurposes = allValues<Me['consentHistory'][number]['purpose']>()([
  'company_news',
  'directory_listing',
  'company_contact',
]);

import type { communityConsoleJa } from './community.ja';

export const communityConsoleEn: Record<keyof typeof communityConsoleJa, string> = {
  'welcome.back': 'Back',
  'profile.visibility': 'Visible to',
  'people.about': 'Profile',
};

import type { Locale } from '../../app/i18n';

export function tenantName(tenant: { nameJa: string; nameEn: string }, locale: Locale): string {
  return locale === 'ja' ? tenant.nameJa : tenant.nameEn;
}

import { useEffect, useState } from 'react';
import { api } from '../../app/api';
import type { Role } from '../../app/session';

export type TenantHome = {
  tenant: { slug: string; nameJa: string; nameEn: string };
  member: { id: string; role: Role; displayName: string };
  memberCount: number;
};

export function useTenantHome(slug: string | undefined) {
  const [home, setHome] = useState<TenantHome | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!slug) return;
    setHome(null);
    api<TenantHome>('GET', `/t/${slug}/home`).then(setHome, setError);
  }, [slug]);
  return { home, error };
}

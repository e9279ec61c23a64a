import { useQuery } from '@tanstack/react-query';
import { call, client } from '../../app/api';
import type { Schemas } from '../../app/api/types';

export type TenantHome = Schemas['Home'];

/** The network's home: its names, the signed-in member's role and the member count. */
export function useTenantHome(slug: string | undefined) {
  const query = useQuery({
    queryKey: ['t', slug, 'home'],
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/home', { params: { path: { slug: slug! } }, signal })),
    enabled: Boolean(slug),
  });
  return { home: query.data ?? null, error: query.error };
}

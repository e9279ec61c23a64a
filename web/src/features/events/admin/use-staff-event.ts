import { useQuery } from '@tanstack/react-query';
import { call, client } from '../../../app/api';
import { eventConsoleKeys } from './event-console-model';

/** One event as staff see it, kept fresh (its seats change as people register). */
export function useStaffEvent(slug: string, id: string | undefined) {
  return useQuery({
    queryKey: eventConsoleKeys.one(slug, id ?? ''),
    queryFn: ({ signal }) =>
      call(client.GET('/v1/t/{slug}/events/{id}', { params: { path: { slug, id: id ?? '' } }, signal })),
    enabled: Boolean(id),
    staleTime: 0,
  });
}

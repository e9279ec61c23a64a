import { createRoute, z } from '@hono/zod-openapi';
import { jsonContent, problems } from '../../../platform/http/router.js';
import { TenantParamSchema } from '../../tenancy/schemas.js';
import { withTenant } from '../../tenancy/tenant-context.js';
import { createCommunityRouter } from '../community-router.js';
import { GroupSchema, presentGroup } from '../groups/present-group.js';
import { presentPersonCard } from '../presenters.js';
import { HashtagSchema, PersonCardSchema } from '../schemas.js';
import { feedSuggestions } from './feed-suggestions.js';

export const suggestionRoutes = createCommunityRouter();

const FeedSuggestionsSchema = z
  .object({
    hashtags: z.array(HashtagSchema.extend({ uses: z.number().int() })),
    groups: z.array(GroupSchema),
    people: z.array(PersonCardSchema),
  })
  .openapi('FeedSuggestions');

suggestionRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/t/{slug}/community/feed/suggestions',
    tags: ['community'],
    summary:
      'Where to start when the timeline is empty: popular hashtags I do not follow, groups to join, people who overlapped with me or share my hashtags',
    request: { params: TenantParamSchema },
    responses: { 200: jsonContent(FeedSuggestionsSchema), ...problems(401, 404) },
  }),
  async (c) => {
    const body = await withTenant(c, async (ctx) => {
      const found = await feedSuggestions(ctx);
      return {
        hashtags: found.hashtags,
        groups: found.groups.map(presentGroup),
        people: found.people.map((person) => presentPersonCard(ctx.actor, ctx.tenant, person)),
      };
    });
    return c.json(body, 200);
  },
);

import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eventImages } from '../../db/schema/index.js';
import { enterTenant } from '../../db/scope.js';
import { communityMember, photoBytes } from '../../test/community-factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import {
  createEvent,
  eventInput,
  type MemberEvent,
  memberBase,
  network,
  type Problem,
  type StaffEvent,
  staffBase,
} from './event-test-factories.js';

type Cover = { id: string; url: string; width: number; height: number; alt: string };
type Uploaded = { id: string; url: string; width: number; height: number };

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());
beforeEach(async () => {
  await server.deps.database.db.execute(sql`delete from rate_limit_buckets where key like 'magic-link:ip:%'`);
});

/** The ids of the pictures stored for an event, whoever may see them. */
function picturesOf(tenantId: string, eventId: string) {
  return server.deps.database.db.transaction(async (tx) => {
    await enterTenant(tx, tenantId);
    const rows = await tx
      .select({ id: eventImages.id })
      .from(eventImages)
      .where(and(eq(eventImages.tenantId, tenantId), eq(eventImages.eventId, eventId)));
    return rows.map((row) => row.id);
  });
}

describe('event cover pictures', () => {
  it('staff upload a cover with alt text; members in the audience see it on the page, in the list and as a picture', async () => {
    const net = await network(server);
    const uploaded = await net.hr.upload<Uploaded>(`${staffBase(net)}/images`, await photoBytes(2400, 1200));
    expect(uploaded.status).toBe(201);
    // Resized within 1600 px like the news pictures.
    expect([uploaded.body.width, uploaded.body.height]).toEqual([1600, 800]);
    const event = await createEvent(net, { coverImageId: uploaded.body.id, coverAlt: '会場の大きな窓' });
    const expected: Cover = { ...uploaded.body, alt: '会場の大きな窓' };
    expect((event as unknown as { cover: Cover }).cover).toEqual(expected);

    const member = await communityMember(server, net);
    const page = await member.client.get<MemberEvent>(`${memberBase(net)}/${event.id}`);
    expect(page.body.cover).toEqual(expected);
    const list = await member.client.get<{ events: MemberEvent[] }>(memberBase(net));
    expect(list.body.events.find((e) => e.id === event.id)?.cover).toEqual(expected);
    const picture = await member.client.get(uploaded.body.url);
    expect(picture.status).toBe(200);
    expect(picture.contentType).toBe('image/webp');

    // Changing the cover to another upload, and removing it.
    const second = await net.hr.upload<Uploaded>(`${staffBase(net)}/images`, await photoBytes(800, 600));
    const changed = await net.hr.patch<StaffEvent & { cover: Cover }>(`${staffBase(net)}/${event.id}`, {
      coverImageId: second.body.id,
      coverAlt: '登壇者の写真',
    });
    expect(changed.body.cover).toMatchObject({ id: second.body.id, alt: '登壇者の写真' });
    // The replaced cover is deleted, not left behind: staff, who may fetch any picture, no longer find it.
    expect((await net.hr.get(uploaded.body.url)).status).toBe(404);
    expect(await picturesOf(net.id, event.id)).toEqual([second.body.id]);
    // Saving the same cover again keeps it.
    await net.hr.patch(`${staffBase(net)}/${event.id}`, { coverImageId: second.body.id });
    expect(await picturesOf(net.id, event.id)).toEqual([second.body.id]);
    const removed = await net.hr.patch<StaffEvent & { cover: Cover | null }>(
      `${staffBase(net)}/${event.id}`,
      {
        coverImageId: null,
      },
    );
    expect(removed.body.cover).toBeNull();
    expect((await net.hr.get(second.body.url)).status).toBe(404);
    expect(await picturesOf(net.id, event.id)).toEqual([]);
  });

  it('shows a cover only to those who may see its event: not outside the audience, not a draft, not another network', async () => {
    const net = await network(server);
    const upload = async () =>
      (await net.hr.upload<Uploaded>(`${staffBase(net)}/images`, await photoBytes(640, 480))).body;
    const forEmployees = await upload();
    await createEvent(net, {
      coverImageId: forEmployees.id,
      coverAlt: '社員向け',
      audience: { members: false, includeEmployees: true },
    });
    const draft = await upload();
    await createEvent(net, { coverImageId: draft.id, coverAlt: '準備中' }, false);
    const free = await upload();

    const member = await communityMember(server, net);
    for (const picture of [forEmployees, draft, free]) {
      expect((await member.client.get(picture.url)).status).toBe(404);
      // Staff see every one, used or not.
      expect((await net.hr.get(picture.url)).status).toBe(200);
    }
    const employee = await communityMember(server, net, { role: 'employee' });
    expect((await employee.client.get(forEmployees.url)).status).toBe(200);

    // Another network's staff can neither read the picture nor use it as a cover.
    const other = await network(server);
    expect((await other.hr.get(forEmployees.url.replace(net.slug, other.slug))).status).toBe(404);
    const stolen = await other.hr.post<Problem>(
      staffBase(other),
      eventInput({ coverImageId: free.id, coverAlt: '他社の画像' }),
    );
    expect(stolen.status).toBe(422);
    expect(stolen.body.code).toBe('event_image_invalid');
    // Nor may one event take another event's cover.
    const taken = await net.hr.post<Problem>(
      staffBase(net),
      eventInput({ coverImageId: forEmployees.id, coverAlt: '別のイベント' }),
    );
    expect(taken.body.code).toBe('event_image_invalid');
  });

  it('refuses members uploading, files that are not pictures, too large files and a cover without alt text', async () => {
    const net = await network(server);
    const member = await communityMember(server, net);
    expect((await member.client.upload(`${staffBase(net)}/images`, await photoBytes())).status).toBe(403);
    const moderator = await communityMember(server, net, { role: 'moderator' });
    expect((await moderator.client.upload(`${staffBase(net)}/images`, await photoBytes())).status).toBe(403);

    const text = await net.hr.upload<Problem>(
      `${staffBase(net)}/images`,
      new TextEncoder().encode('<svg onload="alert(1)"></svg>'),
    );
    expect(text.status).toBe(422);
    expect(text.body).toMatchObject({
      code: 'photo_invalid',
      title: '画像を読み取れませんでした。JPEG・PNG・WebP の画像を指定してください。',
    });
    const huge = await net.hr.upload<Problem>(`${staffBase(net)}/images`, new Uint8Array(9 * 1024 * 1024));
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('photo_too_large');

    const picture = (await net.hr.upload<Uploaded>(`${staffBase(net)}/images`, await photoBytes())).body;
    const noAlt = await net.hr.post<Problem>(staffBase(net), eventInput({ coverImageId: picture.id }));
    expect(noAlt.status).toBe(422);
    expect(noAlt.body.errors).toEqual([
      expect.objectContaining({ path: 'coverAlt', code: 'event_cover_alt_required' }),
    ]);
  });
});

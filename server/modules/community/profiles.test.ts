import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProfileField, Role, Visibility } from '../../db/schema/index.js';
import { communityMember, linkedRecord, photoBytes, putPhoto } from '../../test/community-factories.js';
import { createTestTenant } from '../../test/factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

type Profile = Record<string, unknown> & { photoUrl?: string };

// The field names each visibility setting governs in the profile a viewer receives.
const wireFields: Record<ProfileField, string[]> = {
  reading: ['reading'],
  photo: ['photoUrl'],
  company: ['currentCompany', 'currentTitle'],
  career: ['career'],
  hashtags: ['hashtags'],
  intents: ['intents'],
  bio: ['bio'],
  links: ['links'],
  tenure: ['tenure'],
};
const viewerRoles: Role[] = ['owner', 'admin', 'moderator', 'employee', 'alumnus'];
const seenBy: Record<Visibility, (role: Role | 'self') => boolean> = {
  members: () => true,
  staff: (role) => role === 'self' || role === 'owner' || role === 'admin',
  private: (role) => role === 'self',
};

describe('profile visibility', () => {
  it('shows each field to exactly the viewers its setting allows (every field × setting × role)', async () => {
    const created = await createTestTenant(server);
    const tenant = { id: created.tenant.id, slug: created.slug };
    const subject = await communityMember(server, tenant, {
      displayName: '田中 美咲',
      profile: {
        displayNameKana: 'たなか みさき',
        currentCompany: '株式会社スタートアップ',
        currentTitle: 'CTO',
        career: [{ company: '株式会社スタートアップ', title: 'CTO', from: '2023-04' }],
        hashtags: ['起業', 'AWS'],
        intents: ['casual_chat', 'collaboration'],
        bio: '新規事業をやっています。',
        links: [{ label: 'blog', url: 'https://example.jp/blog' }],
      },
    });
    await putPhoto(subject.client, tenant.slug, await photoBytes());
    await linkedRecord(server, tenant, subject.id, {
      familyName: '田中',
      joinedOn: '2012-04-01',
      leftOn: '2022-03-31',
      lastDepartment: '金融システム事業部',
    });
    // One after another: each sign-in reads its own link from the dev mailbox.
    const viewers = [];
    for (const role of viewerRoles)
      viewers.push({ role, member: await communityMember(server, tenant, { role }) });

    for (const level of ['members', 'staff', 'private'] as Visibility[]) {
      const visibility = Object.fromEntries(Object.keys(wireFields).map((field) => [field, level]));
      const saved = await subject.client.patch(`/api/v1/t/${tenant.slug}/community/me/profile`, {
        visibility,
      });
      expect(saved.status).toBe(200);
      for (const viewer of [{ role: 'self' as const, member: subject }, ...viewers]) {
        const seen = await viewer.member.client.get<Profile>(
          `/api/v1/t/${tenant.slug}/community/people/${subject.id}`,
        );
        expect(seen.status).toBe(200);
        expect(seen.body.displayName).toBe('田中 美咲');
        for (const [field, keys] of Object.entries(wireFields)) {
          for (const key of keys) {
            expect([level, viewer.role, field, key, key in seen.body]).toEqual([
              level,
              viewer.role,
              field,
              key,
              seenBy[level](viewer.role),
            ]);
          }
        }
        // HR's own data never travels with a profile, whoever looks.
        expect(JSON.stringify(seen.body)).not.toMatch(/人事メモ|hrNotes|eligibility/);
        // The photo itself follows the same rule as its URL.
        const photoUrl = (
          await subject.client.get<Profile>(`/api/v1/t/${tenant.slug}/community/people/${subject.id}`)
        ).body.photoUrl!;
        const image = await viewer.member.client.get(photoUrl);
        expect([level, viewer.role, image.status]).toEqual([
          level,
          viewer.role,
          seenBy[level](viewer.role) ? 200 : 404,
        ]);
      }
    }

    // Tenure comes from the record: years and departments, nothing else of it.
    const own = await subject.client.get<Profile>(`/api/v1/t/${tenant.slug}/community/people/${subject.id}`);
    expect(own.body.tenure).toEqual({
      joinedYear: 2012,
      leftYear: 2022,
      departments: ['金融システム事業部'],
    });
  });

  it('hides time at the company until the member allows it', async () => {
    const created = await createTestTenant(server);
    const tenant = { id: created.tenant.id, slug: created.slug };
    const subject = await communityMember(server, tenant);
    await linkedRecord(server, tenant, subject.id, {
      familyName: '佐藤',
      joinedOn: '2010-04-01',
      leftOn: '2020-03-31',
    });
    const other = await communityMember(server, tenant);
    const before = await other.client.get<Profile>(`/api/v1/t/${tenant.slug}/community/people/${subject.id}`);
    expect(before.body).not.toHaveProperty('tenure');
    await subject.client.patch(`/api/v1/t/${tenant.slug}/community/me/profile`, {
      visibility: { tenure: 'members' },
    });
    const after = await other.client.get<Profile>(`/api/v1/t/${tenant.slug}/community/people/${subject.id}`);
    expect(after.body.tenure).toMatchObject({ joinedYear: 2010, leftYear: 2020 });
  });
});

describe('profile photos', () => {
  it('stores a square 512 px WebP without the EXIF data the upload carried', async () => {
    const created = await createTestTenant(server);
    const tenant = { id: created.tenant.id, slug: created.slug };
    const member = await communityMember(server, tenant);
    const original = await photoBytes(1200, 900);
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const saved = await putPhoto(member.client, tenant.slug, original);
    expect(saved.status).toBe(200);
    const url = (saved.body as Profile).photoUrl!;
    const response = await fetch(`${server.baseUrl}${url}`, {
      headers: { cookie: [...member.client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(response.headers.get('content-type')).toBe('image/webp');
    const stored = await sharp(new Uint8Array(await response.arrayBuffer())).metadata();
    expect(stored).toMatchObject({ format: 'webp', width: 512, height: 512 });
    expect(stored.exif).toBeUndefined();

    // Replacing the photo retires the old one.
    const replaced = await putPhoto(member.client, tenant.slug, await photoBytes(300, 300));
    expect((await member.client.get(url)).status).toBe(404);
    expect((await member.client.get((replaced.body as Profile).photoUrl!)).status).toBe(200);
    const removed = await member.client.delete<Profile>(`/api/v1/t/${tenant.slug}/community/me/photo`);
    expect(removed.body).not.toHaveProperty('photoUrl');
  });

  it('refuses what is not a JPEG, PNG or WebP picture, and pictures over 8 MB, keeping the current photo', async () => {
    const created = await createTestTenant(server);
    const tenant = { id: created.tenant.id, slug: created.slug };
    const member = await communityMember(server, tenant);
    const first = await putPhoto(member.client, tenant.slug, await photoBytes());
    const url = (first.body as Profile).photoUrl;
    const gif = new Uint8Array(
      await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } })
        .gif()
        .toBuffer(),
    );
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    for (const bytes of [new TextEncoder().encode('not an image'), gif, svg]) {
      const refused = await putPhoto(member.client, tenant.slug, bytes);
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({
        code: 'photo_invalid',
        title: '画像を読み取れませんでした。JPEG・PNG・WebP の画像を指定してください。',
      });
    }
    const huge = await putPhoto(member.client, tenant.slug, new Uint8Array(9 * 1024 * 1024));
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ code: 'photo_too_large' });
    const me = await member.client.get<{ profile: Profile }>(`/api/v1/t/${tenant.slug}/community/me`);
    expect(me.body.profile.photoUrl).toBe(url);
  });
});

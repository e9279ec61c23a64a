import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../../db/client.js';
import type { ActivityColumn } from './member-activity.js';

/** A small seeded generator (mulberry32), so a failing case can be replayed from its seed. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return { next, int: (below: number) => Math.floor(next() * below) };
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** What the generator wrote: one entry per counted thing, keyed by the member and the Japan day it falls on. */
export type GeneratedActivity = { membershipId: string; day: string; column: ActivityColumn }[];

/**
 * Writes random raw activity for the members over `days` Japan days from `firstDay`, through every table
 * the rollup reads, with times chosen near the edges of Japan days too (14:59:59.999 and 15:00 UTC).
 * Returns what should be counted: registrations staff made, drafts and anonymous answers are written
 * but not returned, as the rollup must leave them out.
 */
export async function writeRandomActivity(
  tx: Queryable,
  input: {
    tenantId: string;
    members: string[];
    staffId: string;
    firstDay: string;
    days: number;
    seed: number;
  },
): Promise<GeneratedActivity> {
  const random = seededRandom(input.seed);
  const { tenantId, members, staffId } = input;
  const counted: GeneratedActivity = [];
  const start = Date.parse(`${input.firstDay}T00:00:00+09:00`);
  const at = () => {
    const day = random.int(input.days);
    const edge = random.int(4);
    const offset = edge === 0 ? DAY - 1 : edge === 1 ? 0 : random.int(DAY);
    // Japan midnight is 15:00 UTC: offsets 0 and DAY - 1 land on either side of a day's edges.
    return { time: new Date(start + day * DAY + offset), day: dayAfter(input.firstDay, day) };
  };
  const pick = () => members[random.int(members.length)]!;
  const exec = (statement: ReturnType<typeof sql>) => tx.execute(statement);

  const categoryId = randomUUID();
  await exec(
    sql`insert into news_categories (tenant_id, id, name) values (${tenantId}, ${categoryId}, ${`c-${categoryId}`})`,
  );
  const seedPostId = randomUUID();
  await exec(sql`insert into posts (tenant_id, id, author_id, body, body_html, created_at)
    values (${tenantId}, ${seedPostId}, ${staffId}, 'seed', 'seed', ${new Date(start - 10 * DAY).toISOString()})`);

  for (let i = random.int(members.length * 2) + 1; i > 0; i -= 1) {
    const member = pick();
    const { time, day } = at();
    const result =
      await exec(sql`insert into activity_events (tenant_id, membership_id, kind, occurred_at, day)
      values (${tenantId}, ${member}, 'visit', ${time.toISOString()}, ${day})
      on conflict do nothing returning id`);
    if ((result as unknown as { rows: unknown[] }).rows.length > 0)
      counted.push({ membershipId: member, day, column: 'visits' });
  }
  for (let i = random.int(6) + 1; i > 0; i -= 1) {
    const articleId = randomUUID();
    await exec(sql`insert into news_articles (tenant_id, id, category_id, title, body, body_html, author_kind, author_id, status)
      values (${tenantId}, ${articleId}, ${categoryId}, 't', 'b', 'b', 'company', ${staffId}, 'published')`);
    for (const member of members) {
      if (random.next() < 0.5) continue;
      const { time, day } = at();
      await exec(sql`insert into news_reads (tenant_id, article_id, membership_id, created_at)
        values (${tenantId}, ${articleId}, ${member}, ${time.toISOString()})`);
      counted.push({ membershipId: member, day, column: 'reads' });
    }
  }
  for (let i = random.int(members.length * 2); i > 0; i -= 1) {
    const member = pick();
    const { time, day } = at();
    await exec(sql`insert into posts (tenant_id, author_id, body, body_html, created_at)
      values (${tenantId}, ${member}, 'p', 'p', ${time.toISOString()})`);
    counted.push({ membershipId: member, day, column: 'posts' });
  }
  // A staff announcement is the company speaking, not a member's post.
  await exec(sql`insert into posts (tenant_id, author_id, kind, body, body_html, created_at)
    values (${tenantId}, ${members[0]!}, 'announcement', 'a', 'a', ${at().time.toISOString()})`);
  for (let i = random.int(members.length * 2); i > 0; i -= 1) {
    const member = pick();
    const { time, day } = at();
    await exec(sql`insert into comments (tenant_id, post_id, author_id, body, body_html, created_at)
      values (${tenantId}, ${seedPostId}, ${member}, 'c', 'c', ${time.toISOString()})`);
    counted.push({ membershipId: member, day, column: 'comments' });
  }
  const conversationId = randomUUID();
  await exec(
    sql`insert into conversations (tenant_id, id, kind, member_a) values (${tenantId}, ${conversationId}, 'company', ${members[0]!})`,
  );
  for (let i = random.int(members.length * 2); i > 0; i -= 1) {
    const member = pick();
    const { time, day } = at();
    await exec(sql`insert into messages (tenant_id, conversation_id, sender_id, body, created_at)
      values (${tenantId}, ${conversationId}, ${member}, 'm', ${time.toISOString()})`);
    counted.push({ membershipId: member, day, column: 'messages' });
  }
  for (const member of members) {
    for (const kind of ['like', 'clap']) {
      if (random.next() < 0.6) continue;
      const { time, day } = at();
      await exec(sql`insert into reactions (tenant_id, post_id, membership_id, kind, created_at)
        values (${tenantId}, ${seedPostId}, ${member}, ${kind}, ${time.toISOString()})`);
      counted.push({ membershipId: member, day, column: 'reactions' });
    }
  }
  for (let e = random.int(3) + 1; e > 0; e -= 1) {
    const eventId = randomUUID();
    await exec(sql`insert into events (tenant_id, id, title, starts_at, ends_at, format, created_by)
      values (${tenantId}, ${eventId}, 'e', now(), now() + interval '1 hour', 'online', ${staffId})`);
    let seq = 0;
    for (const member of members) {
      if (random.next() < 0.4) continue;
      seq += 1;
      const registered = at();
      const byStaff = random.next() < 0.2;
      const attended = random.next() < 0.5 ? at() : null;
      await exec(sql`insert into event_registrations
          (tenant_id, event_id, member_id, mode, status, seq, check_in_code, created_at, added_by, attended_at)
        values (${tenantId}, ${eventId}, ${member}, 'online', 'confirmed', ${seq}, ${`code-${seq}`},
          ${registered.time.toISOString()}, ${byStaff ? staffId : null}, ${attended?.time.toISOString() ?? null})`);
      if (!byStaff) counted.push({ membershipId: member, day: registered.day, column: 'events_registered' });
      if (attended) counted.push({ membershipId: member, day: attended.day, column: 'events_attended' });
    }
  }
  for (const anonymity of ['named', 'anonymous'] as const) {
    const surveyId = randomUUID();
    await exec(sql`insert into surveys (tenant_id, id, texts, questions, audience, anonymity, status, participation_key, created_by)
      values (${tenantId}, ${surveyId}, '{}', '[]', '{}', ${anonymity}, 'open', '\\x00', ${staffId})`);
    for (const member of members) {
      if (random.next() < 0.5) continue;
      const { day } = at();
      const draft = random.next() < 0.25;
      await exec(sql`insert into survey_responses (tenant_id, survey_id, membership_id, status, answers, submitted_on)
        values (${tenantId}, ${surveyId}, ${anonymity === 'named' ? member : null},
          ${draft ? 'draft' : 'submitted'}, '{}', ${draft ? null : day})`);
      if (anonymity === 'named' && !draft)
        counted.push({ membershipId: member, day, column: 'surveys_answered' });
    }
  }
  return counted;
}

function dayAfter(day: string, days: number) {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** An instant at noon in Japan on the given day. */
export function japanNoon(day: string) {
  return new Date(Date.parse(`${day}T12:00:00+09:00`) + 0 * HOUR);
}

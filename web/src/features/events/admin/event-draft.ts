import type { RequestOf } from '../../../app/api/types';
import { type AudienceSpec, everyMember } from '../../programmes/AudiencePicker';
import type { EventFormat, StaffEvent } from './event-console-model';
import { instantOf, localOf } from './event-times';

type NewEvent = RequestOf<'/v1/t/{slug}/events', 'post'>;
export type QuestionDraft = {
  id: string;
  kind: 'text' | 'choice';
  label: string;
  /** One choice a line, as typed. */
  choices: string;
  required: boolean;
  shared: boolean;
};
export type SpeakerDraft = { membershipId: string | null; name: string; title: string };

/** The form as typed: times as wall clocks in the event's zone, capacities as the field's text. */
export type EventDraft = {
  title: string;
  body: string;
  timeZone: string;
  startsAt: string;
  endsAt: string;
  format: EventFormat;
  meetingUrl: string;
  meetingUrlVisibleMinutes: number;
  venue: string;
  address: string;
  mapUrl: string;
  capacityOnline: string;
  capacityInPerson: string;
  registrationOpensAt: string;
  registrationClosesAt: string;
  audience: AudienceSpec;
  questions: QuestionDraft[];
  speakers: SpeakerDraft[];
  cover: { id: string; url: string } | null;
  coverAlt: string;
};

export const emptyDraft: EventDraft = {
  title: '',
  body: '',
  timeZone: 'Asia/Tokyo',
  startsAt: '',
  endsAt: '',
  format: 'online',
  meetingUrl: '',
  meetingUrlVisibleMinutes: 60,
  venue: '',
  address: '',
  mapUrl: '',
  capacityOnline: '',
  capacityInPerson: '',
  registrationOpensAt: '',
  registrationClosesAt: '',
  audience: everyMember,
  questions: [],
  speakers: [],
  cover: null,
  coverAlt: '',
};

export function draftOf(event: StaffEvent): EventDraft {
  const zone = event.timeZone;
  return {
    title: event.title,
    body: event.body,
    timeZone: zone,
    startsAt: localOf(event.startsAt, zone),
    endsAt: localOf(event.endsAt, zone),
    format: event.format,
    meetingUrl: event.meetingUrl ?? '',
    meetingUrlVisibleMinutes: event.meetingUrlVisibleMinutes,
    venue: event.venue,
    address: event.address,
    mapUrl: event.mapUrl ?? '',
    capacityOnline: event.seats.online.capacity?.toString() ?? '',
    capacityInPerson: event.seats.inPerson.capacity?.toString() ?? '',
    registrationOpensAt: localOf(event.registrationOpensAt, zone),
    registrationClosesAt: localOf(event.registrationClosesAt, zone),
    audience: event.audience,
    questions: event.questions.map((question) => ({ ...question, choices: question.choices.join('\n') })),
    speakers: event.speakers,
    cover: event.cover ? { id: event.cover.id, url: event.cover.url } : null,
    coverAlt: event.cover?.alt ?? '',
  };
}

const capacity = (text: string) => (text.trim() === '' ? null : Number(text));
const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/**
 * What the server takes. Fields of a way of taking part the format does not offer are sent empty, so
 * a switch from hybrid to in person does not keep a meeting link nobody can see.
 */
export function valuesOf(draft: EventDraft): NewEvent {
  const online = draft.format !== 'in_person';
  const inPerson = draft.format !== 'online';
  const zone = draft.timeZone;
  const at = (local: string) => (local ? instantOf(local, zone) : null);
  return {
    title: draft.title,
    body: draft.body,
    timeZone: zone,
    startsAt: instantOf(draft.startsAt, zone),
    endsAt: instantOf(draft.endsAt, zone),
    format: draft.format,
    meetingUrl: online ? orNull(draft.meetingUrl) : null,
    meetingUrlVisibleMinutes: draft.meetingUrlVisibleMinutes,
    venue: inPerson ? draft.venue : '',
    address: inPerson ? draft.address : '',
    mapUrl: inPerson ? orNull(draft.mapUrl) : null,
    capacityOnline: online ? capacity(draft.capacityOnline) : null,
    capacityInPerson: inPerson ? capacity(draft.capacityInPerson) : null,
    registrationOpensAt: at(draft.registrationOpensAt),
    registrationClosesAt: at(draft.registrationClosesAt),
    audience: draft.audience,
    questions: draft.questions.map((question) => ({
      id: question.id,
      kind: question.kind,
      label: question.label,
      choices:
        question.kind === 'choice'
          ? question.choices
              .split('\n')
              .map((line) => line.trim())
              .filter(Boolean)
          : [],
      required: question.required,
      shared: question.shared,
    })),
    speakers: draft.speakers,
    coverImageId: draft.cover?.id ?? null,
    coverAlt: draft.cover ? draft.coverAlt : '',
  };
}

/** Whether saving would change the time or place registrants were told (they will be told again). */
export function changesTimeOrPlace(event: StaffEvent, draft: EventDraft): boolean {
  const next = valuesOf(draft);
  const same = (a: string | null, b: string | null) =>
    (a ? Date.parse(a) : null) === (b ? Date.parse(b) : null);
  return (
    !same(event.startsAt, next.startsAt) ||
    !same(event.endsAt, next.endsAt) ||
    event.format !== next.format ||
    event.venue !== (next.venue ?? '') ||
    event.address !== (next.address ?? '') ||
    event.meetingUrl !== (next.meetingUrl ?? null)
  );
}

/** An id for a new question that no question of the event has yet (q1, q2 …). */
export function nextQuestionId(questions: QuestionDraft[]): string {
  const used = questions.map((question) => Number(/^q(\d+)$/.exec(question.id)?.[1] ?? 0));
  return `q${Math.max(0, ...used) + 1}`;
}

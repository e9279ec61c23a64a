import { Trash2, UserPlus } from 'lucide-react';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { Field, fieldErrorOf } from '../../../app/ui';
import type { SpeakerDraft } from './event-draft';
import { MemberSearch } from './MemberSearch';

/** Who speaks: members of the network (linked to their profile) or guests by name, with a title. */
export function SpeakersEditor(props: {
  slug: string;
  speakers: SpeakerDraft[];
  onChange(speakers: SpeakerDraft[]): void;
  error: unknown;
}) {
  const { t } = useI18n();
  const { speakers, error } = props;
  const [searching, setSearching] = useState(false);
  const change = (index: number, changes: Partial<SpeakerDraft>) =>
    props.onChange(speakers.map((speaker, i) => (i === index ? { ...speaker, ...changes } : speaker)));
  const full = speakers.length >= 20;
  return (
    <fieldset className="field">
      <legend>{t('eventsConsole.speakers')}</legend>
      <p className="hint">{t('eventsConsole.speakersHint')}</p>
      {speakers.map((speaker, index) => {
        const n = index + 1;
        return (
          // Speakers have no id of their own; the position is what the server's errors point at.
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is edited in place, never reordered
          <div key={index} className="card inset">
            <p className="small muted">
              {speaker.membershipId
                ? t('eventsConsole.speaker.member', { name: speaker.name })
                : t('eventsConsole.speaker.guest')}
            </p>
            {!speaker.membershipId && (
              <Field
                label={t('eventsConsole.speaker.name', { n })}
                name={`speaker-name-${n}`}
                value={speaker.name}
                onChange={(name) => change(index, { name })}
                error={fieldErrorOf(error, `speakers.${index}.name`)}
              />
            )}
            <Field
              label={t('eventsConsole.speaker.title', { n })}
              name={`speaker-title-${n}`}
              value={speaker.title}
              onChange={(title) => change(index, { title })}
              error={fieldErrorOf(error, `speakers.${index}.title`)}
            />
            <button
              type="button"
              className="link-button"
              onClick={() => props.onChange(speakers.filter((_, i) => i !== index))}
            >
              <Trash2 aria-hidden="true" className="icon" /> {t('eventsConsole.speaker.remove', { n })}
            </button>
          </div>
        );
      })}
      <div className="toolbar">
        <button
          type="button"
          disabled={full}
          onClick={() => props.onChange([...speakers, { membershipId: null, name: '', title: '' }])}
        >
          <UserPlus aria-hidden="true" className="icon" /> {t('eventsConsole.speaker.addGuest')}
        </button>
        <button
          type="button"
          disabled={full}
          aria-expanded={searching}
          onClick={() => setSearching(!searching)}
        >
          {t('eventsConsole.speaker.addMember')}
        </button>
      </div>
      {searching && !full && (
        <MemberSearch
          slug={props.slug}
          onChoose={(member) => {
            props.onChange([...speakers, { membershipId: member.id, name: member.displayName, title: '' }]);
            setSearching(false);
          }}
        />
      )}
    </fieldset>
  );
}

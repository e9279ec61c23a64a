import { Link } from 'react-router';
import { useI18n } from '../../app/i18n';
import type { PersonCard } from './community-model';

export function Avatar({
  person,
  size = 48,
}: {
  person: Pick<PersonCard, 'displayName' | 'photoUrl'>;
  size?: number;
}) {
  return person.photoUrl ? (
    <img className="avatar" src={person.photoUrl} alt="" width={size} height={size} />
  ) : (
    <span className="avatar avatar-initial" aria-hidden="true" style={{ width: size, height: size }}>
      {Array.from(person.displayName)[0]}
    </span>
  );
}

export function Badge({ badge }: { badge: PersonCard['badge'] }) {
  const { t } = useI18n();
  return badge ? <span className={`badge badge-${badge}`}>{t(`badge.${badge}`)}</span> : null;
}

/** One member in a list: what they show, linked to their profile. */
export function PersonCardView({ slug, person }: { slug: string; person: PersonCard }) {
  const { t } = useI18n();
  return (
    <li className="person">
      <Avatar person={person} />
      <div>
        <Link to={`/t/${slug}/people/${person.id}`} className="person-name">
          {person.displayName}
        </Link>{' '}
        <Badge badge={person.badge} />
        {person.reading && <p className="muted small">{person.reading}</p>}
        {(person.currentCompany || person.currentTitle) && (
          <p className="small">{[person.currentCompany, person.currentTitle].filter(Boolean).join(' ・ ')}</p>
        )}
        {person.hashtags && person.hashtags.length > 0 && (
          <p className="tags small">
            {person.hashtags.map((tag) => (
              <Link key={tag.key} to={`/t/${slug}/hashtags/${encodeURIComponent(tag.key)}`}>
                #{tag.label}
              </Link>
            ))}
          </p>
        )}
        {person.intents && person.intents.length > 0 && (
          <p className="small muted">{person.intents.map((i) => t(`intent.${i}`)).join(' ・ ')}</p>
        )}
      </div>
    </li>
  );
}

import { useState } from 'react';
import type { Schemas } from '../../app/api/types';
import { useI18n } from '../../app/i18n';
import type { Role } from '../../app/session';

type Member = Schemas['Member'];
export const roles: Role[] = ['alumnus', 'employee', 'moderator', 'admin', 'owner'];

/** A change to one member: a new role or status, or removal from the network. */
export type MemberChange = 'remove' | { role?: Role; status?: 'active' | 'suspended' };

/** The member's role, changed in place (the server refuses what the actor may not do). */
export function RoleSelect(props: {
  member: Member;
  onChange(change: MemberChange): void;
  tabIndex?: number;
}) {
  const { t } = useI18n();
  const { member } = props;
  return (
    <>
      <label className="visually-hidden" htmlFor={`role-${member.id}`}>
        {t('members.roleOf', { name: member.displayName })}
      </label>
      <select
        id={`role-${member.id}`}
        value={member.role}
        tabIndex={props.tabIndex}
        onChange={(event) => props.onChange({ role: event.target.value as Role })}
      >
        {roles.map((r) => (
          <option key={r} value={r}>
            {t(`role.${r}`)}
          </option>
        ))}
      </select>
    </>
  );
}

/**
 * Suspend or reactivate, and remove, behind a "more" menu; suspending and removing are asked once
 * more, for this one member, before anything changes.
 */
export function MemberMoreActions(props: {
  member: Member;
  onChange(change: MemberChange): void;
  tabIndex?: number;
}) {
  const { t } = useI18n();
  const { member, onChange, tabIndex } = props;
  const [confirming, setConfirming] = useState<'suspend' | 'remove' | null>(null);
  const active = member.status === 'active';
  if (confirming) {
    return (
      <div className="confirm" role="alert">
        <p>
          {confirming === 'remove'
            ? t('members.confirmRemove', { name: member.displayName })
            : t('members.confirmSuspend', { name: member.displayName })}
        </p>
        <button
          type="button"
          className={confirming === 'remove' ? 'danger small' : 'small'}
          tabIndex={tabIndex}
          onClick={() => {
            setConfirming(null);
            onChange(confirming === 'remove' ? 'remove' : { status: 'suspended' });
          }}
        >
          {confirming === 'remove' ? t('common.remove') : t('members.suspend')}
        </button>
        <button type="button" className="link-button" tabIndex={tabIndex} onClick={() => setConfirming(null)}>
          {t('common.cancel')}
        </button>
      </div>
    );
  }
  return (
    <details className="row-more">
      <summary tabIndex={tabIndex}>{t('members.more', { name: member.displayName })}</summary>
      {/* Suspending is confirmed first; reactivating gives access back at once. */}
      <button
        type="button"
        className="secondary small"
        tabIndex={tabIndex}
        onClick={() => (active ? setConfirming('suspend') : onChange({ status: 'active' }))}
      >
        {active ? t('members.suspend') : t('members.reactivate')}
      </button>
      <button
        type="button"
        className="danger small"
        tabIndex={tabIndex}
        onClick={() => setConfirming('remove')}
      >
        {t('common.remove')}
      </button>
    </details>
  );
}

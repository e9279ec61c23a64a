import type { Schemas } from '../../app/api/types';
import { DeskTable, SortHeader, useRowNavigation } from '../../app/desk-table';
import { useI18n } from '../../app/i18n';
import { type MemberChange, MemberMoreActions, RoleSelect } from './MemberActions';

type Member = Schemas['Member'];

/**
 * Members on a desk: one dense row each, in the order the server keeps (五十音 by reading, the only
 * order it pages by), with the role and the row's actions in place. There is no bulk change of
 * members on the server, so rows are not selected.
 */
export function MembersTable(props: {
  members: Member[];
  selfId: string;
  onChange(member: Member, change: MemberChange): void;
}) {
  const { t, locale, formatDate } = useI18n();
  const { members, selfId } = props;
  const { bodyProps, rowProps, controlTabIndex } = useRowNavigation(members);
  return (
    <DeskTable
      caption={t('members.table.caption', { count: members.length.toLocaleString(locale) })}
      keys={t('members.table.keys')}
    >
      <thead>
        <tr>
          <th scope="col">{t('members.displayName')}</th>
          <SortHeader label={t('members.reading')} direction="ascending" on />
          <th scope="col">{t('members.email')}</th>
          <th scope="col">{t('members.role')}</th>
          <th scope="col">{t('members.status')}</th>
          <th scope="col">{t('members.joinedAt')}</th>
          <th scope="col">{t('members.actions')}</th>
        </tr>
      </thead>
      <tbody {...bodyProps}>
        {members.map((member, index) => {
          const change = (work: MemberChange) => props.onChange(member, work);
          const self = member.id === selfId;
          return (
            <tr key={member.id} {...rowProps(index)}>
              <th scope="row">{member.displayName}</th>
              <td>{member.reading}</td>
              <td className="clip" title={member.email}>
                {member.email}
              </td>
              <td>
                {self ? (
                  t(`role.${member.role}`)
                ) : (
                  <RoleSelect member={member} onChange={change} tabIndex={controlTabIndex(index)} />
                )}
              </td>
              <td>
                <span className={`badge ${member.status === 'suspended' ? 'warn' : ''}`}>
                  {t(`status.${member.status}`)}
                </span>
              </td>
              <td>{formatDate(member.createdAt)}</td>
              <td>
                {!self && (
                  <MemberMoreActions member={member} onChange={change} tabIndex={controlTabIndex(index)} />
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </DeskTable>
  );
}

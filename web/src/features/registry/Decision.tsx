import { useI18n } from '../../app/i18n';

/**
 * The two decisions on a join request or a referral: approve (worded for what approving does) and
 * dismiss. `tabIndex` keeps a desk table's row controls out of the tab order except on the current row.
 */
export function Decision(props: {
  approveLabel: string;
  onApprove(): void;
  onDismiss(): void;
  tabIndex?: number;
  className?: 'row-actions' | 'actions';
}) {
  const { t } = useI18n();
  return (
    <div className={props.className ?? 'row-actions'}>
      <button type="button" className="secondary" tabIndex={props.tabIndex} onClick={props.onApprove}>
        {props.approveLabel}
      </button>
      <button type="button" className="danger" tabIndex={props.tabIndex} onClick={props.onDismiss}>
        {t('requests.dismiss')}
      </button>
    </div>
  );
}

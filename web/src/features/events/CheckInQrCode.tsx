import { useI18n } from '../../app/i18n';
import { checkInQr } from './check-in-qr';

/**
 * The registration's QR code for staff to scan at the door, black on white whatever the theme (scanners
 * expect dark modules on a light ground), with the short code under it for typing when a camera fails.
 */
export function CheckInQrCode({ code }: { code: string }) {
  const { t } = useI18n();
  const { size, path } = checkInQr(code);
  return (
    <svg
      className="check-in-qr"
      role="img"
      aria-label={t('events.checkIn.qr')}
      viewBox={`0 0 ${size} ${size}`}
      shapeRendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}

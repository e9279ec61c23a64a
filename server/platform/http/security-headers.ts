import { secureHeaders } from 'hono/secure-headers';
import type { Config } from '../../config.js';

/**
 * Headers on every response, errors and static files included. Framing is refused by CSP
 * frame-ancestors alone: X-Frame-Options SAMEORIGIN would say the opposite, so it is not sent. HSTS
 * only over https, where it can be honoured; on a plain-http localhost it would break development.
 */
export function securityHeaders(config: Pick<Config, 'publicUrl'>) {
  const https = new URL(config.publicUrl).protocol === 'https:';
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      styleSrc: ["'self'", "'unsafe-inline'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: false,
    xContentTypeOptions: 'nosniff',
    referrerPolicy: 'no-referrer',
    strictTransportSecurity: https ? 'max-age=31536000; includeSubDomains' : false,
  });
}

import { encode } from 'uqr';

/**
 * The QR code of a check-in code, as the modules of one SVG path. The code is its only content
 * (8 letters and digits, alphanumeric mode: the smallest QR version), so a scanner reads exactly what
 * staff would otherwise type. Medium error correction survives a cracked or dim phone screen, and the
 * four-module quiet zone is the one ISO/IEC 18004 asks for, so cameras find the code at once.
 */
export function checkInQr(code: string): { size: number; path: string } {
  const { data, size } = encode(code, { ecc: 'M', border: 4 });
  let path = '';
  data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) path += `M${x} ${y}h1v1h-1z`;
    });
  });
  return { size, path };
}

/** The same modules as they are drawn, for checking what a camera would read. */
export function checkInQrModules(code: string): boolean[][] {
  return encode(code, { ecc: 'M', border: 4 }).data;
}

import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { checkInQr, checkInQrModules } from './check-in-qr';

/** Draws the modules as a camera frame would hold them: RGBA pixels, `scale` pixels a module. */
function pixelsOf(modules: boolean[][], scale: number) {
  const width = modules.length * scale;
  const pixels = new Uint8ClampedArray(width * width * 4);
  for (let y = 0; y < width; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const shade = modules[Math.floor(y / scale)]![Math.floor(x / scale)] ? 0 : 255;
      pixels.set([shade, shade, shade, 255], (y * width + x) * 4);
    }
  }
  return { pixels, width };
}

describe('the check-in QR code', () => {
  it('decodes to exactly the check-in code', () => {
    for (const code of ['23456789', 'ABCDEFGH', 'ZZZZZZZZ', 'K7M3Q9XP']) {
      const { pixels, width } = pixelsOf(checkInQrModules(code), 6);
      expect(jsQR(pixels, width, width)?.data).toBe(code);
    }
  });

  it('draws every dark module, and only those, in the SVG path', () => {
    const modules = checkInQrModules('K7M3Q9XP');
    const { size, path } = checkInQr('K7M3Q9XP');
    expect(size).toBe(modules.length);
    const drawn = [...path.matchAll(/M(\d+) (\d+)h1v1h-1z/g)].map(([, x, y]) => `${x},${y}`);
    const dark = modules.flatMap((row, y) => row.flatMap((on, x) => (on ? [`${x},${y}`] : [])));
    expect(drawn).toEqual(dark);
    // The quiet zone: four light modules on every side.
    expect(modules.slice(0, 4).flat().some(Boolean)).toBe(false);
    expect(modules.flatMap((row) => row.slice(-4)).some(Boolean)).toBe(false);
  });
});

import { writeFileSync } from 'node:fs';
import { checkInQrModules } from '../web/src/features/events/check-in-qr.js';

/**
 * A camera picture for Chromium's fake capture device (`--use-file-for-fake-video-capture`): one
 * 640×480 Y4M frame (4:2:0), played in a loop, showing `code`'s check-in QR code in black on white as
 * a phone screen held up to the camera would.
 */
export function writeQrCameraFile(file: string, code: string) {
  const width = 640;
  const height = 480;
  const modules = checkInQrModules(code);
  const scale = Math.floor((height * 0.8) / modules.length);
  const left = Math.floor((width - modules.length * scale) / 2);
  const top = Math.floor((height - modules.length * scale) / 2);
  const luma = Buffer.alloc(width * height, 235);
  modules.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (!dark) return;
      for (let dy = 0; dy < scale; dy += 1) {
        const start = (top + y * scale + dy) * width + left + x * scale;
        luma.fill(16, start, start + scale);
      }
    });
  });
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\nFRAME\n`);
  writeFileSync(file, Buffer.concat([header, luma, chroma, chroma]));
}

import { describe, expect, it } from 'vitest';
import { composeMail } from './compose-mail.js';

const mail = {
  id: '0b6c2f49-5b8e-4f0e-9d7e-2b9b3b7f1a10',
  recipient: 'hanako@example.jp',
  subject: 'カジュアル面談のご予約',
  text_body: '予約されました。\n添付の .ics を開いてください。',
  html_body: null,
  headers: {},
  attempts: 1,
};
const ics =
  'BEGIN:VCALENDAR\r\nMETHOD:PUBLISH\r\nBEGIN:VEVENT\r\nSUMMARY:カジュアル面談\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';

/** The parts of a multipart body, each as its headers and its decoded content. */
function parts(message: string) {
  const boundary = /boundary="([^"]+)"/.exec(message)![1]!;
  return message
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((part) => {
      const [head = '', body = ''] = part.replace(/^\r\n/, '').split('\r\n\r\n');
      // Long header lines are folded (RFC 5322 §2.2.3); unfolded here to read them.
      return {
        head: head.replace(/\r\n(?=[ \t])/g, ''),
        content: Buffer.from(body.replace(/\r\n/g, ''), 'base64').toString('utf8'),
      };
    });
}

describe('composeMail', () => {
  it('writes a mail without files as a single text part, as before', () => {
    const message = composeMail(
      { ...mail, attachments: [] },
      'Enishi <no-reply@example.jp>',
      'example.jp',
    ).toString();
    expect(message).toContain('Content-Type: text/plain; charset=UTF-8');
    expect(message).not.toContain('multipart');
  });

  it('attaches files after the body in multipart/mixed, byte for byte', () => {
    const message = composeMail(
      {
        ...mail,
        html_body: '<p>予約されました。</p>',
        attachments: [
          {
            filename: 'career-chat.ics',
            contentType: 'text/calendar; charset=UTF-8; method=PUBLISH',
            content: ics,
          },
        ],
      },
      'Enishi <no-reply@example.jp>',
      'example.jp',
    ).toString();
    expect(message).toMatch(/^Content-Type: multipart\/mixed; boundary="/m);
    const [body, file] = parts(message);
    expect(body!.head).toContain('multipart/alternative');
    expect(file!.head).toContain(
      'Content-Type: text/calendar; charset=UTF-8; method=PUBLISH; name="career-chat.ics"',
    );
    expect(file!.head).toContain('Content-Disposition: attachment; filename="career-chat.ics"');
    expect(file!.content).toBe(ics);
  });
});

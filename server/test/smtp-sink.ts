import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type SinkMessage = { to: string; raw: string };
type Refusal = { code: number; message: string };

/**
 * A local SMTP server (npm smtp-server) that keeps every message it accepted. `refuseRecipient` and
 * `refuseData` let a test answer some addresses with 4xx or 5xx at RCPT TO or after the end of data.
 */
export async function startSmtpSink(
  options: {
    refuseRecipient?: (address: string) => Refusal | null;
    refuseData?: (address: string) => Refusal | null;
    /** Runs before a recipient is answered, e.g. to change the database while a mail is in flight. */
    beforeRecipient?: (address: string) => Promise<void>;
  } = {},
) {
  const messages: SinkMessage[] = [];
  const waiters = new Set<{ condition: () => boolean; resolve: () => void }>();
  const settle = () => {
    for (const waiter of waiters) {
      if (waiter.condition()) {
        waiters.delete(waiter);
        waiter.resolve();
      }
    }
  };
  const refusal = (found: Refusal) => Object.assign(new Error(found.message), { responseCode: found.code });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 10 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      const answer = () => {
        const found = options.refuseRecipient?.(address.address);
        callback(found ? refusal(found) : undefined);
      };
      if (!options.beforeRecipient) return answer();
      options.beforeRecipient(address.address).then(answer, (error: Error) => callback(error));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      // A message cut off by a dropped connection is discarded, as a real server does.
      stream.on('error', () => undefined);
      stream.on('end', () => {
        const to = session.envelope.rcptTo[0]?.address ?? '';
        const found = options.refuseData?.(to);
        if (found) return callback(refusal(found));
        messages.push({ to, raw: Buffer.concat(chunks).toString('utf8') });
        callback();
        settle();
      });
    },
  });
  // A client killed mid-conversation resets its connection: that is what the tests do on purpose.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    /** Resolves once `condition` holds, checked after every accepted message; rejects after `ms`. */
    until(condition: () => boolean, ms: number) {
      if (condition()) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const waiter = {
          condition,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`condition not met within ${ms} ms (${messages.length} messages received)`));
        }, ms);
        waiters.add(waiter);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

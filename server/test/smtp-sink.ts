import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type SinkMessage = { to: string; raw: string };
type Refusal = { code: number; message: string };

/**
 * A local SMTP server (npm smtp-server) that keeps every message it accepted. `refuseRecipient` and
 * `refuseData` let a test answer some addresses with 4xx or 5xx at RCPT TO or after the end of data;
 * `hold` and `release` pause the conversation between messages.
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
  // Sessions with an accepted recipient whose message has not ended yet, and sessions already closed
  // (a killed client's held recipients must not count as in flight once they are answered).
  const inFlight = new Set<string>();
  const closed = new Set<string>();
  let holding = false;
  const held: Array<() => void> = [];
  const idle = new Set<() => void>();
  const finish = (sessionId: string) => {
    inFlight.delete(sessionId);
    if (inFlight.size === 0) for (const resolve of idle) resolve();
    settle();
  };
  const refusal = (found: Refusal) => Object.assign(new Error(found.message), { responseCode: found.code });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 10 * 1024 * 1024,
    onRcptTo(address, session, callback) {
      const answer = () => {
        const found = options.refuseRecipient?.(address.address);
        if (!found && !closed.has(session.id)) inFlight.add(session.id);
        callback(found ? refusal(found) : undefined);
      };
      const proceed = () => {
        if (!options.beforeRecipient) return answer();
        options.beforeRecipient(address.address).then(answer, (error: Error) => callback(error));
      };
      if (holding) held.push(proceed);
      else proceed();
    },
    onClose(session) {
      closed.add(session.id);
      finish(session.id);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      // A message cut off by a dropped connection is discarded, as a real server does.
      stream.on('error', () => finish(session.id));
      stream.on('end', () => {
        const to = session.envelope.rcptTo[0]?.address ?? '';
        const found = options.refuseData?.(to);
        if (found) {
          callback(refusal(found));
          return finish(session.id);
        }
        messages.push({ to, raw: Buffer.concat(chunks).toString('utf8') });
        callback();
        finish(session.id);
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
    /**
     * Stops answering new recipients and resolves once no accepted message is still being written,
     * so a test can kill the client at a moment when no end of data is in flight.
     */
    hold(ms: number) {
      holding = true;
      if (inFlight.size === 0) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const done = () => {
          clearTimeout(timer);
          idle.delete(done);
          resolve();
        };
        const timer = setTimeout(() => {
          idle.delete(done);
          reject(new Error(`${inFlight.size} messages still in flight after ${ms} ms`));
        }, ms);
        idle.add(done);
      });
    },
    /** Answers the recipients held since `hold` and goes back to answering at once. */
    release() {
      holding = false;
      for (const proceed of held.splice(0)) proceed();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

import type { Socket } from 'node:net';
import { Readable } from 'node:stream';
import { parseConnectionUrl } from 'nodemailer/lib/shared/index.js';
import SMTPConnection from 'nodemailer/lib/smtp-connection/index.js';
import type { Logger } from 'pino';

/** What became of one message. */
export type SmtpOutcome =
  /** The server answered 250 to the end of data. */
  | { kind: 'accepted' }
  /**
   * The server said no. `afterData`: the answer came after the end-of-data mark (the mail had been
   * marked sent). `recipient`: it refused the recipient address itself (RCPT TO).
   */
  | {
      kind: 'refused';
      code: number;
      permanent: boolean;
      afterData: boolean;
      recipient: boolean;
      response: string;
    }
  /** Nothing was completed: the connection failed or the claim was lost before the end of data. */
  | { kind: 'not-sent'; reason: string }
  /** The end of data went out but no answer came back; the server may have the mail. */
  | { kind: 'unknown'; reason: string };

type Task = {
  from: string;
  to: string;
  raw: Buffer;
  beforeEnd: () => Promise<boolean>;
  done: (outcome: SmtpOutcome) => void;
};

type SmtpError = Error & { responseCode?: number; response?: string; code?: string; command?: string };

/**
 * A fixed number of SMTP connections (nodemailer's SMTPConnection), each sending one message after
 * another. nodemailer's own pool reads a message into its buffers before the server has accepted the
 * envelope, so it cannot tell when the server holds the whole message. Here the message is a stream
 * that hands over its body only once the DATA command was accepted, then waits for `beforeEnd` (which
 * commits the "sent" mark) before it ends and the end-of-data mark ("\r\n.\r\n") is written. A server
 * discards a message whose connection drops before that mark (RFC 5321 §4.1.1.4), so a mail without the
 * sent mark was never delivered.
 */
export class SmtpPool {
  readonly #options: SMTPConnection.Options;
  readonly #auth: SMTPConnection.Credentials | undefined;
  readonly #size: number;
  readonly #logger: Logger;
  readonly #queue: Task[] = [];
  readonly #idle: SmtpSlot[] = [];
  readonly #slots: SmtpSlot[] = [];

  constructor(url: string, size: number, logger: Logger) {
    const parsed = parseConnectionUrl(url) as SMTPConnection.Options & { auth?: SMTPConnection.Credentials };
    const { auth, ...options } = parsed;
    this.#options = { ...options, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 };
    this.#auth = auth?.user ? auth : undefined;
    this.#size = size;
    this.#logger = logger;
  }

  send(task: Omit<Task, 'done'>): Promise<SmtpOutcome> {
    return new Promise((resolve) => {
      this.#queue.push({ ...task, done: resolve });
      this.#dispatch();
    });
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      let slot = this.#idle.pop();
      if (!slot && this.#slots.length < this.#size) {
        slot = new SmtpSlot(this.#options, this.#auth, this.#logger);
        this.#slots.push(slot);
      }
      if (!slot) return;
      const task = this.#queue.shift()!;
      const busy = slot;
      void busy.send(task).then(() => {
        this.#idle.push(busy);
        this.#dispatch();
      });
    }
  }

  close(): void {
    for (const slot of this.#slots) slot.close();
    this.#slots.length = 0;
    this.#idle.length = 0;
  }
}

/** One connection, opened on first use and again after any failure. */
class SmtpSlot {
  #connection: SMTPConnection | null = null;
  constructor(
    private readonly options: SMTPConnection.Options,
    private readonly auth: SMTPConnection.Credentials | undefined,
    private readonly logger: Logger,
  ) {}

  async send(task: Task): Promise<void> {
    let connection: SMTPConnection;
    try {
      connection = await this.#connect();
    } catch (error) {
      task.done({ kind: 'not-sent', reason: `connect: ${(error as Error).message}` });
      return;
    }
    let ended = false;
    let stage = 0;
    const message = new Readable({
      read() {
        if (stage === 0) {
          // The server accepted DATA (the stream is read only then): hand over the body.
          stage = 1;
          this.push(task.raw);
        } else if (stage === 1) {
          // The body is in the connection's hands; only the end-of-data mark is left. Once the socket
          // has handed everything to the kernel, a kill cannot cut the body short behind the mark.
          stage = 2;
          flushed(connection)
            .then(() => task.beforeEnd())
            .then(
              (marked) => {
                if (!marked) return this.destroy(new Error('claim lost before the end of data'));
                ended = true;
                this.push(null);
              },
              (error: unknown) => this.destroy(error as Error),
            );
        }
      },
    });
    const outcome = await new Promise<SmtpOutcome>((resolve) => {
      connection.send({ from: task.from, to: [task.to] }, message, (error) => {
        if (!error) return resolve({ kind: 'accepted' });
        resolve(classify(error as SmtpError, ended));
      });
    });
    // After a failure the connection's state is unknown (it may be in the middle of DATA): start afresh.
    if (outcome.kind !== 'accepted') this.close();
    task.done(outcome);
  }

  async #connect(): Promise<SMTPConnection> {
    if (this.#connection) return this.#connection;
    const connection = new SMTPConnection(this.options);
    connection.on('error', (error) => this.logger.warn({ err: error }, 'SMTP connection error'));
    connection.once('end', () => {
      if (this.#connection === connection) this.#connection = null;
    });
    await new Promise<void>((resolve, reject) =>
      connection.connect((error) => (error ? reject(error) : resolve())),
    );
    if (this.auth) {
      const credentials = this.auth;
      await new Promise<void>((resolve, reject) =>
        connection.login(credentials, (error) => (error ? reject(error) : resolve())),
      );
    }
    this.#connection = connection;
    return connection;
  }

  close(): void {
    const connection = this.#connection;
    this.#connection = null;
    connection?.close();
  }
}

/** Resolves once the connection's socket has written out everything it was given. */
async function flushed(connection: SMTPConnection): Promise<void> {
  // nodemailer keeps its socket private; it is only read here. 'drain' fires only after a write was
  // refused, so the socket's buffer is watched across turns of the event loop (writes complete there).
  const socket = (connection as unknown as { _socket?: Socket })._socket;
  while (socket && socket.writableLength > 0 && !socket.destroyed) {
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function classify(error: SmtpError, ended: boolean): SmtpOutcome {
  const code = error.responseCode;
  if (code !== undefined && code >= 400) {
    return {
      kind: 'refused',
      code,
      permanent: code >= 500,
      afterData: ended,
      recipient: error.code === 'EENVELOPE',
      response: error.response ?? error.message,
    };
  }
  return ended ? { kind: 'unknown', reason: error.message } : { kind: 'not-sent', reason: error.message };
}

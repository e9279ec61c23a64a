/**
 * The SMTP sink of the mail bench, in its own process so that receiving mail does not take the event
 * loop of the server being measured. Prints its port; answers `count` messages over IPC with how many
 * messages it accepted and how many distinct recipients they had.
 */
import { startSmtpSink } from '../server/test/smtp-sink.js';

const sink = await startSmtpSink();
const perRecipient = new Map<string, number>();
let seen = 0;
function tally() {
  for (; seen < sink.messages.length; seen += 1) {
    const to = sink.messages[seen]!.to;
    perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
    // Only the count matters here: drop the body so 50,000 messages do not fill the memory.
    sink.messages[seen]!.raw = '';
  }
  return {
    messages: sink.messages.length,
    recipients: perRecipient.size,
    duplicates: [...perRecipient.values()].filter((count) => count > 1).length,
  };
}
process.on('message', (message) => {
  if (message === 'count') process.send?.(tally());
  if (message === 'exit') void sink.close().then(() => process.exit(0));
});
// The bench may end (or fail) without saying so: the sink ends with it.
process.on('disconnect', () => process.exit(0));
process.send?.({ port: sink.port });

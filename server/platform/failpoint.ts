/**
 * Fault injection for crash tests. When `ENISHI_FAILPOINT` names a point, the process stops there:
 * it says so once on stderr and then waits until it is killed, so a test kills it at a known place
 * instead of racing a timer. Deployments never set it, and a point it does not name costs one
 * comparison.
 */
export async function failpoint(name: string): Promise<void> {
  if (process.env.ENISHI_FAILPOINT !== name) return;
  process.stderr.write(`failpoint ${name} reached\n`);
  await new Promise<never>(() => {});
}

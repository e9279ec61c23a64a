/**
 * The process-wide "stopping" state. Once it begins, live streams end (browsers reconnect to the next
 * instance), requests on connections that are still open are refused with 503, and multi-step jobs stop
 * after the step they are in.
 */
export class Shutdown {
  readonly #controller = new AbortController();

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  get stopping(): boolean {
    return this.#controller.signal.aborted;
  }

  begin(): void {
    this.#controller.abort();
  }
}

// Tests may reach only this machine: a stray call to the outside fails loudly instead of hanging.
const realFetch = globalThis.fetch;
globalThis.fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    return Promise.reject(new Error(`network is off in tests: ${url.href}`));
  }
  return realFetch(input, init);
};

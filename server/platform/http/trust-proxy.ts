import { BlockList, isIP } from 'node:net';

/**
 * Which reverse proxies in front of Enishi may say who the client is: a number of hops (each proxy
 * appends the address it saw to X-Forwarded-For) or the networks the proxies are in.
 */
export type TrustProxy = { hops: number } | { networks: BlockList; description: string };

/** TRUST_PROXY: empty for none, a hop count (`1`), or addresses and CIDR ranges (`10.0.0.0/8, ::1`). */
export function parseTrustProxy(value: string | undefined): TrustProxy | null | Error {
  const text = value?.trim() ?? '';
  if (text === '' || text === '0') return null;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops <= 32 ? { hops } : new Error('a hop count is at most 32');
  }
  const networks = new BlockList();
  for (const entry of text.split(/[\s,]+/).filter(Boolean)) {
    const [address = '', prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    const bits = prefix === undefined ? (family === 6 ? 128 : 32) : Number(prefix);
    const maxBits = family === 6 ? 128 : 32;
    if (!family || rest.length > 0 || !/^\d*$/.test(prefix ?? '') || bits > maxBits || prefix === '') {
      return new Error(`"${entry}" is neither a hop count nor an address or CIDR range (e.g. 10.0.0.0/8)`);
    }
    networks.addSubnet(address, bits, family === 6 ? 'ipv6' : 'ipv4');
  }
  return { networks, description: text };
}

/** `::ffff:10.0.0.1` → `10.0.0.1`; `[::1]:443` or `10.0.0.1:443` → the address alone. */
export function normaliseAddress(raw: string): string {
  let address = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed?.[1]) address = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  if (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address)) address = address.slice(7);
  return address.toLowerCase();
}

function isTrusted(networks: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && networks.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The client's address: the socket's peer, or, behind trusted proxies, the address the outermost of
 * them saw. X-Forwarded-For is read right to left (nearest proxy first) and only as far as trust goes,
 * so a client cannot choose its own address by sending the header itself.
 */
export function resolveClientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  trust: TrustProxy | null,
): string {
  const peer = socketAddress ? normaliseAddress(socketAddress) : 'unknown';
  if (!trust || !forwardedFor) return peer;
  const chain = [peer, ...forwardedFor.split(',').map(normaliseAddress).filter(Boolean).reverse()];
  let index = 0;
  if ('hops' in trust) index = Math.min(trust.hops, chain.length - 1);
  else while (index < chain.length - 1 && isTrusted(trust.networks, chain[index]!)) index += 1;
  // A proxy writes real addresses; anything else came from the client, so keep the last address we trust.
  while (index > 0 && isIP(chain[index]!) === 0) index -= 1;
  return chain[index]!;
}

export function isLoopbackAddress(address: string): boolean {
  return address === '::1' || /^127\.\d+\.\d+\.\d+$/.test(address);
}

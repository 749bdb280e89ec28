/**
 * The client's network address, for per-address limits. The front server
 * (lib/server/http-server.ts) sets this header on every request it hands on, after removing any
 * copy the client sent: the socket's peer address, or the X-Forwarded-For entry that
 * PROMPTDECK_TRUST_PROXY's proxies added. A request that did not pass through it (tests calling
 * a route directly) has no address.
 */
export const CLIENT_ADDRESS_HEADER = 'x-promptdeck-client-address';

export function clientAddressOf(req: { headers: { get(name: string): string | null } }): string {
  return req.headers.get(CLIENT_ADDRESS_HEADER) || 'unknown';
}

const normalise = (a: string) => a.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1').toLowerCase();

/**
 * With `trustedHops` proxies in front, each appending the address it received the request from,
 * the client is the entry `trustedHops` from the right of X-Forwarded-For; entries further left
 * were written by the client and prove nothing. No proxy trusted: the socket's peer.
 */
export function resolveClientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustedHops: number): string {
  const socket = normalise(socketAddress ?? 'unknown');
  if (trustedHops <= 0 || forwardedFor === undefined) return socket;
  const list = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (list.length === 0) return socket;
  return normalise(list[Math.max(0, list.length - trustedHops)]!);
}

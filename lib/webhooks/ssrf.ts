import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * SSRF protection for webhook targets. A URL must be https: and every address its host resolves
 * to must be public: loopback, private (RFC 1918, CGNAT), link-local (cloud metadata at
 * 169.254.169.254), unique-local IPv6, multicast and reserved ranges are refused. The check runs
 * when a webhook is created and again at connect time on the address actually dialled
 * (`guardedLookup`), so a DNS answer that changes later (rebinding) cannot reach the inside;
 * redirects are never followed. `allowPrivate` (PROMPTDECK_WEBHOOK_ALLOW_PRIVATE=true) lifts
 * both rules for tests and local set-ups.
 */
const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
  ['2001:db8::', 32],
  ['100::', 64],
] as const) blocked.addSubnet(net, prefix, 'ipv6');

/** The IPv4 address embedded in an IPv4-mapped (::ffff:a.b.c.d), -compatible or NAT64 IPv6 address. */
function embeddedIpv4(addr: string): string | null {
  const lower = addr.toLowerCase();
  const m = /^(?:::ffff:|::|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (m) return m[1]!;
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex) {
    const hi = parseInt(hex[1]!, 16);
    const lo = parseInt(hex[2]!, 16);
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return null;
}

/** Whether an IP address is loopback, private, link-local, unique-local or otherwise not public. */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return blocked.check(bare, 'ipv4');
  if (family === 6) {
    const v4 = embeddedIpv4(bare);
    if (v4) return blocked.check(v4, 'ipv4');
    return blocked.check(bare, 'ipv6');
  }
  return true; // not an address at all: refuse
}

export class UnsafeTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeTargetError';
  }
}

/** The URL's problems that need no network: scheme, credentials, literal addresses. */
export function checkUrlShape(raw: string, allowPrivate: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeTargetError('Not a valid URL.');
  }
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:')) throw new UnsafeTargetError('The URL must use https:.');
  if (url.username || url.password) throw new UnsafeTargetError('The URL must not carry credentials; sign with the webhook secret instead.');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && isIP(host) && isPrivateAddress(host)) throw new UnsafeTargetError(`${host} is a loopback, private or link-local address.`);
  if (!allowPrivate && (host === 'localhost' || host.endsWith('.localhost'))) throw new UnsafeTargetError(`${host} is a loopback name.`);
  return url;
}

/** Full check for a new webhook: shape, then every address the host resolves to. */
export type Resolver = (host: string) => Promise<{ address: string }[]>;
const systemResolver: Resolver = (host) => lookup(host, { all: true, verbatim: true });

export async function checkWebhookUrl(raw: string, allowPrivate: boolean, resolve: Resolver = systemResolver): Promise<URL> {
  const url = checkUrlShape(raw, allowPrivate);
  if (allowPrivate) return url;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return url;
  let addrs: { address: string }[];
  try {
    addrs = await resolve(host);
  } catch {
    throw new UnsafeTargetError(`${host} could not be resolved.`);
  }
  const bad = addrs.find((a) => isPrivateAddress(a.address));
  if (bad) throw new UnsafeTargetError(`${host} resolves to ${bad.address}, a loopback, private or link-local address.`);
  return url;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | { address: string; family: number }[], family?: number) => void;

/**
 * A `lookup` for http(s).request that refuses private answers at connect time: the address
 * checked is the address dialled.
 */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: { all?: boolean }, cb: LookupCallback): void => {
    lookup(hostname, { all: true, verbatim: true })
      .then((addrs) => {
        const ok = allowPrivate ? addrs : addrs.filter((a) => !isPrivateAddress(a.address));
        if (ok.length === 0) {
          const err = new UnsafeTargetError(`${hostname} resolves to ${addrs.map((a) => a.address).join(', ') || 'nothing'}: refused (loopback, private or link-local).`) as unknown as NodeJS.ErrnoException;
          err.code = 'EUNSAFE';
          cb(err, '');
          return;
        }
        if (options.all) cb(null, ok);
        else cb(null, ok[0]!.address, ok[0]!.family);
      })
      .catch((err: NodeJS.ErrnoException) => cb(err, ''));
  };
}

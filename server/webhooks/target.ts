import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

// Where a webhook may go. A target that resolves to a loopback, private, link-local (or otherwise
// not public) address is refused unless its endpoint allows it: a config mistake or a hostile DNS
// answer must not make Koers POST into its own network. Every address a name resolves to is
// checked at delivery time, and the connection goes to the checked address (the lookup handed to
// http.request), so a second, different DNS answer (rebinding) cannot slip past the check.

const notPublic = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local (cloud metadata lives here)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  notPublic.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  notPublic.addSubnet(net, prefix, 'ipv6');
}

/** Whether an IP address is loopback, private, link-local or otherwise not on the public internet. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return notPublic.check(address, 'ipv4');
  if (family !== 6) return true; // not an address at all: never a target
  // IPv4-mapped and NAT64 addresses carry an IPv4 address: judge that one.
  const embedded = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (embedded) return isPrivateAddress(embedded);
  const mappedHex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (mappedHex) {
    const n = (parseInt(mappedHex[1], 16) << 16) | parseInt(mappedHex[2], 16);
    return isPrivateAddress([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.'));
  }
  return notPublic.check(address, 'ipv6');
}

export class TargetRefused extends Error {}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
type Resolve = (hostname: string, callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

const systemResolve: Resolve = (hostname, callback) => dnsLookup(hostname, { all: true, verbatim: true }, callback);

/**
 * A `lookup` for http.request: resolves the name once, refuses it when any address is not public
 * (unless allowed), and hands the socket exactly the addresses it checked.
 */
export function checkedLookup(allowPrivate: boolean, resolve: Resolve = systemResolve) {
  return (hostname: string, options: { all?: boolean; family?: number | string }, callback: LookupCallback) => {
    resolve(hostname, (error, addresses) => {
      if (error) return callback(error, []);
      const wanted = addresses.filter((a) => !options.family || options.family === a.family || options.family === `IPv${a.family}`);
      if (!wanted.length) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
      const refused = allowPrivate ? undefined : addresses.find((a) => isPrivateAddress(a.address));
      if (refused) return callback(new TargetRefused(privateTargetMessage(hostname, refused.address)), []);
      if (options.all) callback(null, wanted);
      else callback(null, wanted[0].address, wanted[0].family);
    });
  };
}

export function privateTargetMessage(host: string, address: string) {
  return `refused: ${host} resolves to ${address}, a loopback, private or link-local address (set allowPrivateTarget: true on this webhook if you mean it)`;
}

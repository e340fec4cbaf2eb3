/**
 * Minimal IPv4/IPv6 parsing for allowlists: an address becomes 4 or 16
 * bytes; IPv4-mapped IPv6 (`::ffff:1.2.3.4`, common on dual-stack sockets)
 * becomes its IPv4 form so one allowlist entry covers both spellings.
 */
export function parseIpAddress(text: string): Uint8Array | undefined {
  const address =
    text
      .trim()
      .replace(/^\[|\]$/g, '')
      .split('%')[0] ?? '';
  const v4 = parseIpv4(address);
  if (v4 !== undefined) return v4;
  const v6 = parseIpv6(address);
  if (v6 === undefined) return undefined;
  const mapped =
    v6.slice(0, 10).every(byte => byte === 0) &&
    v6[10] === 0xff &&
    v6[11] === 0xff;
  return mapped ? v6.slice(12) : v6;
}

function parseIpv4(text: string): Uint8Array | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes = new Uint8Array(4);
  for (const [index, part] of parts.entries()) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    bytes[index] = Number(part);
  }
  return bytes;
}

function parseIpv6(text: string): Uint8Array | undefined {
  if (!/^[0-9a-f:.]+$/i.test(text) || text.split('::').length > 2)
    return undefined;
  const parseGroups = (part: string): number[] | undefined => {
    if (part === '') return [];
    const result: number[] = [];
    for (const group of part.split(':')) {
      if (group.includes('.')) {
        const v4 = parseIpv4(group);
        if (v4 === undefined) return undefined;
        result.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      } else if (/^[0-9a-f]{1,4}$/i.test(group)) {
        result.push(parseInt(group, 16));
      } else {
        return undefined;
      }
    }
    return result;
  };
  const [head = '', tail] = text.split('::');
  const headGroups = parseGroups(head);
  const tailGroups = tail === undefined ? [] : parseGroups(tail);
  if (headGroups === undefined || tailGroups === undefined) return undefined;
  let groups: number[];
  if (tail === undefined) {
    groups = headGroups;
  } else {
    const fill = 8 - headGroups.length - tailGroups.length;
    if (fill < 1) return undefined;
    groups = [...headGroups, ...new Array<number>(fill).fill(0), ...tailGroups];
  }
  if (groups.length !== 8) return undefined;
  const bytes = new Uint8Array(16);
  groups.forEach((group, index) => {
    bytes[index * 2] = group >> 8;
    bytes[index * 2 + 1] = group & 0xff;
  });
  return bytes;
}

/** An allowlist entry: an address, or a CIDR range such as `10.0.0.0/8`. */
export interface IpRange {
  bytes: Uint8Array;
  prefix: number;
}

/** Parses `1.2.3.4`, `1.2.3.0/24`, `2001:db8::/32`; undefined when invalid. */
export function parseIpRange(text: string): IpRange | undefined {
  const [address = '', prefixText] = text.trim().split('/');
  const bytes = parseIpAddress(address);
  if (bytes === undefined) return undefined;
  const maxPrefix = bytes.length * 8;
  let prefix = prefixText === undefined ? maxPrefix : Number(prefixText);
  // A range written in mapped form (::ffff:10.0.0.0/104) is an IPv4 range.
  if (prefixText !== undefined && bytes.length === 4 && address.includes(':'))
    prefix -= 96;
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > maxPrefix)
    return undefined;
  return { bytes, prefix };
}

/** Whether an address lies inside a range (same family only). */
export function ipInRange(address: Uint8Array, range: IpRange): boolean {
  if (address.length !== range.bytes.length) return false;
  let bits = range.prefix;
  for (let index = 0; bits > 0; index++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if (((address[index] ?? 0) & mask) !== ((range.bytes[index] ?? 0) & mask))
      return false;
  }
  return true;
}

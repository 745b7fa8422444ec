/**
 * IP whitelist parsing and checking. Pure: no DOM, no browser API.
 *
 * Validation is strict on purpose: a whitelist entry that one parser reads differently from
 * another (leading zeros read as octal, a host part that does not match the prefix) is how a
 * whitelist ends up allowing something other than what the user meant. Every finding is advice;
 * nothing here refuses input.
 *
 * What it says is Words (a message key and its substitutions), never English: the watcher says
 * them in the page's language, and this module must not bundle a catalogue.
 */
import { type PlainKey, type Words, words } from '../i18n/keys';

export type IpKind = 'ipv4' | 'ipv6' | 'ipv4-cidr' | 'ipv6-cidr' | 'invalid';

export interface IpEntry {
  /** The piece exactly as written in the list. */
  raw: string;
  kind: IpKind;
  /** The CIDR prefix length; null for a single address or an invalid entry. */
  prefix: number | null;
  /** Why the entry is invalid, as the whole finding about it (only when kind is 'invalid'). */
  reason?: Words;
  /** A warning that does not make the entry invalid, e.g. host bits set below the prefix. */
  note?: Words;
  /** The whole range lies in a private or reserved block that never reaches an exchange. */
  private?: true;
  /** The reserved block, e.g. "10.0.0.0/8", with `private`. */
  privateRange?: string;
  /** What that block is for, with `private`. */
  reserved?: ReservedKind;
  /** Normal form: lower-case, IPv6 compressed per RFC 5952, "/prefix" kept for CIDR entries. */
  canonical?: string;
}

export type IpFindingCode =
  | 'ip-empty'
  | 'ip-invalid'
  | 'ip-over-broad'
  | 'ip-private'
  | 'ip-too-many'
  | 'ip-duplicate';

export interface IpFinding {
  code: IpFindingCode;
  /** The entry the finding is about; null for findings about the whole list. */
  entry: IpEntry | null;
  message: Words;
}

// Exchanges' forms take comma-separated lists, OKX also spaces; people paste from spreadsheets
// (tabs, newlines) and from Chinese-language pages (，、； and the ideographic space U+3000, which
// \s already covers).
const SEPARATORS = /[\s,;，、；]+/u;

/** Splits a pasted whitelist into entries; empty pieces are dropped. */
export function parseIpList(text: string): IpEntry[] {
  return splitIpText(text).map((raw) => analyse(raw).entry);
}

function splitIpText(text: string): string[] {
  return text.split(SEPARATORS).filter((piece) => piece.length > 0);
}

/**
 * True for entries that allow far more addresses than a trading platform uses: any IPv4 prefix
 * shorter than /24 (over 256 addresses), any IPv6 prefix shorter than /48 (a whole site), and
 * /0, which is the same as no whitelist at all.
 */
export function overBroad(entry: IpEntry): boolean {
  if (entry.prefix === null) return false;
  if (entry.kind === 'ipv4-cidr') return entry.prefix < 24;
  if (entry.kind === 'ipv6-cidr') return entry.prefix < 48;
  return false;
}

/**
 * The findings for a whitelist as typed. `maxEntries` is the exchange's limit (null: unknown);
 * `exchangeName` only goes into messages (null: "This exchange").
 */
export function ipWhitelistFindings(
  text: string,
  maxEntries: number | null,
  exchangeName: string | null = null,
): IpFinding[] {
  return findingsFor(splitIpText(text).map(analyse), maxEntries, exchangeName);
}

/** The same findings for entries already parsed with parseIpList. */
export function ipListFindings(
  entries: readonly IpEntry[],
  maxEntries: number | null,
  exchangeName: string | null = null,
): IpFinding[] {
  return findingsFor(
    entries.map((entry) => analyse(entry.raw)),
    maxEntries,
    exchangeName,
  );
}

function findingsFor(parsed: Analysed[], maxEntries: number | null, exchangeName: string | null): IpFinding[] {
  if (parsed.length === 0) return [{ code: 'ip-empty', entry: null, message: words('noteIpEmpty') }];
  const findings: IpFinding[] = [];
  if (maxEntries !== null && parsed.length > maxEntries) {
    findings.push({ code: 'ip-too-many', entry: null, message: tooMany(maxEntries, parsed.length, exchangeName) });
  }
  const seen = new Map<string, IpEntry>();
  for (const { entry, range } of parsed) {
    if (entry.kind === 'invalid' || range === null) {
      findings.push({
        code: 'ip-invalid',
        entry,
        message: entry.reason ?? words('noteIpInvalidUnknown', { entry: entry.raw }),
      });
      continue;
    }
    // Duplicates compare the range each entry allows, so 1.2.3.4 and 1.2.3.4/32, or 10.0.0.5/24
    // and 10.0.0.0/24, count as the same entry.
    const key = rangeKey(range);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      const message =
        earlier.raw === entry.raw
          ? words('noteIpDuplicate', { entry: entry.raw })
          : words('noteIpDuplicateOf', { earlier: earlier.raw, entry: entry.raw });
      findings.push({ code: 'ip-duplicate', entry, message });
      continue;
    }
    seen.set(key, entry);
    if (entry.private) {
      // A private range is never over-broad in the sense that matters: it admits nobody on the
      // internet. Saying it is unreachable is the useful message.
      findings.push({ code: 'ip-private', entry, message: reservedWords(entry.raw, entry.privateRange ?? '', entry.reserved ?? 'reserved') });
    } else if (overBroad(entry)) {
      findings.push({ code: 'ip-over-broad', entry, message: overBroadMessage(entry, range) });
    }
  }
  return findings;
}

/**
 * The limit as a whole sentence: English says "1 IP address" but "20 IP addresses", and the other
 * catalogues word each so that the count changes no word, so one message per case, no plural forms.
 */
function tooMany(max: number, count: number, exchange: string | null): Words {
  if (exchange === null) return max === 1 ? words('noteIpTooManyHereOne', { count }) : words('noteIpTooManyHere', { count, max });
  return max === 1 ? words('noteIpTooManyOne', { count, exchange }) : words('noteIpTooMany', { count, exchange, max });
}

function overBroadMessage(entry: IpEntry, range: IpRange): Words {
  if (range.prefix === 0) return words('noteIpEveryAddress', { entry: entry.raw });
  const hostBits = range.bytes.length * 8 - range.prefix;
  // A number is written as the language writes numbers (65,536; 65 536); beyond 2^52 as a power.
  const count = hostBits <= 52 ? 2 ** hostBits : `2^${hostBits}`;
  const narrowest = range.bytes.length === 4 ? '/24' : '/48';
  return words('noteIpOverBroad', { count, entry: entry.raw, narrowest });
}

// ---------------------------------------------------------------------------------------------
// Parsing

interface IpRange {
  /** 4 bytes for IPv4, 16 for IPv6, host bits as written (not masked). */
  bytes: number[];
  /** The prefix length; full length (32 or 128) for a single address. */
  prefix: number;
}

interface Analysed {
  entry: IpEntry;
  /** null for an invalid entry. */
  range: IpRange | null;
}

/** Why a piece is not an address, as the whole sentence about the entry it was found in. */
type Reason = (entry: string) => Words;

type Parsed<T> = { ok: true; value: T } | { ok: false; reason: Reason };

function invalid(raw: string, reason: Reason): Analysed {
  return { entry: { raw, kind: 'invalid', prefix: null, reason: reason(raw) }, range: null };
}

function analyse(raw: string): Analysed {
  if (/[^\x21-\x7e]/.test(raw)) return invalid(raw, (entry) => words('noteIpInvalidNotAscii', { entry }));
  const lower = raw.toLowerCase();
  if (lower.includes('%')) return invalid(raw, (entry) => words('noteIpInvalidZone', { entry }));
  if (lower.includes('*')) {
    return invalid(raw, (entry) => words('noteIpInvalidWildcard', { entry, example: wildcardExample(lower) }));
  }
  const dash = lower.indexOf('-');
  if (dash > 0 && looksLikeAddress(lower.slice(0, dash))) {
    return invalid(raw, (entry) => words('noteIpInvalidRange', { entry, example: rangeExample(lower.slice(0, dash)) }));
  }
  if (lower.includes('://')) return invalid(raw, (entry) => words('noteIpInvalidUrl', { entry }));
  if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(lower) || /^\[.*\](:\d+)?$/.test(lower)) {
    return invalid(raw, (entry) => words('noteIpInvalidPort', { entry }));
  }
  const slashes = lower.split('/');
  if (slashes.length > 2) return invalid(raw, (entry) => words('noteIpInvalidSlashes', { entry }));
  const [addressText = '', prefixText] = slashes;
  const v6 = addressText.includes(':');
  // IPv6 uses the letters a-f only; IPv4 none.
  if (/[g-z_]/.test(addressText) || (!v6 && /[a-f]/.test(addressText))) {
    return invalid(raw, (entry) => words('noteIpInvalidHostName', { entry }));
  }
  const address = v6 ? parseIpv6(addressText) : parseIpv4(addressText);
  if (!address.ok) return invalid(raw, address.reason);
  const full = address.value.length * 8;
  let prefix: number | null = null;
  if (prefixText !== undefined) {
    const parsedPrefix = parsePrefix(prefixText, full);
    if (!parsedPrefix.ok) return invalid(raw, parsedPrefix.reason);
    prefix = parsedPrefix.value;
  }
  const kind: IpKind = v6 ? (prefix === null ? 'ipv6' : 'ipv6-cidr') : prefix === null ? 'ipv4' : 'ipv4-cidr';
  const range: IpRange = { bytes: address.value, prefix: prefix ?? full };
  const addressCanonical = formatAddress(address.value);
  const entry: IpEntry = {
    raw,
    kind,
    prefix,
    canonical: prefix === null ? addressCanonical : `${addressCanonical}/${prefix}`,
  };
  const network = mask(range.bytes, range.prefix);
  if (!sameBytes(network, range.bytes)) {
    const networkText = `${formatAddress(network)}/${range.prefix}`;
    // Most parsers silently mask the host part; some exchanges reject the entry. Either way the
    // user probably meant something else, so say what the entry really covers.
    entry.note = words('noteIpHostBits', { address: formatAddress(range.bytes), entry: raw, prefix: range.prefix, range: networkText });
  }
  const reserved = reservedBlock(range);
  if (reserved !== null) {
    entry.private = true;
    entry.privateRange = `${formatAddress(reserved.bytes)}/${reserved.prefix}`;
    entry.reserved = reserved.kind;
  }
  return { entry, range };
}

/** The first field of a range "a-b" is an address: the whole piece is a range, not a typo. */
function looksLikeAddress(text: string): boolean {
  return parseIpv4(text).ok || (text.includes(':') && parseIpv6(text).ok);
}

function rangeExample(start: string): string {
  const v4 = parseIpv4(start);
  if (v4.ok) return `${formatAddress(mask(v4.value, 24))}/24`;
  const v6 = parseIpv6(start);
  if (v6.ok) return `${formatAddress(mask(v6.value, 48))}/48`;
  return '1.2.3.0/24';
}

function wildcardExample(text: string): string {
  // "1.2.3.*" means 1.2.3.0/24 and "1.2.*.*" 1.2.0.0/16; other shapes get a generic example.
  const parts = text.split('.');
  const firstStar = parts.indexOf('*');
  const fixed = parts.slice(0, Math.max(firstStar, 0));
  const wellFormed =
    parts.length === 4 &&
    firstStar > 0 &&
    parts.slice(firstStar).every((part) => part === '*') &&
    fixed.every((part) => parseIpv4(`${part}.0.0.0`).ok);
  if (!wellFormed) return '1.2.3.0/24';
  return `${[...fixed, '0', '0', '0'].slice(0, 4).join('.')}/${fixed.length * 8}`;
}

/** `inV6`: the dotted tail of an IPv6 address, whose sentences say "its IPv4 part is invalid". */
function parseIpv4(text: string, inV6 = false): Parsed<number[]> {
  const parts = text.split('.');
  if (parts.length !== 4) {
    return { ok: false, reason: (entry) => (inV6 ? words('noteIpInvalidV6TailParts', { entry }) : words('noteIpInvalidV4Parts', { entry })) };
  }
  const bytes: number[] = [];
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) {
      return { ok: false, reason: (entry) => (inV6 ? words('noteIpInvalidV6TailNumber', { entry }) : words('noteIpInvalidV4Number', { entry })) };
    }
    if (part.length > 1 && part.startsWith('0')) {
      // inet_aton() reads 010 as octal 8, most forms as decimal 10: the whitelist may not hold
      // the address the user meant.
      return {
        ok: false,
        reason: (entry) =>
          inV6 ? words('noteIpInvalidV6TailLeadingZero', { entry, part }) : words('noteIpInvalidV4LeadingZero', { entry, part }),
      };
    }
    const value = Number(part);
    if (value > 255) {
      return {
        ok: false,
        reason: (entry) =>
          inV6 ? words('noteIpInvalidV6TailOutOfRange', { entry, part }) : words('noteIpInvalidV4OutOfRange', { entry, part }),
      };
    }
    bytes.push(value);
  }
  return { ok: true, value: bytes };
}

function parseIpv6(text: string): Parsed<number[]> {
  const fail: Parsed<number[]> = { ok: false, reason: (entry) => words('noteIpInvalidV6', { entry }) };
  const halves = text.split('::');
  if (halves.length > 2) {
    return { ok: false, reason: (entry) => words('noteIpInvalidV6DoubleColon', { entry }) };
  }
  const head = parseGroups(halves[0] ?? '', halves.length === 1);
  const tail = halves.length === 2 ? parseGroups(halves[1] ?? '', true) : { ok: true as const, value: [] };
  if (!head.ok) return head;
  if (!tail.ok) return tail;
  if (halves.length === 1) {
    return head.value.length === 16 ? head : { ok: false, reason: (entry) => words('noteIpInvalidV6Groups', { entry }) };
  }
  // "::" stands for one or more zero groups, so at most seven groups may be written around it.
  const missing = 16 - head.value.length - tail.value.length;
  if (missing < 2) return fail;
  return { ok: true, value: [...head.value, ...new Array<number>(missing).fill(0), ...tail.value] };
}

/** Colon-separated hex groups, the last of which may be a dotted IPv4 address when allowed. */
function parseGroups(text: string, ipv4TailAllowed: boolean): Parsed<number[]> {
  if (text === '') return { ok: true, value: [] };
  const groups = text.split(':');
  const bytes: number[] = [];
  for (const [index, group] of groups.entries()) {
    if (index === groups.length - 1 && ipv4TailAllowed && group.includes('.')) {
      const v4 = parseIpv4(group, true);
      if (!v4.ok) return v4;
      bytes.push(...v4.value);
      continue;
    }
    if (!/^[0-9a-f]{1,4}$/.test(group)) {
      return { ok: false, reason: (entry) => words('noteIpInvalidV6Group', { entry }) };
    }
    const value = parseInt(group, 16);
    bytes.push(value >> 8, value & 0xff);
  }
  return { ok: true, value: bytes };
}

function parsePrefix(text: string, full: number): Parsed<number> {
  if (!/^(?:0|[1-9]\d{0,2})$/.test(text) || Number(text) > full) {
    return { ok: false, reason: (entry) => words('noteIpInvalidPrefix', { entry, max: full }) };
  }
  return { ok: true, value: Number(text) };
}

function mask(bytes: readonly number[], prefix: number): number[] {
  return bytes.map((byte, index) => {
    const bits = Math.min(8, Math.max(0, prefix - index * 8));
    return byte & ((0xff << (8 - bits)) & 0xff);
  });
}

function sameBytes(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}

function rangeKey(range: IpRange): string {
  return `${formatAddress(mask(range.bytes, range.prefix))}/${range.prefix}`;
}

/** Dotted quad, or RFC 5952 IPv6: lower-case, no leading zeros, the longest zero run as "::". */
function formatAddress(bytes: readonly number[]): string {
  if (bytes.length === 4) return bytes.join('.');
  const groups: number[] = [];
  for (let index = 0; index < bytes.length; index += 2) {
    groups.push(((bytes[index] ?? 0) << 8) | (bytes[index + 1] ?? 0));
  }
  let bestStart = -1;
  let bestLength = 0;
  for (let start = 0; start < groups.length; ) {
    if (groups[start] !== 0) {
      start += 1;
      continue;
    }
    let end = start;
    while (end < groups.length && groups[end] === 0) end += 1;
    if (end - start > bestLength) {
      bestStart = start;
      bestLength = end - start;
    }
    start = end;
  }
  const hex = groups.map((group) => group.toString(16));
  // RFC 5952 4.2.2: a single zero group is not compressed.
  if (bestLength < 2) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

// ---------------------------------------------------------------------------------------------
// Reserved blocks: addresses an exchange's servers never see as a client address, because they
// are not routed on the internet. A whitelist entry inside one is almost certainly the address of
// the user's own machine on a home or office network, or an address copied from an example.

/** What a reserved block is for; each has its own sentence (noteIpReserved…). */
export type ReservedKind =
  | 'this-network'
  | 'private'
  | 'cgnat'
  | 'loopback'
  | 'link-local'
  | 'documentation'
  | 'benchmark'
  | 'multicast'
  | 'reserved'
  | 'unspecified'
  | 'unique-local';

interface ReservedBlock {
  bytes: number[];
  prefix: number;
  kind: ReservedKind;
}

function block(text: string, kind: ReservedKind): ReservedBlock {
  const [address = '', prefix = ''] = text.split('/');
  const parsed = address.includes(':') ? parseIpv6(address) : parseIpv4(address);
  if (!parsed.ok) throw new Error(`Bad reserved block ${text}`);
  return { bytes: parsed.value, prefix: Number(prefix), kind };
}

/** "10.0.0.5 is in 10.0.0.0/8 (a private network): …", one whole sentence per kind of block. */
const RESERVED_WORDS = {
  'this-network': 'noteIpReservedThisNetwork',
  private: 'noteIpReservedPrivate',
  cgnat: 'noteIpReservedCgnat',
  loopback: 'noteIpReservedLoopback',
  'link-local': 'noteIpReservedLinkLocal',
  documentation: 'noteIpReservedDocumentation',
  benchmark: 'noteIpReservedBenchmark',
  multicast: 'noteIpReservedMulticast',
  reserved: 'noteIpReservedReserved',
  unspecified: 'noteIpReservedUnspecified',
  'unique-local': 'noteIpReservedUniqueLocal',
} as const satisfies Record<ReservedKind, PlainKey>;

function reservedWords(entry: string, range: string, kind: ReservedKind): Words {
  return words(RESERVED_WORDS[kind], { entry, range });
}

const RESERVED_V4: readonly ReservedBlock[] = [
  block('0.0.0.0/8', 'this-network'),
  block('10.0.0.0/8', 'private'),
  block('100.64.0.0/10', 'cgnat'),
  block('127.0.0.0/8', 'loopback'),
  block('169.254.0.0/16', 'link-local'),
  block('172.16.0.0/12', 'private'),
  block('192.0.2.0/24', 'documentation'),
  block('192.168.0.0/16', 'private'),
  block('198.18.0.0/15', 'benchmark'),
  block('198.51.100.0/24', 'documentation'),
  block('203.0.113.0/24', 'documentation'),
  block('224.0.0.0/4', 'multicast'),
  block('240.0.0.0/4', 'reserved'),
];

const RESERVED_V6: readonly ReservedBlock[] = [
  block('::/128', 'unspecified'),
  block('::1/128', 'loopback'),
  block('fc00::/7', 'unique-local'),
  block('fe80::/10', 'link-local'),
  block('ff00::/8', 'multicast'),
  block('2001:db8::/32', 'documentation'),
];

// Only its address matters: an address inside it is judged by its IPv4 part.
const V4_MAPPED = block('::ffff:0.0.0.0/96', 'reserved');

/** The reserved block the whole range lies inside, if any. */
function reservedBlock(range: IpRange): ReservedBlock | null {
  const inside = (candidate: ReservedBlock, bytes: number[], prefix: number): boolean =>
    prefix >= candidate.prefix && sameBytes(mask(bytes, candidate.prefix), mask(candidate.bytes, candidate.prefix));
  if (range.bytes.length === 4) {
    return RESERVED_V4.find((candidate) => inside(candidate, range.bytes, range.prefix)) ?? null;
  }
  const found = RESERVED_V6.find((candidate) => inside(candidate, range.bytes, range.prefix));
  if (found !== undefined) return found;
  // ::ffff:10.0.0.1 is the IPv4 address 10.0.0.1 written for an IPv6 socket.
  if (inside(V4_MAPPED, range.bytes, range.prefix)) {
    return reservedBlock({ bytes: range.bytes.slice(12), prefix: range.prefix - 96 });
  }
  return null;
}

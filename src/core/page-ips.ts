/**
 * What a bind form asks the user to whitelist is the page's word, not Keyward's: a hostile or
 * broken page can ask for 0.0.0.0/0 (every address) or a private range. Entries that no platform's
 * servers could need are refused here, with why, so the picker can say the page asked for them in
 * red instead of passing them on. Pure: the background runs it on what a content script sent.
 */
import { overBroad, parseIpList } from './ip';

export type RefusedIpReason = 'over-broad' | 'private' | 'invalid';

export interface RefusedIp {
  ip: string;
  why: RefusedIpReason;
}

export interface ScreenedIps {
  /** Single addresses and narrow ranges on the public internet, in the page's order. */
  listed: string[];
  refused: RefusedIp[];
}

/** More than a platform lists; the rest is not read (a page listing hundreds is not advice). */
const MAX_LISTED = 40;

export function screenPageIps(raw: readonly string[]): ScreenedIps {
  const listed: string[] = [];
  const refused: RefusedIp[] = [];
  for (const entry of parseIpList(raw.slice(0, MAX_LISTED).join(' '))) {
    const ip = entry.canonical ?? entry.raw;
    if (listed.includes(ip) || refused.some((r) => r.ip === ip)) continue;
    if (entry.kind === 'invalid') refused.push({ ip: entry.raw.slice(0, 64), why: 'invalid' });
    else if (overBroad(entry) || isUnspecified(ip)) refused.push({ ip, why: 'over-broad' });
    // Documentation ranges (RFC 5737/3849) are what platforms' sample pages show: they reach no
    // exchange either, but they are harmless to repeat, and the picker says they are the page's.
    else if (entry.private && entry.reserved !== 'documentation') refused.push({ ip, why: 'private' });
    else listed.push(ip);
  }
  return { listed, refused };
}

/** 0.0.0.0 and :: mean "any address" to many servers' whitelist code. */
function isUnspecified(ip: string): boolean {
  return ip === '0.0.0.0' || ip === '::' || ip.startsWith('0.0.0.0/') || ip.startsWith('::/');
}

/**
 * The IP addresses a bind form tells the user to whitelist ("Restrict your API key to these
 * 3Commas IP addresses: …", "Add these IP addresses to your whitelist", Altrady's per-key list).
 * Platforms change them, and some generate them per key, so what the page shows beats any list
 * a module could carry. Pure DOM: runs in a content script and in tests. What it returns is the
 * page's word: the background screens it and the picker attributes it to the page.
 */
import { parseIpList } from '../../core/ip';
import { KEYWARD_HOST_TAG, isHidden } from '../../dom/elements';

const MAX_IPS = 40;
const MAX_CLIMB = 8;
const IPV4 = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?:\/\d{1,2})?(?![\d.])/g;
/** The page must be talking about IP whitelisting for its addresses to count. */
const CUE = /\bIPs?\b|white\s*-?list|allow\s*-?list|白名单|IP\s*地址|IP-адрес|белый\s+список/i;
const BLOCK = 'form, dialog, [role=dialog], [role=tabpanel], section, main, article';

/**
 * The form's own block: its dialog, form or section, else a few levels above the field. What the
 * form says (IPs to whitelist, the trading scope) is read here, not from the rest of the page.
 */
export function formBlock(field: Element): Element {
  const block = field.closest(BLOCK);
  if (block) return block;
  let node: Element = field;
  for (let i = 0; i < MAX_CLIMB && node.parentElement && node.parentElement !== node.ownerDocument.body; i++) node = node.parentElement;
  return node;
}

/** Visible IPv4 addresses (and CIDR ranges) written in the form's block, in page order. */
export function readShownIps(field: Element): string[] {
  const block = formBlock(field);
  if (!CUE.test(block.textContent ?? '')) return [];
  const found: string[] = [];
  const walker = block.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node && found.length < MAX_IPS; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    if (!/\d\.\d/.test(text)) continue;
    const parent = node.parentElement;
    // Values the user typed are inputs, not text; Keyward's own notes are not the page's words.
    if (!parent || parent.closest(`${KEYWARD_HOST_TAG}, textarea, script, style`) || isHidden(parent)) continue;
    for (const match of text.matchAll(IPV4)) {
      const [entry] = parseIpList(match[0]);
      const value = entry?.canonical;
      // Everything written is passed on, private and over-broad ranges too: the background screens
      // them (core/page-ips.ts) and the picker says in red what the page asked for and why not.
      if (entry && entry.kind !== 'invalid' && value && !found.includes(value)) found.push(value);
    }
  }
  return found;
}

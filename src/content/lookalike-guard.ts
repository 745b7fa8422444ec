import { type Brand, checkHost } from '../core/lookalike';
import { GENERIC_VOCABULARY } from './generic-vocabulary';
import { NoteBoard } from './ui/inline';
import { say } from './ui/words';
import type { PlainKey, Words } from '../i18n/keys';
import { findLabels } from '../dom/elements';

/**
 * Runs on every page that is not an official exchange host. On almost all of them it costs one
 * hostname check and stops. On a host that imitates an exchange (a brand inside another domain,
 * a letter off, look-alike characters), it waits for the page to ask for a password or an API key
 * and then puts a red warning on top naming the real site. No capture ever happens here: the
 * capture script is not even loaded on such hosts, and the background refuses captures from them.
 */

const CHECK_INTERVAL_MS = 500;

/**
 * A reason (Words from core/lookalike.ts) said as sayWords() says Words, without its number
 * formatting: no reason holds a number, and this script runs on every page, where the size
 * budget binds most (words.ts says why sayWords() alone formats numbers).
 */
const sayReason = (reason: Words): string => (say as (key: PlainKey, subs?: Words['subs']) => string)(reason.key, reason.subs);

function asksForSecrets(): boolean {
  if (document.querySelector('input[type=password], input[autocomplete="current-password"], input[autocomplete="one-time-code"]')) {
    return true;
  }
  return findLabels(document, GENERIC_VOCABULARY.apiKey).length > 0 || findLabels(document, GENERIC_VOCABULARY.secret).length > 0;
}

export function runLookalikeGuard(brands: readonly Brand[]): void {
  if (window.top !== window) return;
  const verdict = checkHost(location.hostname, brands);
  if (verdict.verdict !== 'lookalike') return;
  const brand = brands.find((b) => b.exchangeId === verdict.exchangeId);
  const name = brand?.name ?? verdict.exchangeId;
  const notes = new NoteBoard();
  const banner = document.createElement('div');
  // Inline !important beats any page stylesheet: a phishing page must not hide the warning.
  banner.style.cssText =
    'all: initial !important; display: block !important; position: fixed !important; top: 0 !important; ' +
    'left: 0 !important; right: 0 !important; z-index: 2147483647 !important; padding: 4px !important; ' +
    'visibility: visible !important; opacity: 1 !important;';
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const warn = () => {
    if (!document.body) return false;
    if (!asksForSecrets()) return false;
    if (!banner.isConnected) document.documentElement.append(banner);
    notes.show('lookalike', banner, [
      {
        tone: 'danger',
        // core/lookalike.ts's reasons (Words) said in the banner's language and listed as it lists
        // clauses: Chinese (zh_CN, zh_TW) with a full-width semicolon, the others with "; ".
        text: say('noteLookalike', {
          host: location.hostname,
          name,
          reasons: verdict.reasons.map(sayReason).join(say('messagesLocale').startsWith('zh') ? '；' : '; '),
          real: verdict.realHost,
        }),
      },
    ], undefined, 'append');
    return true;
  };

  warn();
  // Login and key fields often arrive late (single-page apps): look again when the page changes,
  // at most twice a second. Once warned, keep watching only to put the warning back if the page
  // removes it.
  const observer = new MutationObserver(() => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      last = performance.now();
      warn();
    }, Math.max(0, last + CHECK_INTERVAL_MS - performance.now()));
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
}

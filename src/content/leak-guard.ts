import { request } from './runtime';
import { InlineNote } from './ui/inline';
import { say, sentences } from './ui/words';

/**
 * The leak guard's page half (issue 11): when the user pastes or drops text that looks like an API
 * secret or passphrase into a field, ask the background whether it is one Keyward stores, and if
 * so warn beside the field. It runs in the lookalike guard's script (every page that is not an
 * exchange's or platform's) and in the platform scripts, and costs nothing until a paste: one
 * passive listener per event, no DOM scanning, no timer.
 *
 * What it never does: send anything but a trusted paste or drop of secret-shaped text (so a page
 * script's synthetic ClipboardEvent is no oracle); read a field's value; show which key before the
 * user clicks in the note (the page could read the field it sits beside, but not the closed note,
 * and nothing naming the key exists in the page until the click asks the background for it).
 */

/**
 * A secret or passphrase as exchanges issue or accept them: 8 to 512 visible ASCII characters
 * with no whitespace inside (prose has spaces; Coinbase's PEM keys have line breaks and are not
 * guarded), not a link, and at least two kinds of character (a word pasted alone has one).
 */
export function secretShaped(text: string): boolean {
  const value = text.trim();
  if (value.length < 8 || value.length > 512 || !/^[\x21-\x7e]+$/.test(value) || value.includes('://')) return false;
  return [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((kind) => kind.test(value)).length >= 2;
}

const TEXT_INPUTS = /^(?:text|password|search|url|email|tel|)$/;

/** A field the user can type into: a text input, a textarea, or editable content. */
function editable(target: EventTarget | undefined): HTMLElement | null {
  if (!(target instanceof HTMLElement)) return null;
  if (target instanceof HTMLTextAreaElement) return target.readOnly || target.disabled ? null : target;
  if (target instanceof HTMLInputElement) return TEXT_INPUTS.test(target.type) && !target.readOnly && !target.disabled ? target : null;
  return target.isContentEditable ? target : null;
}

/** What a paste or drop puts into which field, if it is the user's own and secret-shaped. */
export function pastedCandidate(event: Event): { field: HTMLElement; text: string } | null {
  // A page script can dispatch a ClipboardEvent carrying any text; only the browser's is trusted.
  if (!event.isTrusted) return null;
  // By the event's own fields, which both browsers give content scripts (paste: clipboardData).
  const data = event.type === 'paste' ? (event as ClipboardEvent).clipboardData : (event as DragEvent).dataTransfer;
  const field = editable(event.composedPath()[0]);
  const text = data?.getData('text/plain') ?? '';
  return field && secretShaped(text) ? { field, text } : null;
}

export function installLeakGuard(): void {
  if (window.top !== window) return;
  const note = new InlineNote('leak-guard');
  const onPaste = (event: Event) => {
    const candidate = pastedCandidate(event);
    if (!candidate) return;
    void request('leak.check', { candidate: candidate.text }).then((reply) => {
      if (reply.ok && reply.data.match) warn(note, candidate.field, reply.data.token);
    });
  };
  // Capture phase: a page that stops the event's propagation does not hide the paste from us.
  for (const type of ['paste', 'drop']) document.addEventListener(type, onPaste, { capture: true, passive: true });
}

function warn(note: InlineNote, field: HTMLElement, token: string): void {
  // In the browser's language: this page is not an exchange's, whose language the notes follow.
  const rotate = say('noteLeakRotate');
  note.show(field, [{ tone: 'danger', text: rotate }], {
    label: say('noteLeakWhich'),
    // InlineNote runs this only for a trusted click: the key's name is fetched now, not before.
    run: () =>
      void request('leak.describe', { token }).then((reply) => {
        if (!reply.ok) {
          note.show(field, [{ tone: 'danger', text: sentences(rotate, reply.error.message) }]);
          return;
        }
        const { exchangeName: exchange, label, field: what, apiPageUrl } = reply.data;
        const which = what === 'secret' ? say('noteLeakSecretOf', { exchange, label }) : say('noteLeakPassphraseOf', { exchange, label });
        note.show(field, [{ tone: 'danger', text: sentences(rotate, which) }], {
          label: say('noteLeakOpenApiPage', { exchange }),
          run: () => void window.open(apiPageUrl, '_blank', 'noopener'),
        });
      }),
  });
}

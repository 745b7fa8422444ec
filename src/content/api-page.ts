import type { KeyPermissions } from '../core/records';
import type { CaptureSubmission } from '../messages';
import { type RiskCode, type RiskFinding, keyRiskFindings, summariseListRisk } from '../core/risk';
import { type FormReading, readCreateForm, readSubAccount } from '../exchanges/readers/create-form';
import { type ListedKey, readKeyList } from '../exchanges/readers/key-list';
import { type LoneSecret, type SecretReading, readSecrets } from '../exchanges/readers/secret-dialog';
import { copiedByControl, pairForCopied } from '../exchanges/readers/copied';
import type { ExchangeDefinition, ExchangePage } from '../exchanges/types';
import { request } from './runtime';
import { type NoteLine, NoteBoard } from './ui/inline';
import { pageLanguage, say, sayWords, sentences, useNoteWords } from './ui/words';

/** What the create form said just before the secret appeared; memory only, dropped after capture. */
interface FormSnapshot {
  account: string;
  permissions: KeyPermissions | null;
  ipWhitelist: string[] | null;
  label: string;
  passphrase: string;
}

type CaptureState = { phase: 'sending' } | { phase: 'saved'; lines: NoteLine[] } | { phase: 'failed'; lines: NoteLine[] };

/**
 * What the watcher did, for tests and the benchmark (the extension passes no observer):
 * `captured` a capture was sent (automatically, or after the user accepted an offer) and answered;
 * `offered` a one-click "Save to Keyward" offer was shown; `unsaved` a secret-shaped value is on
 * the page that Keyward neither captured nor offered, and the user was told so.
 */
export type WatcherEvent =
  | { kind: 'captured'; how: 'auto' | 'offered'; submission: CaptureSubmission; ok: boolean }
  | { kind: 'offered'; apiKey: string; secret: string }
  | { kind: 'unsaved'; value: string }
  /** The create or edit form as read at a scan, with the codes of the warnings shown beside it. */
  | { kind: 'form'; permissions: KeyPermissions | null; ipWhitelist: string[] | null; label: string; warnings: RiskCode[] }
  /** The key list as read at a scan, each key with the codes of the marks shown on its row. */
  | { kind: 'list'; keys: { apiKey: string; label: string | null; permissions: KeyPermissions | null; ipWhitelist: string[] | null; warnings: RiskCode[] }[] };

const MIN_SCAN_INTERVAL_MS = 100;
const DIALOG = '[role=dialog], [role=alertdialog], dialog, [aria-modal=true]';

function addsDialog(record: MutationRecord): boolean {
  for (const node of Array.from(record.addedNodes)) {
    if (node.nodeType !== Node.ELEMENT_NODE) continue;
    const element = node as Element;
    if (!element.closest('keyward-inline') && (element.matches(DIALOG) || element.querySelector(DIALOG))) return true;
  }
  return false;
}

function tone(finding: RiskFinding): NoteLine['tone'] {
  return finding.severity;
}

function tail(apiKey: string): string {
  return `…${apiKey.slice(-4)}`;
}

/**
 * Watches one exchange's API page while it is open: reads the create form as the user toggles it
 * and warns beside the controls, captures the one-time secret the moment it appears, and marks
 * risky keys in the list. Started only on API routes; stopped when the route changes away.
 */
export class ApiPageWatcher {
  private readonly page: ExchangePage;
  private readonly notes = new NoteBoard();
  private readonly observer: MutationObserver;
  private readonly captures = new Map<string, CaptureState>();
  /** Secrets by API key, of captures sent, so their values are not reported as unsaved. */
  private readonly capturedSecrets = new Map<string, string>();
  private readonly offered = new Set<string>();
  private readonly unsaved = new Set<string>();
  /** Pairs the user copied that no reading caught: offered until saved. Memory only. */
  private readonly copied = new Map<string, SecretReading>();
  /** Note names by key, so the page's DOM never carries an API key in our attributes. */
  private readonly noteIds = new Map<string, string>();

  private noteName(prefix: string, apiKey: string): string {
    let id = this.noteIds.get(apiKey);
    if (!id) {
      id = String(this.noteIds.size + 1);
      this.noteIds.set(apiKey, id);
    }
    return `${prefix}-${id}`;
  }
  private form: FormSnapshot | null = null;
  private lastScan = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private reportedList = '';
  private running = false;
  private readonly onInput = (event: Event) => {
    // A click may submit the form, and the site may replace the form at once: read it now, in the
    // capture phase, before the page's own handler runs.
    if (event.type === 'click') this.snapshotForm();
    this.schedule();
  };

  constructor(
    private readonly exchange: ExchangeDefinition & { page: ExchangePage },
    /** For tests and the benchmark: told of every capture, offer and unsaved-secret note. */
    private readonly observe?: (event: WatcherEvent) => void,
  ) {
    this.page = exchange.page;
    this.observer = new MutationObserver((records) => {
      // Our own notes changing is not the page changing.
      if (records.every((r) => r.target instanceof Element && r.target.closest('keyward-inline'))) return;
      // A dialog appearing is how most exchanges show the one-time secret: read it at once, not
      // after the throttle (the user may close it, or copy and leave, within a moment).
      if (records.some(addsDialog)) this.scanNow();
      else this.schedule();
    });
  }

  start(): void {
    this.running = true;
    this.observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    // Checkbox state and typed text change no DOM; the events do.
    for (const type of ['input', 'change', 'click']) document.addEventListener(type, this.onInput, true);
    for (const type of ['copy', 'click']) document.addEventListener(type, this.onCopy, true);
    this.scan();
    void this.followPageLanguage();
  }

  /**
   * A Chinese page in an English browser gets Chinese notes: the trader reads the page's language.
   * A page naming none gets the language chosen in Settings (language null: the background knows
   * the choice). getMessage reads only the browser's catalogue, so another one's words come from
   * the background; until they arrive (or if they never do) the notes are in the browser's language.
   */
  private async followPageLanguage(): Promise<void> {
    const language = pageLanguage(document.documentElement.lang, location.pathname);
    if (language === say('messagesLocale')) {
      useNoteWords(null);
      return;
    }
    const reply = await request('notes.words', { language });
    // Stopped meanwhile (the route changed away): no scan, no notes.
    if (!reply.ok || !this.running) return;
    useNoteWords(reply.data.messages);
    this.schedule();
  }

  stop(): void {
    this.running = false;
    this.observer.disconnect();
    for (const type of ['input', 'change', 'click']) document.removeEventListener(type, this.onInput, true);
    for (const type of ['copy', 'click']) document.removeEventListener(type, this.onCopy, true);
    this.copied.clear();
    if (this.timer) clearTimeout(this.timer);
    this.notes.clear();
    this.form = null;
  }

  /** Coalesces bursts of mutations (a framework render) into one scan, at most every 100 ms. */
  private schedule(): void {
    if (this.timer) return;
    const wait = Math.max(0, this.lastScan + MIN_SCAN_INTERVAL_MS - performance.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.scan();
    }, wait);
  }

  private scanNow(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.scan();
  }

  private scan(): void {
    this.lastScan = performance.now();
    this.notes.begin();
    // The secret first: a site may reset its form in the same render that shows the secret, and
    // the capture must use what the form said before.
    const secrets = readSecrets(document, this.page.vocabulary, this.exchange.credentials);
    for (const reading of secrets.pairs) {
      if (reading.evidence === 'strong') this.showCapture(reading);
      else this.offer(reading, say('noteOfferNewKey', { key: tail(reading.apiKey) }));
    }
    for (const lone of secrets.lone) this.showUnsaved(lone);
    for (const reading of this.copied.values()) {
      if (reading.secretElement.isConnected) this.offer(reading, say('noteOfferCopied', { key: tail(reading.apiKey) }));
    }
    const form = readCreateForm(document, this.page.vocabulary);
    if (form) this.showForm(form);
    this.showList(readKeyList(document, this.page.vocabulary, this.exchange.credentials));
    this.notes.end();
  }

  private snapshotForm(): void {
    const form = readCreateForm(document, this.page.vocabulary);
    if (form) this.remember(form);
  }

  /**
   * Keeps what each step of the form said: a wizard asks for the name on one step and the
   * permissions on the next, so a step without a field keeps the earlier step's value.
   */
  private remember(form: FormReading): void {
    const previous = this.form;
    this.form = {
      account: readSubAccount(document, this.page.vocabulary) ?? previous?.account ?? 'main',
      permissions: form.controls.length > 0 ? form.permissions : (previous?.permissions ?? null),
      ipWhitelist: form.ipField ? splitIps(form.ipText) : form.ipUnrestrictedChoice ? [] : (previous?.ipWhitelist ?? null),
      label: form.keyLabelField ? form.keyLabel : (previous?.label ?? ''),
      passphrase: form.passphraseField ? form.passphrase : (previous?.passphrase ?? ''),
    };
  }

  private showForm(form: FormReading): void {
    this.remember(form);
    const findings = keyRiskFindings({
      exchangeName: this.exchange.name,
      permissions: form.controls.length > 0 ? form.permissions : null,
      ipText: form.ipField || form.ipUnrestrictedChoice ? form.ipText : undefined,
      maxIps: this.page.limits.maxIps,
      unboundRule: this.page.limits.unboundRule,
    });
    for (const flag of ['withdraw', 'transfer'] as const) {
      const control = form.controls.find((c) => c.flag === flag && c.on);
      const lines = findings.filter((f) => f.code === `${flag}-on`).map((f) => ({ tone: tone(f), text: formText(f) }));
      if (control && lines.length > 0) this.notes.show(`perm-${flag}`, anchorOf(control.labelElement, control.control), lines);
    }
    const ipAnchor = form.ipField ?? form.ipUnrestrictedChoice;
    const shown: RiskCode[] = findings
      .filter((f) => (f.code === 'withdraw-on' || f.code === 'transfer-on') && form.controls.some((c) => c.on && `${c.flag}-on` === f.code))
      .map((f) => f.code);
    if (ipAnchor) {
      const ipFindings = findings.filter((f) => f.concerns === 'ip');
      this.notes.show('ip', ipAnchor, ipFindings.map((f) => ({ tone: tone(f), text: formText(f) })));
      shown.push(...ipFindings.map((f) => f.code));
    }
    this.observe?.({
      kind: 'form',
      permissions: form.controls.length > 0 ? form.permissions : null,
      ipWhitelist: form.ipField ? splitIps(form.ipText) : form.ipUnrestrictedChoice ? [] : null,
      label: form.keyLabel,
      warnings: shown,
    });
  }

  private showCapture(secret: SecretReading): void {
    const state = this.captures.get(secret.apiKey);
    if (!state) {
      this.captures.set(secret.apiKey, { phase: 'sending' });
      this.capturedSecrets.set(secret.apiKey, secret.secret);
      void this.capture(secret, 'auto');
      return;
    }
    if (state.phase !== 'sending') this.notes.show(this.noteName('capture', secret.apiKey), secret.secretElement, state.lines);
  }

  private async capture(secret: SecretReading, how: 'auto' | 'offered'): Promise<void> {
    const form = this.form;
    // Where the form said nothing (Binance sets restrictions on the new key's card, after the
    // secret), the card or row that shows the new key says it.
    const listed =
      form?.permissions && form.ipWhitelist
        ? undefined
        : readKeyList(document, this.page.vocabulary, this.exchange.credentials).find((k) => k.apiKey === secret.apiKey);
    const submission: CaptureSubmission = {
      exchange: this.exchange.id,
      apiKey: secret.apiKey,
      secret: secret.secret,
      passphrase: form?.passphrase ?? '',
      label: form?.label || secret.label || '',
      // The display naming the sub-account is more specific than the page's selector.
      account: secret.account ?? form?.account ?? readSubAccount(document, this.page.vocabulary) ?? 'main',
      permissions: form?.permissions ?? listed?.permissions ?? null,
      ipWhitelist: form?.ipWhitelist ?? listed?.ipWhitelist ?? null,
    };
    const reply = await request('capture.submit', submission);
    // The form has done its job (and the passphrase must not stay in memory): the next key
    // starts from a clean snapshot.
    this.form = null;
    this.copied.delete(secret.apiKey);
    const name = `${this.exchange.name}${submission.label ? ` · ${submission.label}` : ''} · ${tail(secret.apiKey)}`;
    const needsPassphrase = this.exchange.credentials.passphrase && !form?.passphrase;
    const state: CaptureState = reply.ok
      ? {
          phase: 'saved',
          lines: [
            {
              tone: 'success',
              text: reply.data.duplicate
                ? say('noteCaptureDuplicate', { key: name })
                : say(how === 'offered' ? 'noteCaptureSavedOffered' : 'noteCaptureSaved', { key: name }),
            },
            ...(needsPassphrase
              ? [{ tone: 'warning' as const, text: say('noteCapturePassphraseMissing') }]
              : []),
          ],
        }
      : {
          phase: 'failed',
          lines: [
            {
              tone: 'danger',
              text: say('noteCaptureFailed', { exchange: this.exchange.name, reason: reply.error.words ? sayWords(reply.error.words) : reply.error.message }),
            },
          ],
        };
    this.captures.set(secret.apiKey, state);
    // Say it at once, not at the next scan: the user may be about to close the dialog.
    if (secret.secretElement.isConnected) this.notes.show(this.noteName('capture', secret.apiKey), secret.secretElement, state.lines);
    this.observe?.({ kind: 'captured', how, submission, ok: reply.ok });
    this.schedule();
  }

  /**
   * Medium evidence (the page changed and our words fit only in part), or the user copied a
   * credential: a one-click offer instead of a silent capture.
   */
  private offer(reading: SecretReading, text: string): void {
    const state = this.captures.get(reading.apiKey);
    if (state && state.phase !== 'sending') {
      this.notes.show(this.noteName('capture', reading.apiKey), reading.secretElement, state.lines);
      return;
    }
    if (state) return;
    if (!this.offered.has(reading.apiKey)) {
      this.offered.add(reading.apiKey);
      this.observe?.({ kind: 'offered', apiKey: reading.apiKey, secret: reading.secret });
    }
    this.notes.show(this.noteName('offer', reading.apiKey), reading.secretElement, [{ tone: 'info', text }], {
      label: say('noteOfferSave'),
      run: () => {
        this.captures.set(reading.apiKey, { phase: 'sending' });
        this.capturedSecrets.set(reading.apiKey, reading.secret);
        void this.capture(reading, 'offered');
      },
    });
  }

  /** A secret-shaped value Keyward cannot pair with a key: never silent. */
  private showUnsaved(lone: LoneSecret): void {
    if ([...this.capturedSecrets.values()].includes(lone.value)) return;
    if ([...this.copied.values()].some((reading) => reading.secret === lone.value)) return;
    if (!this.unsaved.has(lone.value)) {
      this.unsaved.add(lone.value);
      this.observe?.({ kind: 'unsaved', value: lone.value });
    }
    this.notes.show(this.noteName('unsaved', lone.value), lone.element, [
      {
        tone: 'danger',
        text: say('noteUnsaved', { exchange: this.exchange.name }),
      },
    ]);
  }

  /**
   * The user copied a value (the copy event, or a click on a copy control beside it): if it is a
   * credential Keyward has not captured, offer to save it with the key shown with it.
   */
  private readonly onCopy = (event: Event) => {
    const value =
      event.type === 'copy'
        ? (document.getSelection()?.toString() ?? '').trim()
        : event.target instanceof Element
          ? copiedByControl(event.target)
          : null;
    if (!value) return;
    const reading = pairForCopied(document, value, this.page.vocabulary, this.exchange.credentials);
    if (!reading || this.captures.has(reading.apiKey) || this.copied.has(reading.apiKey)) return;
    this.copied.set(reading.apiKey, reading);
    this.scanNow();
  };

  private showList(keys: ListedKey[]): void {
    if (keys.length === 0) return;
    const observed: Extract<WatcherEvent, { kind: 'list' }>['keys'] = [];
    for (const key of keys) {
      const findings = keyRiskFindings({
        exchangeName: this.exchange.name,
        permissions: key.permissions,
        ipList: key.ipWhitelist,
        maxIps: this.page.limits.maxIps,
        unboundRule: null,
      }).filter((f) => f.code === 'withdraw-on' || f.code === 'transfer-on' || f.code === 'ip-empty');
      const lines = findings.map((f) => ({ tone: tone(f), text: listText(f) }));
      observed.push({ apiKey: key.apiKey, label: key.label, permissions: key.permissions, ipWhitelist: key.ipWhitelist, warnings: findings.map((f) => f.code) });
      const cell = key.row.lastElementChild ?? key.row;
      if (lines.length > 0) this.notes.show(this.noteName('row', key.apiKey), cell, lines, undefined, 'append');
    }
    const summary = summariseListRisk(
      keys.map((k) => ({
        label: k.label ?? tail(k.apiKey),
        withdraw: k.permissions?.withdraw ?? false,
        ipWhitelisted: k.ipWhitelist === null || k.ipWhitelist.length > 0,
      })),
    );
    const limit = this.page.limits.maxKeys;
    const limitLine: NoteLine[] =
      limit !== null && keys.length >= limit - 1
        ? [{ tone: 'info', text: say('noteKeyLimit', { count: keys.length, exchange: this.exchange.name, limit }) }]
        : [];
    const table = keys[0]?.row.closest('table') ?? keys[0]?.row.parentElement;
    if (table && (summary.risky > 0 || limitLine.length > 0)) {
      const lines: NoteLine[] = summary.risky > 0 ? [{ tone: 'warning', text: sayWords(summary.summary) }] : [];
      this.notes.show('list-summary', beforeAnchor(table), [...lines, ...limitLine]);
    }
    this.observe?.({ kind: 'list', keys: observed });
    this.report(keys);
  }

  /** Tells the background what the list shows, so stored keys get their current permissions. */
  private report(keys: ListedKey[]): void {
    // A key being captured is not stored yet: report the list once the capture has landed.
    if ([...this.captures.values()].some((state) => state.phase === 'sending')) return;
    const seen = keys.map((k) => ({ apiKey: k.apiKey, permissions: k.permissions, ipWhitelist: k.ipWhitelist }));
    const signature = JSON.stringify(seen);
    if (signature === this.reportedList) return;
    this.reportedList = signature;
    void request('page.keysSeen', { exchange: this.exchange.id, keys: seen });
  }
}

/** A form finding in the notes' language, followed by the exchange's own rule where it has one. */
function formText(finding: RiskFinding): string {
  const text = sayWords(finding.message);
  return finding.rule === undefined ? text : sentences(text, sayWords(finding.rule));
}

/** What a key list row says about each risk, shorter than the form's notes. */
function listText(finding: RiskFinding): string {
  if (finding.code === 'withdraw-on') return say('noteRowWithdrawOn');
  if (finding.code === 'transfer-on') return say('noteRowTransferOn');
  if (finding.code === 'ip-empty') return say('noteRowIpEmpty');
  return sayWords(finding.message);
}

function splitIps(text: string): string[] {
  return text.split(/[\s,，;；、]+/).filter(Boolean);
}

/** A note after a permission goes after the row holding its label and toggle, not inside a label. */
function anchorOf(label: Element, control: Element): Element {
  let node: Element = label;
  while (node.parentElement && !node.parentElement.contains(control)) node = node.parentElement;
  const shared = node.parentElement;
  return shared && shared !== document.body ? (shared.matches('label') ? shared : node.contains(control) ? node : shared) : label;
}

/** The summary goes just before the list: after the element preceding it (its heading), if any. */
function beforeAnchor(list: Element): Element {
  return list.previousElementSibling ?? list;
}

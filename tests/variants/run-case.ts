/**
 * One generated page, walked through as a person does: pick the sub-account, open the create
 * form, fill it in, submit, see the secret once, close it, find the key in the list, then grant
 * an older key a fund-moving permission in its edit dialog. Returns what the watcher made of it.
 */
import { type FormReading, type ListReading, type WatcherRun, byId, choose, click, isOn, openPage, startWatcher, typeInto, wireCustomToggles } from './harness';
import type { PageDescription } from './pages';
import { type Scenario, type KeyState, scenarioFor } from './scenario';
import type { Ids } from './structures';
import { type FormIds, type Shape, idsFrom, renderForm, renderList, renderSecret, renderShell, wrapContainer } from './shapes';
import { rngFor } from './random';
import type { CaptureSubmission } from '../../src/messages';

export type Outcome = 'pass' | 'offer' | 'miss';

export interface CaseSpec {
  page: PageDescription;
  shape: Shape;
  /** On the exchange's sub-account API page, with a sub-account picked. */
  sub: boolean;
}

export interface CaseRecord {
  spec: CaseSpec;
  scenario: Scenario;
  url: string;
  run: WatcherRun;
  /** The last form reading before the submit click. */
  createForm: FormReading | null;
  captured: CaptureSubmission | null;
  capturedHow: 'auto' | 'offered' | null;
  offered: { apiKey: string; secret: string } | null;
  unsaved: string[];
  list: ListReading | null;
  editForm: FormReading | null;
  listAfterEdit: ListReading | null;
}

export function caseName(spec: CaseSpec): string {
  return `${spec.page.exchange}/${spec.page.lang}/${spec.shape.id}${spec.sub ? '/sub' : ''}`;
}

const lastOf = <K extends string>(run: WatcherRun, kind: K) => run.events.filter((e): e is Extract<typeof e, { kind: K }> => e.kind === kind).at(-1) ?? null;

function sameStrings(a: readonly string[] | null | undefined, b: readonly string[]): boolean {
  return !!a && a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Click the toggles whose state differs from the target, and type the other fields. */
function fill(run: WatcherRun, page: PageDescription, form: FormIds, key: KeyState, name: string | null, passphrase: string): void {
  if (name !== null) typeInto(byId<HTMLInputElement>(form.name), name);
  if (form.passphrase) typeInto(byId<HTMLInputElement>(form.passphrase), passphrase);
  form.toggles.forEach((id, i) => {
    const toggle = byId(id);
    if (isOn(toggle) !== (key.on[i] ?? false)) click(toggle);
  });
  typeInto(byId<HTMLTextAreaElement>(form.ips), key.ips.join(page.ipSeparator));
  run.acted();
}

/** Puts container markup where the shape shows it: a portal on body, or `slot` in the page itself. */
function show(shape: Shape, ids: Ids, html: string, slot: HTMLElement, first = false): HTMLElement {
  const holder = document.createElement('div');
  holder.innerHTML = wrapContainer(shape, ids, html);
  const element = holder.firstElementChild;
  if (!(element instanceof HTMLElement)) throw new Error('container rendered nothing');
  if (shape.container !== 'inline' && shape.container !== 'card') document.body.append(element);
  else if (first) slot.prepend(element);
  else slot.append(element);
  wireCustomToggles(element);
  return element;
}

/** React-style: replace each node showing a value with an equal, new node. */
function rerenderValues(root: HTMLElement, values: string[]): void {
  const holders = Array.from(root.querySelectorAll<HTMLElement>('span, code, pre, input, textarea, div')).filter((e) => {
    const text = e instanceof HTMLInputElement || e instanceof HTMLTextAreaElement ? e.value : e.children.length === 0 ? (e.textContent ?? '') : '';
    return values.includes(text);
  });
  for (const holder of holders) {
    const copy = holder.cloneNode(true);
    if (copy instanceof HTMLTextAreaElement && holder instanceof HTMLTextAreaElement) copy.value = holder.value;
    holder.replaceWith(copy);
  }
}

export async function runCase(spec: CaseSpec): Promise<CaseRecord> {
  const { page, shape } = spec;
  const seed = caseName(spec);
  const scenario = scenarioFor(page, seed, spec.sub);
  const ids = idsFrom(rngFor(`${seed}#markup`));
  const url = `https://${page.host}${spec.sub && page.subPath ? page.subPath : page.path}`;
  const shell = renderShell(page, ids, spec.sub ? { current: scenario.otherAccounts[0] ?? '', options: [scenario.otherAccounts[0] ?? '', scenario.account, ...scenario.otherAccounts.slice(1)] } : null);
  openPage(url, shell.html);
  const olderEdit = ids.id();
  const freshEdit = ids.id();
  const listSection = byId(shell.ids.list);
  listSection.innerHTML = renderList(page, shape, ids, [{ state: scenario.older, editId: olderEdit }]);

  const run = startWatcher(page.exchange);
  const record: CaseRecord = { spec, scenario, url, run, createForm: null, captured: null, capturedHow: null, offered: null, unsaved: [], list: null, editForm: null, listAfterEdit: null };
  try {
    // The person picks the sub-account first, then opens the create form (seed 000).
    if (shell.ids.subSelect) choose(byId<HTMLSelectElement>(shell.ids.subSelect), scenario.account);
    const form = renderForm(page, shape, ids, 'create', scenario.fresh);
    const secret = renderSecret(page, shape, ids, scenario.fresh);
    // What the page currently shows, set by the page's own click handlers below.
    const shown: { form: HTMLElement | null; secret: HTMLElement | null } = { form: null, secret: null };
    byId(shell.ids.create).addEventListener('click', () => {
      shown.form = show(shape, ids, form.html, byId(shell.ids.inline));
    });
    click(byId(shell.ids.create));
    run.acted();
    fill(run, page, form.ids, scenario.fresh, scenario.fresh.name, scenario.passphrase);
    record.createForm = await run.settle(() => {
      const reading = lastOf(run, 'form');
      return reading && sameStrings(reading.ipWhitelist, scenario.fresh.ips) && reading.label === scenario.fresh.name ? reading : null;
    });
    record.createForm ??= lastOf(run, 'form');

    // Submitting swaps the form for the one-time secret in the same tick, as the sites do.
    byId(form.ids.submit).addEventListener('click', () => {
      shown.form?.remove();
      // A card shape adds the new key, secret and all, on top of the key list instead of a dialog.
      const box = shape.container === 'card' ? show(shape, ids, secret.html, listSection, true) : show(shape, ids, secret.html, byId(shell.ids.inline));
      shown.secret = box;
      if (shape.rerender) setTimeout(() => rerenderValues(box, [scenario.fresh.apiKey, scenario.fresh.secret]), 40);
    });
    click(byId(form.ids.submit));
    run.acted();
    await run.settle(() => run.events.some((e) => e.kind === 'captured' || e.kind === 'offered'));
    // After a re-render the watcher may read the new nodes: wait until it is quiet, to judge all it sent.
    if (shape.rerender) await run.settle(() => false, { quietMs: 250, timeoutMs: 800 });
    const captured = lastOf(run, 'captured');
    record.captured = run.submissions.find((s) => s.apiKey === scenario.fresh.apiKey) ?? run.submissions[0] ?? null;
    record.capturedHow = captured ? captured.how : null;
    const offer = lastOf(run, 'offered');
    record.offered = offer ? { apiKey: offer.apiKey, secret: offer.secret } : null;
    record.unsaved = run.events.flatMap((e) => (e.kind === 'unsaved' ? [e.value] : []));

    // Closing the secret: the list now shows the new key above the older one.
    click(byId(secret.ids.close));
    shown.secret?.remove();
    listSection.innerHTML = renderList(page, shape, ids, [
      { state: scenario.fresh, editId: freshEdit },
      { state: scenario.older, editId: olderEdit },
    ]);
    run.acted();
    record.list = await run.settle(() => {
      const reading = lastOf(run, 'list');
      return reading && reading.keys.some((k) => k.apiKey === scenario.fresh.apiKey) && reading.keys.some((k) => k.apiKey === scenario.older.apiKey) ? reading : null;
    });
    record.list ??= lastOf(run, 'list');

    // Later: the older key is edited and a fund-moving permission switched on (seed 002: "Edit").
    const edit = renderForm(page, shape, ids, 'edit', scenario.older);
    const editBox = show(shape, ids, edit.html, byId(shell.ids.inline));
    run.acted();
    fill(run, page, edit.ids, scenario.edited, null, '');
    const formsBefore = run.events.length;
    record.editForm = await run.settle(() => {
      const reading = run.events.slice(formsBefore).filter((e): e is FormReading => e.kind === 'form').at(-1);
      return reading && reading.permissions && (reading.permissions.withdraw || reading.permissions.transfer) ? reading : null;
    });
    record.editForm ??= run.events.filter((e): e is FormReading => e.kind === 'form').at(-1) ?? null;
    click(byId(edit.ids.submit));
    editBox.remove();
    listSection.innerHTML = renderList(page, shape, ids, [
      { state: scenario.fresh, editId: freshEdit },
      { state: scenario.edited, editId: olderEdit },
    ]);
    run.acted();
    const listsBefore = run.events.length;
    record.listAfterEdit = await run.settle(() => {
      const reading = run.events.slice(listsBefore).filter((e): e is ListReading => e.kind === 'list').at(-1);
      const older = reading?.keys.find((k) => k.apiKey === scenario.older.apiKey);
      return older?.permissions && (older.permissions.withdraw || older.permissions.transfer) ? reading : null;
    });
    record.listAfterEdit ??= run.events.slice(listsBefore).filter((e): e is ListReading => e.kind === 'list').at(-1) ?? null;
  } finally {
    run.stop();
    document.body.replaceChildren();
  }
  return record;
}

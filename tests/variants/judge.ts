/**
 * What a case should have produced, compared with what the watcher did: the capture outcome
 * (pass = automatic capture of the exact credentials; offer = the exact pair offered for one-click
 * saving; miss = neither) and every wrong or missing fact, in words a failing test can print.
 */
import type { KeyPermissions } from '../../src/core/records';
import type { FormReading } from './harness';
import type { CaseRecord, Outcome } from './run-case';
import { type KeyState, expectedFlags, expectedRisks } from './scenario';

export interface Verdict {
  outcome: Outcome;
  problems: string[];
}

const short = (value: string) => (value.length > 24 ? `${value.slice(0, 12)}…${value.slice(-6)}` : value);
const show = (value: unknown) => JSON.stringify(value);

/** Where two values part, in escaped form: "line breaks became spaces" shows as \n vs " ". */
function firstDifference(got: string, want: string): string {
  let i = 0;
  while (i < got.length && i < want.length && got[i] === want[i]) i++;
  return `differs at char ${i}: got ${show(got.slice(Math.max(0, i - 4), i + 8))}, shown ${show(want.slice(Math.max(0, i - 4), i + 8))}`;
}

function comparePermissions(record: CaseRecord, where: string, key: KeyState, got: KeyPermissions | null | undefined, problems: string[], tags = false): void {
  const want = expectedFlags(record.spec.page, key.on);
  if (!got) {
    problems.push(`${where}: permissions not read (want ${show(want)})`);
    return;
  }
  for (const flag of ['read', 'trade', 'withdraw', 'transfer'] as const) {
    if (got[flag] !== want[flag]) problems.push(`${where}: ${flag} read as ${got[flag]}, shown ${want[flag]}`);
  }
  // Futures is its own permission where the page shows it (issue 8, point 6); elsewhere never claimed.
  // A tag list shows granted permissions only: futures off there is not shown, so absent is right too.
  const futuresOk = want.futures === undefined || (tags && want.futures === false) ? got.futures !== true : got.futures === want.futures;
  if (!futuresOk) {
    problems.push(`${where}: futures read as ${String(got.futures)}, shown ${String(want.futures ?? 'absent')}`);
  }
}

function compareIps(where: string, key: KeyState, got: readonly string[] | null | undefined, problems: string[]): void {
  if (!got || got.length !== key.ips.length || got.some((ip, i) => ip !== key.ips[i])) {
    problems.push(`${where}: IPs read as ${show(got)}, shown ${show(key.ips)}`);
  }
}

function compareRisks(record: CaseRecord, where: string, key: KeyState, warnings: readonly string[] | undefined, problems: string[]): void {
  const { present, absent } = expectedRisks(record.spec.page, key);
  const got = warnings ?? [];
  for (const code of present) if (!got.includes(code)) problems.push(`${where}: no '${code}' warning`);
  for (const code of absent) if (got.includes(code)) problems.push(`${where}: '${code}' warning without cause`);
}

function captureOutcome(record: CaseRecord, problems: string[]): Outcome {
  const { fresh, account, passphrase } = record.scenario;
  const sub = record.captured;
  const stray = record.run.submissions.filter((s) => s.apiKey !== fresh.apiKey || s.secret !== fresh.secret);
  for (const s of stray) problems.push(`false capture: key ${short(s.apiKey)} / secret ${short(s.secret)}`);
  if (sub && record.capturedHow === 'auto' && sub.apiKey === fresh.apiKey && sub.secret === fresh.secret) {
    if (sub.passphrase !== passphrase) problems.push(`capture: passphrase ${show(sub.passphrase)}, typed ${show(passphrase)}`);
    if (sub.label !== fresh.name) problems.push(`capture: name ${show(sub.label)}, typed ${show(fresh.name)}`);
    if (sub.account !== account) problems.push(`capture: account ${show(sub.account)}, page shows ${show(account)}`);
    if (sub.exchange !== record.spec.page.exchange) problems.push(`capture: exchange ${sub.exchange}`);
    comparePermissions(record, 'capture', fresh, sub.permissions, problems);
    compareIps('capture', fresh, sub.ipWhitelist, problems);
    return 'pass';
  }
  if (sub) {
    const detail = sub.apiKey === fresh.apiKey && sub.secret !== fresh.secret ? `; the secret ${firstDifference(sub.secret, fresh.secret)}` : '';
    problems.push(`capture (${record.capturedHow ?? 'no event'}): key ${short(sub.apiKey)} secret ${short(sub.secret)}, shown ${short(fresh.apiKey)} / ${short(fresh.secret)}${detail}`);
  }
  if (record.offered && record.offered.apiKey === fresh.apiKey && record.offered.secret === fresh.secret) {
    problems.push('secret only offered, not captured');
    return 'offer';
  }
  if (record.offered) problems.push(`offer of the wrong pair: ${short(record.offered.apiKey)} / ${short(record.offered.secret)}`);
  const said = record.unsaved.length ? `but said so (unsaved: ${record.unsaved.map(short).join(', ')})` : 'and said nothing (no offer, no unsaved note)';
  problems.push(`the shown pair was not captured, ${said}`);
  return 'miss';
}

/** A form read live (create or edit): its permissions, IPs and inline warnings against what was set. */
function compareForm(record: CaseRecord, where: string, key: KeyState, form: FormReading, problems: string[]): void {
  comparePermissions(record, where, key, form.permissions, problems);
  compareIps(where, key, form.ipWhitelist, problems);
  compareRisks(record, where, key, form.warnings, problems);
}

export function judge(record: CaseRecord): Verdict {
  const problems: string[] = [];
  const { fresh, older, edited } = record.scenario;
  const outcome = captureOutcome(record, problems);

  // The create form, read live before submit: permissions, IPs and the warnings shown inline.
  const form = record.createForm;
  if (!form) problems.push('create form: never read');
  else {
    compareForm(record, 'create form', fresh, form, problems);
    if (form.label !== fresh.name) problems.push(`create form: name ${show(form.label)}, typed ${show(fresh.name)}`);
  }

  // The key list after creation: both keys, each with its permissions, IPs and marks.
  for (const [where, key, reading] of [
    ['list (new key)', fresh, record.list],
    ['list (older key)', older, record.list],
    ['list after edit', edited, record.listAfterEdit],
  ] as const) {
    const row = reading?.keys.find((k) => k.apiKey === key.apiKey);
    if (!row) {
      problems.push(`${where}: key ${short(key.apiKey)} not listed (read ${reading ? reading.keys.length : 'no'} keys)`);
      continue;
    }
    if (row.label !== key.name) problems.push(`${where}: name ${show(row.label)}, shown ${show(key.name)}`);
    comparePermissions(record, where, key, row.permissions, problems, !record.spec.shape.structure.listShowsAll);
    compareIps(where, key, row.ipWhitelist, problems);
    compareRisks(record, where, key, row.warnings, problems);
  }

  // The edit dialog: a permission granted later is read and warned about before saving.
  const edit = record.editForm;
  if (!edit) problems.push('edit form: never read');
  else compareForm(record, 'edit form', edited, edit, problems);
  return { outcome, problems };
}

import { useEffect, useRef, useState } from 'preact/hooks';
import { MAX_BACKUP_BYTES, MIN_BACKUP_PASSWORD_LENGTH, backupPasswordProblem } from '../../core/backup-policy';
import { type Settings as SettingsShape, SETTING_LIMITS, type VaultStatus } from '../../messages';
import { errorCode, request } from '../api';
import { ErrorAlert, StatusNote } from '../components/Alert';
import { BusyButton } from '../components/BusyButton';
import { BackIcon } from '../components/Icons';
import { PasswordInput } from '../components/PasswordInput';
import { StrengthMeter } from '../components/StrengthMeter';
import { formatDuration, MIN_PASSWORD_LENGTH } from '../format';
import { useAlive, useEscape, useFocusOnMount, useReadyMarker, useTask } from '../hooks';
import { SitesSection } from './Sites';

export const AUTO_LOCK_CHOICES = [60, 5 * 60, 15 * 60, 30 * 60, 60 * 60, 4 * 60 * 60] as const;
export const CLIPBOARD_CHOICES = [10, 30, 60, 120] as const;

/** The offered choices, plus the current value when it is not one of them (set elsewhere). */
export function choicesWith(choices: readonly number[], current: number): number[] {
  return choices.includes(current) ? [...choices] : [...choices, current].sort((a, b) => a - b);
}

export interface SettingsProps {
  settings: SettingsShape;
  onStatus: (status: VaultStatus) => void;
  onImported: () => void;
  onBack: () => void;
}

export function Settings({ settings, onStatus, onImported, onBack }: SettingsProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(headingRef);
  useReadyMarker('settings');
  useEscape(onBack);

  return (
    <main class="view view-settings" aria-labelledby="settings-title">
      <div class="view-head">
        <button type="button" class="btn btn-ghost btn-icon" onClick={onBack} aria-label="Back to keys" title="Back (Esc)">
          <BackIcon />
        </button>
        <div class="view-head-text">
          <h1 id="settings-title" class="view-title" tabIndex={-1} ref={headingRef}>
            Settings
          </h1>
        </div>
      </div>
      <PreferencesSection settings={settings} onStatus={onStatus} />
      <SitesSection />
      <ChangePasswordSection onStatus={onStatus} />
      <ExportSection />
      <ImportSection onImported={onImported} />
    </main>
  );
}

function PreferencesSection({ settings, onStatus }: { settings: SettingsShape; onStatus: (s: VaultStatus) => void }) {
  const task = useTask();
  const [saving, setSaving] = useState<keyof SettingsShape | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [rotation, setRotation] = useState(String(settings.rotationDays));
  const [rotationError, setRotationError] = useState<string | null>(null);
  const alive = useAlive();

  const update = async (patch: Partial<SettingsShape>, what: keyof SettingsShape, done: string): Promise<boolean> => {
    setSaving(what);
    setNote(null);
    const result = await task.run(() => request('settings.update', patch));
    if (!alive.current) return false;
    setSaving(null);
    if (!result.ok) return false;
    onStatus(result.value);
    setNote(done);
    return true;
  };

  const { min, max } = SETTING_LIMITS.rotationDays;
  const saveRotation = async (event: Event): Promise<void> => {
    event.preventDefault();
    const days = Number(rotation);
    if (!Number.isInteger(days) || days < min || days > max) {
      setRotationError(`Enter a whole number of days from ${min} to ${max}.`);
      return;
    }
    setRotationError(null);
    if (days === settings.rotationDays) return;
    await update({ rotationDays: days }, 'rotationDays', `Rotation reminder set to ${days} days.`);
  };

  return (
    <section class="card" aria-labelledby="prefs-title">
      <h2 id="prefs-title" class="card-title">
        Security
      </h2>
      <div class="form">
        <div class="field">
          <label for="set-autolock">Lock after inactivity</label>
          <select
            id="set-autolock"
            class="input"
            value={String(settings.autoLockSeconds)}
            disabled={saving === 'autoLockSeconds'}
            aria-busy={saving === 'autoLockSeconds' ? 'true' : 'false'}
            onChange={(e) => {
              const seconds = Number(e.currentTarget.value);
              void update({ autoLockSeconds: seconds }, 'autoLockSeconds', `Keyward locks after ${formatDuration(seconds)}.`);
            }}
          >
            {choicesWith(AUTO_LOCK_CHOICES, settings.autoLockSeconds).map((s) => (
              <option key={s} value={String(s)}>
                {formatDuration(s)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="set-clipboard">Clear copied values after</label>
          <select
            id="set-clipboard"
            class="input"
            value={String(settings.clipboardClearSeconds)}
            disabled={saving === 'clipboardClearSeconds'}
            aria-busy={saving === 'clipboardClearSeconds' ? 'true' : 'false'}
            onChange={(e) => {
              const seconds = Number(e.currentTarget.value);
              void update(
                { clipboardClearSeconds: seconds },
                'clipboardClearSeconds',
                `Copied values are cleared after ${formatDuration(seconds)}.`,
              );
            }}
          >
            {choicesWith(CLIPBOARD_CHOICES, settings.clipboardClearSeconds).map((s) => (
              <option key={s} value={String(s)}>
                {formatDuration(s)}
              </option>
            ))}
          </select>
        </div>
        <form class="field" onSubmit={saveRotation} noValidate>
          <label for="set-rotation">Remind to rotate keys older than (days)</label>
          <div class="input-with-button">
            <input
              id="set-rotation"
              class="input"
              type="number"
              inputMode="numeric"
              min={min}
              max={max}
              step={1}
              value={rotation}
              onInput={(e) => setRotation(e.currentTarget.value)}
              aria-invalid={rotationError ? 'true' : undefined}
              aria-describedby={rotationError ? 'set-rotation-error' : undefined}
            />
            <BusyButton type="submit" class="btn btn-small" busy={saving === 'rotationDays'}>
              Save
            </BusyButton>
          </div>
          {rotationError ? (
            <p class="field-error" id="set-rotation-error">
              {rotationError}
            </p>
          ) : null}
        </form>
        <ErrorAlert message={task.error} />
        <StatusNote message={note} />
      </div>
    </section>
  );
}

function ChangePasswordSection({ onStatus }: { onStatus: (s: VaultStatus) => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const currentRef = useRef<HTMLInputElement>(null);
  const nextRef = useRef<HTMLInputElement>(null);
  const repeatRef = useRef<HTMLInputElement>(null);
  const task = useTask();
  const alive = useAlive();

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    setDone(false);
    if (current === '') {
      setProblem('Enter your current master password.');
      currentRef.current?.focus();
      return;
    }
    if ([...next].length < MIN_PASSWORD_LENGTH) {
      setProblem(`The new password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
      nextRef.current?.focus();
      return;
    }
    if (next !== repeat) {
      setProblem('The two new passwords are not the same.');
      repeatRef.current?.focus();
      return;
    }
    if (next === current) {
      setProblem('The new password is the same as the current one.');
      nextRef.current?.focus();
      return;
    }
    setProblem(null);
    const result = await task.run(() => request('vault.changePassword', { current, next }));
    if (!alive.current) return;
    if (!result.ok) {
      if (errorCode(result.error) === 'wrong-password') {
        currentRef.current?.focus();
        currentRef.current?.select();
      }
      return;
    }
    setCurrent('');
    setNext('');
    setRepeat('');
    setDone(true);
    onStatus(result.value);
  };

  return (
    <section class="card" aria-labelledby="pw-title">
      <h2 id="pw-title" class="card-title">
        Change master password
      </h2>
      <form class="form" onSubmit={submit} noValidate>
        <div class="field">
          <label for="pw-current">Current master password</label>
          <PasswordInput
            id="pw-current"
            value={current}
            onInput={setCurrent}
            autoComplete="current-password"
            inputRef={currentRef}
          />
        </div>
        <div class="field">
          <label for="pw-next">New master password</label>
          <PasswordInput
            id="pw-next"
            value={next}
            onInput={setNext}
            autoComplete="new-password"
            inputRef={nextRef}
            describedBy="pw-strength"
          />
          <StrengthMeter password={next} id="pw-strength" />
        </div>
        <div class="field">
          <label for="pw-repeat">Repeat new master password</label>
          <PasswordInput
            id="pw-repeat"
            value={repeat}
            onInput={setRepeat}
            autoComplete="new-password"
            inputRef={repeatRef}
          />
        </div>
        <ErrorAlert message={problem ?? task.error} />
        <div class="form-actions">
          <BusyButton type="submit" class="btn btn-primary" busy={task.busy} busyLabel="Changing…">
            Change password
          </BusyButton>
          <StatusNote message={done ? 'Master password changed.' : null} />
        </div>
      </form>
    </section>
  );
}

/** Checks the export form before anything is sent; returns the problem and the field to fix. */
function exportProblem(
  master: string,
  reuseMaster: boolean,
  backupPassword: string,
  backupRepeat: string,
): { message: string; field: 'master' | 'backup' | 'repeat' } | null {
  if (master === '') return { message: 'Enter your master password to export.', field: 'master' };
  if (reuseMaster) return null;
  const weak = backupPasswordProblem(backupPassword);
  if (weak) return { message: weak, field: 'backup' };
  if (backupPassword !== backupRepeat) return { message: 'The two backup passwords are not the same.', field: 'repeat' };
  // Typing the master password again as the "separate" one would reuse it without saying so.
  if (backupPassword === master) {
    return { message: 'That is your master password. Tick "Use my master password" to reuse it.', field: 'backup' };
  }
  return null;
}

function ExportSection() {
  const [master, setMaster] = useState('');
  // A separate backup password is the default: the file leaves this computer, and reusing the
  // master password would hand whoever cracks the file the vault as well. Reuse is a choice.
  const [reuseMaster, setReuseMaster] = useState(false);
  const [backupPassword, setBackupPassword] = useState('');
  const [backupRepeat, setBackupRepeat] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [download, setDownload] = useState<{ url: string; fileName: string } | null>(null);
  const masterRef = useRef<HTMLInputElement>(null);
  const backupRef = useRef<HTMLInputElement>(null);
  const repeatRef = useRef<HTMLInputElement>(null);
  const task = useTask();
  const alive = useAlive();

  // The Blob URL lives as long as the view; revoke it when replaced or on leaving.
  useEffect(() => {
    if (!download) return;
    const { url } = download;
    return () => URL.revokeObjectURL(url);
  }, [download]);

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const found = exportProblem(master, reuseMaster, backupPassword, backupRepeat);
    if (found) {
      setProblem(found.message);
      const fields = { master: masterRef, backup: backupRef, repeat: repeatRef };
      fields[found.field].current?.focus();
      return;
    }
    setProblem(null);
    const result = await task.run(() =>
      request('backup.export', { masterPassword: master, backupPassword: reuseMaster ? master : backupPassword }),
    );
    if (!alive.current) return;
    if (!result.ok) {
      if (errorCode(result.error) === 'wrong-password') {
        masterRef.current?.focus();
        masterRef.current?.select();
      }
      return;
    }
    const { fileName, content } = result.value;
    const type = fileName.endsWith('.json') ? 'application/json' : 'application/octet-stream';
    const url = URL.createObjectURL(new Blob([content], { type }));
    setMaster('');
    setBackupPassword('');
    setBackupRepeat('');
    setDownload({ url, fileName });
    // Start the download at once; the link stays for a second try.
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = fileName;
    anchor.rel = 'noopener';
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
  };

  return (
    <section class="card" aria-labelledby="export-title">
      <h2 id="export-title" class="card-title">
        Export backup
      </h2>
      <p class="muted small">
        An encrypted file with all your keys. Keep it away from this computer; you need its password to import it.
      </p>
      <form class="form" onSubmit={submit} noValidate>
        <div class="field">
          <label for="export-master">Master password</label>
          <PasswordInput
            id="export-master"
            value={master}
            onInput={setMaster}
            autoComplete="current-password"
            inputRef={masterRef}
          />
        </div>
        <label class="check">
          <input
            id="export-reuse"
            type="checkbox"
            checked={reuseMaster}
            onChange={(e) => setReuseMaster(e.currentTarget.checked)}
          />
          Use my master password for this backup
        </label>
        {reuseMaster ? (
          <p class="hint">Anyone who guesses this file's password then also knows your master password.</p>
        ) : (
          <>
            <div class="field">
              <label for="export-password">Backup password</label>
              <PasswordInput
                id="export-password"
                value={backupPassword}
                onInput={setBackupPassword}
                autoComplete="new-password"
                inputRef={backupRef}
                describedBy="export-password-hint"
                what="backup password"
              />
              <p class="hint" id="export-password-hint">
                At least {MIN_BACKUP_PASSWORD_LENGTH} characters, not your master password: the file can be attacked away
                from this computer.
              </p>
            </div>
            <div class="field">
              <label for="export-repeat">Repeat backup password</label>
              <PasswordInput
                id="export-repeat"
                value={backupRepeat}
                onInput={setBackupRepeat}
                autoComplete="new-password"
                inputRef={repeatRef}
                what="backup password"
              />
            </div>
          </>
        )}
        <ErrorAlert message={problem ?? task.error} />
        <div class="form-actions">
          <BusyButton type="submit" class="btn btn-primary" busy={task.busy} busyLabel="Exporting…">
            Export
          </BusyButton>
        </div>
        {download ? (
          <p class="status-note" role="status">
            Backup ready:{' '}
            <a href={download.url} download={download.fileName}>
              Download {download.fileName}
            </a>
          </p>
        ) : null}
      </form>
    </section>
  );
}

function ImportSection({ onImported }: { onImported: () => void }) {
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const task = useTask();
  const alive = useAlive();

  const choose = async (input: HTMLInputElement): Promise<void> => {
    setResult(null);
    task.setError(null);
    const chosen = input.files?.[0];
    if (!chosen) {
      setFile(null);
      return;
    }
    // Checked before reading: a huge file would be read whole into the popup, then sent on.
    if (chosen.size > MAX_BACKUP_BYTES) {
      setFile(null);
      setProblem(`That file is too large to be a Keyward backup (over ${MAX_BACKUP_BYTES / (1024 * 1024)} MiB).`);
      return;
    }
    try {
      const content = await chosen.text();
      if (!alive.current) return;
      setFile({ name: chosen.name, content });
      setProblem(null);
    } catch {
      if (!alive.current) return;
      setFile(null);
      setProblem('That file could not be read.');
    }
  };

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    setResult(null);
    if (!file) {
      setProblem('Choose a backup file first.');
      fileRef.current?.focus();
      return;
    }
    if (password === '') {
      setProblem('Enter the backup password.');
      passwordRef.current?.focus();
      return;
    }
    setProblem(null);
    const reply = await task.run(() => request('backup.import', { content: file.content, password }));
    if (!alive.current || !reply.ok) return;
    const { added, duplicates } = reply.value;
    setResult(
      `Imported ${added} ${added === 1 ? 'key' : 'keys'}, skipped ${duplicates} ${duplicates === 1 ? 'duplicate' : 'duplicates'}.`,
    );
    setPassword('');
    setFile(null);
    if (fileRef.current) fileRef.current.value = '';
    onImported();
  };

  return (
    <section class="card" aria-labelledby="import-title">
      <h2 id="import-title" class="card-title">
        Import backup
      </h2>
      <p class="muted small">Adds the keys from a Keyward backup. Keys already in the vault are skipped.</p>
      <form class="form" onSubmit={submit} noValidate>
        <div class="field">
          <label for="import-file">Backup file</label>
          <input
            id="import-file"
            ref={fileRef}
            class="input"
            type="file"
            onChange={(e) => void choose(e.currentTarget)}
          />
        </div>
        <div class="field">
          <label for="import-password">Backup password</label>
          <PasswordInput
            id="import-password"
            value={password}
            onInput={setPassword}
            autoComplete="off"
            inputRef={passwordRef}
            what="backup password"
          />
        </div>
        <ErrorAlert message={problem ?? task.error} />
        <div class="form-actions">
          <BusyButton type="submit" class="btn btn-primary" busy={task.busy} busyLabel="Importing…">
            Import
          </BusyButton>
        </div>
        <StatusNote message={result} />
      </form>
    </section>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { backupPasswordProblem, MIN_BACKUP_PASSWORD_LENGTH } from '../../../core/backup-policy';
import { request } from '../../api';
import { PasswordField } from '../../components/Field';
import { refocusIfWrongPassword, useAlive, useTask } from '../../hooks';
import { Card } from '../../components/Card';
import { SubmitRow } from '../../components/SubmitRow';
import { usePasswordInput } from '../../components/PasswordInput';
import { tWords } from '../../../i18n';

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
  if (weak) return { message: tWords(weak), field: 'backup' };
  if (backupPassword !== backupRepeat) return { message: 'The two backup passwords are not the same.', field: 'repeat' };
  // Typing the master password again as the "separate" one would reuse it without saying so.
  if (backupPassword === master) {
    return { message: 'That is your master password. Tick "Use my master password" to reuse it.', field: 'backup' };
  }
  return null;
}

export function ExportSection() {
  const masterInput = usePasswordInput('current-password');
  const backupInput = usePasswordInput('new-password');
  const repeatInput = usePasswordInput('new-password');
  const [master, backupPassword, backupRepeat] = [masterInput.value, backupInput.value, repeatInput.value];
  // A separate backup password is the default: the file leaves this computer, and reusing the
  // master password would hand whoever cracks the file the vault as well. Reuse is a choice.
  const [reuseMaster, setReuseMaster] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [download, setDownload] = useState<{ url: string; fileName: string } | null>(null);
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
      const fields = { master: masterInput.inputRef, backup: backupInput.inputRef, repeat: repeatInput.inputRef };
      fields[found.field].current?.focus();
      return;
    }
    setProblem(null);
    const result = await task.run(() =>
      request('backup.export', { masterPassword: master, backupPassword: reuseMaster ? master : backupPassword }),
    );
    if (!alive.current) return;
    if (!result.ok) {
      refocusIfWrongPassword(result.error, masterInput.inputRef);
      return;
    }
    const { fileName, content } = result.value;
    const type = fileName.endsWith('.json') ? 'application/json' : 'application/octet-stream';
    const url = URL.createObjectURL(new Blob([content], { type }));
    masterInput.onInput('');
    backupInput.onInput('');
    repeatInput.onInput('');
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
    <Card titleId="export-title" title="Export backup">
      <p class="muted small">
        An encrypted file with all your keys. Keep it away from this computer; you need its password to import it.
      </p>
      <form class="form" onSubmit={submit} noValidate>
        <PasswordField
          id="export-master"
          label="Master password"
          {...masterInput}
        />
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
            <PasswordField
              id="export-password"
              label="Backup password"
              {...backupInput}
              what="backup password"
              hint={
                <>
                  At least {MIN_BACKUP_PASSWORD_LENGTH} characters, not your master password: the file can be attacked
                  away from this computer.
                </>
              }
            />
            <PasswordField
              id="export-repeat"
              label="Repeat backup password"
              {...repeatInput}
              what="backup password"
            />
          </>
        )}
        <SubmitRow error={problem ?? task.error} busy={task.busy} busyLabel="Exporting…">
          Export
        </SubmitRow>
        {download ? (
          <p class="status-note" role="status">
            Backup ready:{' '}
            <a href={download.url} download={download.fileName}>
              Download {download.fileName}
            </a>
          </p>
        ) : null}
      </form>
    </Card>
  );
}

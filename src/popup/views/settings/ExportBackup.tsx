import { useEffect, useState } from 'preact/hooks';
import { backupPasswordProblem, MIN_BACKUP_PASSWORD_LENGTH } from '../../../core/backup-policy';
import { plural, t } from '../../../i18n';
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
  if (master === '') return { message: t('backupEnterMaster'), field: 'master' };
  if (reuseMaster) return null;
  const weak = backupPasswordProblem(backupPassword);
  if (weak) return { message: tWords(weak), field: 'backup' };
  if (backupPassword !== backupRepeat) return { message: t('backupMismatch'), field: 'repeat' };
  // Typing the master password again as the "separate" one would reuse it without saying so.
  if (backupPassword === master) {
    return { message: t('backupIsMaster', { label: t('backupReuseLabel') }), field: 'backup' };
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
    <Card titleId="export-title" title={t('backupExportTitle')}>
      <p class="muted small">{t('backupExportIntro')}</p>
      <form class="form" onSubmit={submit} noValidate>
        <PasswordField
          id="export-master"
          label={t('backupMasterLabel')}
          {...masterInput}
        />
        <label class="check">
          <input
            id="export-reuse"
            type="checkbox"
            checked={reuseMaster}
            onChange={(e) => setReuseMaster(e.currentTarget.checked)}
          />
          {t('backupReuseLabel')}
        </label>
        {reuseMaster ? (
          <p class="hint">{t('backupReuseHint')}</p>
        ) : (
          <>
            <PasswordField
              id="export-password"
              label={t('backupPasswordLabel')}
              {...backupInput}
              what="backupPassword"
              hint={plural('backupPasswordHint', MIN_BACKUP_PASSWORD_LENGTH)}
            />
            <PasswordField
              id="export-repeat"
              label={t('backupRepeatLabel')}
              {...repeatInput}
              what="backupPassword"
            />
          </>
        )}
        <SubmitRow error={problem ?? task.error} busy={task.busy} busyLabel={t('backupExportBusy')}>
          {t('backupExportSubmit')}
        </SubmitRow>
        {download ? (
          <p class="status-note" role="status">
            {t('backupReady')}{' '}
            <a href={download.url} download={download.fileName}>
              {t('backupDownload', { file: download.fileName })}
            </a>
          </p>
        ) : null}
      </form>
    </Card>
  );
}

import { useRef, useState } from 'preact/hooks';
import { MAX_BACKUP_BYTES } from '../../../core/backup-policy';
import { plural, t } from '../../../i18n';
import { request } from '../../api';
import { StatusNote } from '../../components/Alert';
import { Field, PasswordField } from '../../components/Field';
import { useAlive, useTask } from '../../hooks';
import { Card } from '../../components/Card';
import { SubmitRow } from '../../components/SubmitRow';
import { usePasswordInput } from '../../components/PasswordInput';

export function ImportSection({ onImported }: { onImported: () => void }) {
  const passwordInput = usePasswordInput('off');
  const { value: password, inputRef: passwordRef } = passwordInput;
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
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
      setProblem(t('backupTooLarge', { size: MAX_BACKUP_BYTES / (1024 * 1024) }));
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
      setProblem(t('backupUnreadable'));
    }
  };

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    setResult(null);
    if (!file) {
      setProblem(t('backupChooseFile'));
      fileRef.current?.focus();
      return;
    }
    if (password === '') {
      setProblem(t('backupEnterPassword'));
      passwordRef.current?.focus();
      return;
    }
    setProblem(null);
    const reply = await task.run(() => request('backup.import', { content: file.content, password }));
    if (!alive.current || !reply.ok) return;
    const { added, duplicates } = reply.value;
    // Two counts: the second is a clause of its own, worded with its own plural forms.
    setResult(plural('backupImported', added, { skipped: plural('backupSkipped', duplicates) }));
    passwordInput.onInput('');
    setFile(null);
    if (fileRef.current) fileRef.current.value = '';
    onImported();
  };

  return (
    <Card titleId="import-title" title={t('backupImportTitle')}>
      <p class="muted small">{t('backupImportIntro')}</p>
      <form class="form" onSubmit={submit} noValidate>
        <Field id="import-file" label={t('backupFileLabel')}>
          {() => (
            <input
              id="import-file"
              ref={fileRef}
              class="input"
              type="file"
              onChange={(e) => void choose(e.currentTarget)}
            />
          )}
        </Field>
        <PasswordField
          id="import-password"
          label={t('backupPasswordLabel')}
          {...passwordInput}
          what="backupPassword"
        />
        <SubmitRow error={problem ?? task.error} busy={task.busy} busyLabel={t('backupImportBusy')}>
          {t('backupImportSubmit')}
        </SubmitRow>
        <StatusNote message={result} />
      </form>
    </Card>
  );
}

import { useState } from 'preact/hooks';
import type { VaultStatus } from '../../../messages';
import { plural, t } from '../../../i18n';
import { request } from '../../api';
import { StatusNote } from '../../components/Alert';
import { PasswordField } from '../../components/Field';
import { MIN_PASSWORD_LENGTH } from '../../format';
import { refocusIfWrongPassword, useAlive, useTask } from '../../hooks';
import { Card } from '../../components/Card';
import { SubmitRow } from '../../components/SubmitRow';
import { usePasswordInput } from '../../components/PasswordInput';

export function ChangePasswordSection({ onStatus }: { onStatus: (s: VaultStatus) => void }) {
  const currentInput = usePasswordInput('current-password');
  const nextInput = usePasswordInput('new-password');
  const repeatInput = usePasswordInput('new-password');
  const [current, next, repeat] = [currentInput.value, nextInput.value, repeatInput.value];
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const task = useTask();
  const alive = useAlive();

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    setDone(false);
    if (current === '') {
      setProblem(t('settingsPasswordEnterCurrent'));
      currentInput.inputRef.current?.focus();
      return;
    }
    if ([...next].length < MIN_PASSWORD_LENGTH) {
      setProblem(plural('settingsPasswordTooShort', MIN_PASSWORD_LENGTH));
      nextInput.inputRef.current?.focus();
      return;
    }
    if (next !== repeat) {
      setProblem(t('settingsPasswordMismatch'));
      repeatInput.inputRef.current?.focus();
      return;
    }
    if (next === current) {
      setProblem(t('settingsPasswordUnchanged'));
      nextInput.inputRef.current?.focus();
      return;
    }
    setProblem(null);
    const result = await task.run(() => request('vault.changePassword', { current, next }));
    if (!alive.current) return;
    if (!result.ok) {
      refocusIfWrongPassword(result.error, currentInput.inputRef);
      return;
    }
    currentInput.onInput('');
    nextInput.onInput('');
    repeatInput.onInput('');
    setDone(true);
    onStatus(result.value);
  };

  return (
    <Card titleId="pw-title" title={t('settingsPasswordTitle')}>
      <form class="form" onSubmit={submit} noValidate>
        <PasswordField
          id="pw-current"
          label={t('settingsPasswordCurrent')}
          {...currentInput}
        />
        <PasswordField
          id="pw-next"
          label={t('settingsPasswordNew')}
          {...nextInput}
          strengthId="pw-strength"
        />
        <PasswordField
          id="pw-repeat"
          label={t('settingsPasswordRepeat')}
          {...repeatInput}
        />
        <SubmitRow
          error={problem ?? task.error}
          busy={task.busy}
          busyLabel={t('settingsPasswordBusy')}
          aside={<StatusNote message={done ? t('settingsPasswordDone') : null} />}
        >
          {t('settingsPasswordSubmit')}
        </SubmitRow>
      </form>
    </Card>
  );
}

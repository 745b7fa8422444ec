import { useRef, useState } from 'preact/hooks';
import type { VaultStatus } from '../../../messages';
import { request } from '../../api';
import { ErrorAlert, StatusNote } from '../../components/Alert';
import { BusyButton } from '../../components/BusyButton';
import { PasswordField } from '../../components/Field';
import { MIN_PASSWORD_LENGTH } from '../../format';
import { refocusIfWrongPassword, useAlive, useTask } from '../../hooks';
import { Card } from '../../components/Card';

export function ChangePasswordSection({ onStatus }: { onStatus: (s: VaultStatus) => void }) {
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
      refocusIfWrongPassword(result.error, currentRef);
      return;
    }
    setCurrent('');
    setNext('');
    setRepeat('');
    setDone(true);
    onStatus(result.value);
  };

  return (
    <Card titleId="pw-title" title="Change master password">
      <form class="form" onSubmit={submit} noValidate>
        <PasswordField
          id="pw-current"
          label="Current master password"
          value={current}
          onInput={setCurrent}
          autoComplete="current-password"
          inputRef={currentRef}
        />
        <PasswordField
          id="pw-next"
          label="New master password"
          value={next}
          onInput={setNext}
          autoComplete="new-password"
          inputRef={nextRef}
          strengthId="pw-strength"
        />
        <PasswordField
          id="pw-repeat"
          label="Repeat new master password"
          value={repeat}
          onInput={setRepeat}
          autoComplete="new-password"
          inputRef={repeatRef}
        />
        <ErrorAlert message={problem ?? task.error} />
        <div class="form-actions">
          <BusyButton type="submit" class="btn btn-primary" busy={task.busy} busyLabel="Changing…">
            Change password
          </BusyButton>
          <StatusNote message={done ? 'Master password changed.' : null} />
        </div>
      </form>
    </Card>
  );
}

import { useState } from 'preact/hooks';
import type { VaultStatus } from '../../messages';
import { request } from '../api';
import { ErrorAlert } from '../components/Alert';
import { BusyButton } from '../components/BusyButton';
import { BrandHeading } from '../components/BrandHeading';
import { ShieldIcon } from '../components/Icons';
import { PasswordField } from '../components/Field';
import { MIN_PASSWORD_LENGTH } from '../format';
import { useFocusOnMount, useReadyMarker, useTask } from '../hooks';
import { usePasswordInput } from '../components/PasswordInput';

/** First run: choose the master password. */
export function CreateVault({ onCreated }: { onCreated: (status: VaultStatus) => void }) {
  const passwordInput = usePasswordInput('new-password');
  const { value: password, inputRef: passwordRef } = passwordInput;
  const confirmInput = usePasswordInput('new-password');
  const { value: confirm, inputRef: confirmRef } = confirmInput;
  const [submitted, setSubmitted] = useState(false);
  const task = useTask();
  useFocusOnMount(passwordRef);
  useReadyMarker('create');

  const tooShort = [...password].length < MIN_PASSWORD_LENGTH;
  const mismatch = password !== confirm;
  const showLengthError = submitted && tooShort;
  // While the second field is being typed, complain only once it can no longer become equal.
  const showMismatch = mismatch && (submitted || (confirm.length > 0 && !password.startsWith(confirm)));

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    setSubmitted(true);
    if (tooShort) {
      passwordRef.current?.focus();
      return;
    }
    if (mismatch) {
      confirmRef.current?.focus();
      return;
    }
    const result = await task.run(() => request('vault.create', { password }));
    if (result.ok) onCreated(result.value);
  };

  return (
    <main class="view view-center" aria-labelledby="create-title">
      <BrandHeading titleId="create-title" icon={<ShieldIcon />} title="Create your Keyward vault" />
      <p class="lead">Your exchange API keys are encrypted with a master password that only you know.</p>
      <form class="form" onSubmit={submit} noValidate>
        <PasswordField
          id="create-password"
          label="Master password"
          {...passwordInput}
          strengthId="create-strength"
          error={showLengthError ? `The password needs at least ${MIN_PASSWORD_LENGTH} characters.` : null}
          errorId="create-length-error"
          required
          disabled={task.busy}
        />
        <PasswordField
          id="create-confirm"
          label="Repeat master password"
          {...confirmInput}
          error={showMismatch ? 'The two passwords are not the same.' : null}
          errorId="create-mismatch"
          required
          disabled={task.busy}
        />
        <div class="callout callout-warn" id="create-warning">
          <strong>There is no password reset.</strong> If you forget your master password, Keyward cannot
          recover it; your keys would be lost and have to be re-created on the exchanges. Write it down and keep
          it somewhere safe.
        </div>
        <ErrorAlert message={task.error} />
        <BusyButton type="submit" class="btn btn-primary btn-block" busy={task.busy} busyLabel="Creating vault…">
          Create vault
        </BusyButton>
      </form>
    </main>
  );
}

import { useState } from 'preact/hooks';
import { plural, t } from '../../i18n';
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
      <BrandHeading titleId="create-title" icon={<ShieldIcon />} title={t('createTitle')} />
      <p class="lead">{t('createLead')}</p>
      <form class="form" onSubmit={submit} noValidate>
        <PasswordField
          id="create-password"
          label={t('commonMasterPassword')}
          {...passwordInput}
          strengthId="create-strength"
          error={showLengthError ? plural('createLengthError', MIN_PASSWORD_LENGTH) : null}
          errorId="create-length-error"
          required
          disabled={task.busy}
        />
        <PasswordField
          id="create-confirm"
          label={t('createConfirmLabel')}
          {...confirmInput}
          error={showMismatch ? t('createMismatch') : null}
          errorId="create-mismatch"
          required
          disabled={task.busy}
        />
        <div class="callout callout-warn" id="create-warning">
          <strong>{t('createNoReset')}</strong> {t('createNoResetBody')}
        </div>
        <ErrorAlert message={task.error} />
        <BusyButton type="submit" class="btn btn-primary btn-block" busy={task.busy} busyLabel={t('createBusy')}>
          {t('createSubmit')}
        </BusyButton>
      </form>
    </main>
  );
}

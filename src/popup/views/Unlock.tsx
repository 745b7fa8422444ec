import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n';
import type { VaultStatus } from '../../messages';
import { errorCode, errorMessage, request } from '../api';
import { BusyButton } from '../components/BusyButton';
import { BrandHeading } from '../components/BrandHeading';
import { Emphasis } from '../components/Emphasis';
import { LockIcon } from '../components/Icons';
import { PasswordField } from '../components/Field';
import { formatCountdown } from '../format';
import { useAlive, useFocusOnMount, useNow, useReadyMarker } from '../hooks';

interface Failure {
  code: string | null;
  message: string;
  /** Bumped on every failure so focus returns to the field each time. */
  attempt: number;
}

/** Locked: ask for the master password. */
export function Unlock({
  retryAt,
  onUnlocked,
  onStatus,
}: {
  retryAt: number | null;
  onUnlocked: (status: VaultStatus) => void;
  onStatus: (status: VaultStatus) => void;
}) {
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const alive = useAlive();
  useFocusOnMount(inputRef);
  useReadyMarker('unlock');

  // useNow only re-renders once a second while throttled; the clock is read fresh each render.
  useNow(retryAt !== null && retryAt > Date.now());
  const secondsLeft = retryAt === null ? 0 : Math.ceil((retryAt - Date.now()) / 1000);
  const waiting = secondsLeft > 0;

  // After a failed attempt: keep what was typed, put the caret back in it, selected, so the
  // user can retype or fix it.
  useLayoutEffect(() => {
    if (!failure) return;
    const input = inputRef.current;
    if (!input) return;
    input.focus();
    input.select();
  }, [failure]);

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (busy || waiting || password.length === 0) {
      if (password.length === 0) inputRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const status = await request('vault.unlock', { password });
      if (!alive.current) return;
      setPassword('');
      onUnlocked(status);
    } catch (caught) {
      if (!alive.current) return;
      const code = errorCode(caught);
      setFailure((prev) => ({ code, message: errorMessage(caught), attempt: (prev?.attempt ?? 0) + 1 }));
      if (code === 'wrong-password' || code === 'throttled') {
        // The status carries retryAt when failures have started to be throttled.
        try {
          const status = await request('vault.status', {});
          if (alive.current) onStatus(status);
        } catch {
          // The error above already tells the user something went wrong.
        }
      }
    } finally {
      if (alive.current) setBusy(false);
    }
  };

  const showFailure = failure !== null && !(failure.code === 'throttled' && !waiting);

  return (
    <main class="view view-center" aria-labelledby="unlock-title">
      <BrandHeading titleId="unlock-title" icon={<LockIcon />} title={t('unlockTitle')} />
      <p class="lead">{t('unlockLead')}</p>
      <form class="form" onSubmit={submit} noValidate>
        {/* The failure is an alert outside the field: it can be about the vault, not the password. */}
        <PasswordField
          id="unlock-password"
          label={t('commonMasterPassword')}
          value={password}
          onInput={setPassword}
          autoComplete="current-password"
          inputRef={inputRef}
          describedBy={showFailure ? 'unlock-error' : undefined}
          invalid={showFailure && failure.code === 'wrong-password'}
          required
        />
        {showFailure ? (
          <p class="alert alert-error" role="alert" id="unlock-error">
            {failure.message}
          </p>
        ) : null}
        {waiting ? (
          <p class="hint countdown" id="unlock-wait">
            <Emphasis say={(time) => t('unlockTooManyAttempts', { time })} value={formatCountdown(secondsLeft)} />
          </p>
        ) : null}
        <BusyButton
          type="submit"
          class="btn btn-primary btn-block"
          busy={busy}
          busyLabel={t('unlockBusy')}
          disabled={waiting}
          aria-describedby={waiting ? 'unlock-wait' : undefined}
        >
          {waiting ? t('unlockWait', { seconds: secondsLeft }) : t('unlockSubmit')}
        </BusyButton>
      </form>
      <details class="help">
        <summary>{t('unlockForgot')}</summary>
        <p>{t('unlockForgotBody')}</p>
      </details>
    </main>
  );
}

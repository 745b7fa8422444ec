import { useState } from 'preact/hooks';
import { type Settings, SETTING_LIMITS, type VaultStatus } from '../../../messages';
import { plural, t } from '../../../i18n';
import { request } from '../../api';
import { ErrorAlert, StatusNote } from '../../components/Alert';
import { BusyButton } from '../../components/BusyButton';
import { Field } from '../../components/Field';
import { formatDuration } from '../../format';
import { useAlive, useTask } from '../../hooks';
import { Card } from '../../components/Card';

const AUTO_LOCK_CHOICES = [60, 5 * 60, 15 * 60, 30 * 60, 60 * 60, 4 * 60 * 60] as const;
const CLIPBOARD_CHOICES = [10, 30, 60, 120] as const;

/** The offered choices, plus the current value when it is not one of them (set elsewhere). */
function choicesWith(choices: readonly number[], current: number): number[] {
  return choices.includes(current) ? [...choices] : [...choices, current].sort((a, b) => a - b);
}

function DurationSelect({
  id,
  label,
  choices,
  value,
  busy,
  onChange,
}: {
  id: string;
  label: string;
  choices: readonly number[];
  value: number;
  busy: boolean;
  onChange: (seconds: number) => void;
}) {
  return (
    <Field id={id} label={label}>
      {() => (
        <select
          id={id}
          class="input"
          value={String(value)}
          disabled={busy}
          aria-busy={busy ? 'true' : 'false'}
          onChange={(e) => onChange(Number(e.currentTarget.value))}
        >
          {choicesWith(choices, value).map((s) => (
            <option key={s} value={String(s)}>
              {formatDuration(s)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Auto-lock, clipboard clearing and the rotation reminder; each saves on its own. */
export function SecuritySection({ settings, onStatus }: { settings: Settings; onStatus: (s: VaultStatus) => void }) {
  const task = useTask();
  const [saving, setSaving] = useState<keyof Settings | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [rotation, setRotation] = useState(String(settings.rotationDays));
  const [rotationError, setRotationError] = useState<string | null>(null);
  const alive = useAlive();

  const update = async (patch: Partial<Settings>, what: keyof Settings, done: string): Promise<boolean> => {
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
  /** A duration setting's value, busy state and saving, with the note said once it is saved. */
  const durationSetting = (key: 'autoLockSeconds' | 'clipboardClearSeconds', saved: (duration: string) => string) => ({
    value: settings[key],
    busy: saving === key,
    onChange: (seconds: number) => {
      const patch: Partial<Settings> = {};
      patch[key] = seconds;
      void update(patch, key, saved(formatDuration(seconds)));
    },
  });

  const saveRotation = async (event: Event): Promise<void> => {
    event.preventDefault();
    const days = Number(rotation);
    if (!Number.isInteger(days) || days < min || days > max) {
      setRotationError(t('settingsRotationRange', { min, max }));
      return;
    }
    setRotationError(null);
    if (days === settings.rotationDays) return;
    await update({ rotationDays: days }, 'rotationDays', plural('settingsRotationSaved', days));
  };

  return (
    <Card titleId="prefs-title" title={t('settingsSecurityTitle')}>
      <div class="form">
        <DurationSelect
          id="set-autolock"
          label={t('settingsAutoLockLabel')}
          choices={AUTO_LOCK_CHOICES}
          {...durationSetting('autoLockSeconds', (duration) => t('settingsAutoLockSaved', { duration }))}
        />
        <DurationSelect
          id="set-clipboard"
          label={t('settingsClipboardLabel')}
          choices={CLIPBOARD_CHOICES}
          {...durationSetting('clipboardClearSeconds', (duration) => t('settingsClipboardSaved', { duration }))}
        />
        {/* A form of its own so Enter saves the number; the selects save on change. */}
        <form class="field" onSubmit={saveRotation} noValidate>
          <label for="set-rotation">{t('settingsRotationLabel')}</label>
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
              {t('settingsSave')}
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
    </Card>
  );
}

import { useState } from 'preact/hooks';
import type { Settings, VaultStatus } from '../../../messages';
import { t } from '../../../i18n';
import { request } from '../../api';
import { ErrorAlert, StatusNote } from '../../components/Alert';
import { Card } from '../../components/Card';
import { useAlive, useTask } from '../../hooks';

/** The opt-out of the browser notifications sent before an exchange retires a key; saves on change. */
export function ExpiryNoticesSection({ settings, onStatus }: { settings: Settings; onStatus: (s: VaultStatus) => void }) {
  const task = useTask();
  const alive = useAlive();
  const [note, setNote] = useState<string | null>(null);

  const toggle = async (on: boolean): Promise<void> => {
    setNote(null);
    const result = await task.run(() => request('settings.update', { expiryNotifications: on }));
    if (!alive.current || !result.ok) return;
    onStatus(result.value);
    setNote(on ? t('settingsNoticesOn') : t('settingsNoticesOff'));
  };

  return (
    <Card titleId="notices-title" title={t('settingsNoticesTitle')}>
      <div class="form">
        <label class="check">
          <input
            id="set-expiry-notices"
            type="checkbox"
            checked={settings.expiryNotifications}
            disabled={task.busy}
            onChange={(e) => void toggle(e.currentTarget.checked)}
          />
          {t('settingsNoticesLabel')}
        </label>
        <p class="hint">{t('settingsNoticesHint')}</p>
        <ErrorAlert message={task.error} />
        <StatusNote message={note} />
      </div>
    </Card>
  );
}

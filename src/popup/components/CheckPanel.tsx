import type { KeySummary } from '../../core/records';
import type { KeyCheckView } from '../../protocol/views';
import { request } from '../api';
import { requestApiAccess } from '../browser-access';
import { checkWords, fieldName, hostsOf } from '../check-words';
import { describeLastChecked, formatDateTime } from '../format';
import { useAlive, useTask } from '../hooks';
import { t } from '../../i18n';
import { leadThen } from '../message-parts';
import { ErrorAlert } from './Alert';
import { BusyButton } from './BusyButton';
import { Card } from './Card';

interface CheckPanelProps {
  keySummary: KeySummary;
  name: string;
  /** This key's last check in this popup, if any (kept by the app across views). */
  check: KeyCheckView | undefined;
  onChecked: (check: KeyCheckView) => void;
  onApplied: (key: KeySummary) => void;
}

/**
 * "Check with <exchange>": asks the exchange, through the background, what this key can really
 * do, and shows where it differs from the vault. Nothing is sent until the user clicks, and the
 * vault takes the exchange's word only on a second click.
 */
export function CheckPanel({ keySummary: key, name, check, onChecked, onApplied }: CheckPanelProps) {
  const alive = useAlive();
  const checkTask = useTask();
  const applyTask = useTask();

  const runCheck = async (): Promise<void> => {
    const result = await checkTask.run(() => request('keys.check', { id: key.id }));
    if (result.ok && alive.current) onChecked(result.value);
  };

  // The browser's prompt needs this click: it is called before anything else is awaited.
  const allowAndCheck = async (origins: string[]): Promise<void> => {
    const granted = await requestApiAccess(origins);
    if (!alive.current) return;
    if (!granted) {
      checkTask.setError(t('checkNotAllowed', { exchange: name }));
      return;
    }
    await runCheck();
  };

  const apply = async (): Promise<void> => {
    const result = await applyTask.run(() => request('keys.applyCheck', { id: key.id }));
    if (result.ok && alive.current) onApplied(result.value.key);
  };

  const result = check?.result;
  const words = result ? checkWords(result, name) : null;
  const last = key.lastCheck;

  return (
    <Card titleId="check-title" title={t('checkTitle', { exchange: name })}>
      <p class="muted small">
        {last && !check
          ? // Two whole sentences, joined as the language joins them (no space in Chinese).
            t('checkIntroWithLast', { intro: t('checkIntro', { exchange: name }), last: describeLastChecked(last.at, Date.now()) })
          : t('checkIntro', { exchange: name })}
      </p>
      {result && words && result.kind !== 'needs-permission' ? (
        <div class={`callout callout-${words.tone}`} role="status" data-check={result.kind}>
          {leadThen(<strong>{t('checkOutcome', { outcome: words.short })}</strong>, words.text)}
          {check ? <span class="muted small"> {t('checkCheckedAt', { date: formatDateTime(check.at) })}</span> : null}
        </div>
      ) : null}
      {result?.kind === 'ok' && result.differences.length > 0 ? (
        <>
          <table class="check-diff">
            <thead>
              <tr>
                <th scope="col">{t('checkColField')}</th>
                <th scope="col">{t('checkColVault')}</th>
                <th scope="col">{t('checkColExchange', { exchange: name })}</th>
              </tr>
            </thead>
            <tbody>
              {result.differences.map((difference) => (
                <tr key={difference.field} class={difference.riskier ? 'risk-row' : undefined}>
                  <th scope="row">{fieldName(difference.field)}</th>
                  <td class="mono">{difference.vault}</td>
                  <td class="mono">{difference.exchange}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <BusyButton type="button" class="btn btn-primary" busy={applyTask.busy} busyLabel={t('checkUpdating')} onClick={() => void apply()}>
            {t('checkApply', { exchange: name })}
          </BusyButton>
        </>
      ) : null}
      {result?.kind === 'needs-permission' ? (
        <div class="callout callout-info" data-check="needs-permission">
          {t('checkNeedsPermission', { hosts: hostsOf(result.origins).join(', ') })}
          <div class="form-actions">
            <BusyButton type="button" class="btn btn-primary" busy={checkTask.busy} onClick={() => void allowAndCheck(result.origins)}>
              {t('checkAllowAndCheck')}
            </BusyButton>
          </div>
        </div>
      ) : (
        <div class="form-actions">
          <BusyButton type="button" class="btn" busy={checkTask.busy} busyLabel={t('checkChecking')} onClick={() => void runCheck()}>
            {check ? t('checkAgain') : t('checkButton', { exchange: name })}
          </BusyButton>
        </div>
      )}
      <ErrorAlert message={checkTask.error ?? applyTask.error} />
    </Card>
  );
}

import type { Settings, VaultStatus } from '../../../messages';
import { t } from '../../../i18n';
import { LANGUAGE_CHOICES, LANGUAGE_NAMES, type LanguageChoice } from '../../../i18n/languages';
import { choosePageLanguage } from '../../../i18n/page-language';
import { request } from '../../api';
import { ErrorAlert } from '../../components/Alert';
import { Card } from '../../components/Card';
import { Field, controlAria } from '../../components/Field';
import { useAlive, useTask } from '../../hooks';

const isChoice = (value: string): value is LanguageChoice => (LANGUAGE_CHOICES as readonly string[]).includes(value);

/**
 * The language override: the browser's language, or one Keyward speaks, each named in itself so
 * that someone lost in the current language still finds their own. Saved on change, then the
 * popup switches at once (main.tsx draws again when the language lands); the background follows
 * the saved setting (background/language.ts).
 */
export function LanguageSection({ settings, onStatus }: { settings: Settings; onStatus: (s: VaultStatus) => void }) {
  const task = useTask();
  const alive = useAlive();

  const change = async (value: string): Promise<void> => {
    if (!isChoice(value)) return;
    const result = await task.run(() => request('settings.update', { language: value }));
    if (!alive.current || !result.ok) return;
    // The catalogue first, then the new settings: the view draws once, in the new language.
    await choosePageLanguage(value);
    if (alive.current) onStatus(result.value);
  };

  return (
    <Card titleId="language-title" title={t('languageTitle')}>
      <div class="form">
        <Field id="set-language" label={t('languageLabel')} hint={t('languageHint')}>
          {(aria) => (
            <select
              id="set-language"
              class="input"
              value={settings.language}
              disabled={task.busy}
              aria-busy={task.busy ? 'true' : 'false'}
              {...controlAria(aria)}
              onChange={(e) => void change(e.currentTarget.value)}
            >
              <option value="auto">{t('languageAuto')}</option>
              {LANGUAGE_CHOICES.filter((choice) => choice !== 'auto').map((language) => (
                <option key={language} value={language} lang={language.replace('_', '-')}>
                  {LANGUAGE_NAMES[language]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <ErrorAlert message={task.error} />
      </div>
    </Card>
  );
}

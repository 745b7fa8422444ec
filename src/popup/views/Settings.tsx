import { useRef } from 'preact/hooks';
import { t } from '../../i18n';
import type { Settings as SettingsShape, VaultStatus } from '../../messages';
import { ViewHead } from '../components/ViewHead';
import { useEscape, useFocusOnMount, useReadyMarker } from '../hooks';
import { ChangePasswordSection } from './settings/ChangePassword';
import { ExportSection } from './settings/ExportBackup';
import { ExpiryNoticesSection } from './settings/ExpiryNotices';
import { ImportSection } from './settings/ImportBackup';
import { LanguageSection } from './settings/Language';
import { SecuritySection } from './settings/Security';
import { SitesSection } from './Sites';

interface SettingsProps {
  settings: SettingsShape;
  onStatus: (status: VaultStatus) => void;
  onImported: () => void;
  onBack: () => void;
}

export function Settings({ settings, onStatus, onImported, onBack }: SettingsProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(headingRef);
  useReadyMarker('settings');
  useEscape(onBack);

  return (
    <main class="view view-settings" aria-labelledby="settings-title">
      <ViewHead titleId="settings-title" title={t('settingsTitle')} onBack={onBack} headingRef={headingRef} />
      <SecuritySection settings={settings} onStatus={onStatus} />
      <ExpiryNoticesSection settings={settings} onStatus={onStatus} />
      <LanguageSection settings={settings} onStatus={onStatus} />
      <SitesSection />
      <ChangePasswordSection onStatus={onStatus} />
      <ExportSection />
      <ImportSection onImported={onImported} />
    </main>
  );
}

import { render } from 'preact';
import { t } from '../i18n';
import { onLanguageChange } from '../i18n/language';
import { startPageLanguage } from '../i18n/page-start';
import { Picker } from './Picker';

const root = document.getElementById('app');
// The same page is framed into a platform's page (picker.html) or is Keyward's own window (window.html).
const IN_WINDOW = location.pathname.endsWith('/window.html');

/** Drawn again when the chosen language lands: the whole tree re-renders with its state kept. */
function draw(into: HTMLElement): void {
  document.title = IN_WINDOW ? t('pickerWindowTitle') : t('pickerFrameTitle');
  // The session token travels in the fragment: never sent to any server, readable only by this page.
  render(<Picker token={location.hash.slice(1)} />, into);
}

if (root) {
  startPageLanguage(root);
  draw(root);
  onLanguageChange(() => draw(root));
}

import { render } from 'preact';
import browser from 'webextension-polyfill';
import { onLanguageChange } from '../i18n/language';
import { startPageLanguage } from '../i18n/page-start';
import { App, namePage, requestOpeningList } from './App';

namePage(document);

// Before the first render, not in its effect (which waits for a frame): with the service worker
// stopped, the worker starts and resumes the vault while the popup is still drawing its frame.
const root = document.getElementById('app');
if (root) {
  const openingList = requestOpeningList();
  // The language chosen in Settings, read in parallel: the popup renders at once, hidden until
  // its language is known (page-language.ts), and draws again when it lands. Rendering the same
  // App again keeps its state (the view, what is typed): only the words change.
  startPageLanguage(root);
  const draw = () => {
    namePage(document);
    render(<App openingList={openingList} />, root);
  };
  draw();
  onLanguageChange(draw);
}

// Opened as a full tab rather than the toolbar popup: let the layout use the page.
browser.tabs
  .getCurrent()
  .then((tab) => {
    if (tab) document.documentElement.classList.add('in-tab');
  })
  .catch(() => undefined);

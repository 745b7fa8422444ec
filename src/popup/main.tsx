import { render } from 'preact';
import browser from 'webextension-polyfill';
import { App, namePage, requestOpeningList } from './App';

namePage(document);

// Before the first render, not in its effect (which waits for a frame): with the service worker
// stopped, the worker starts and resumes the vault while the popup is still drawing its frame.
const root = document.getElementById('app');
if (root) render(<App openingList={requestOpeningList()} />, root);

// Opened as a full tab rather than the toolbar popup: let the layout use the page.
browser.tabs
  .getCurrent()
  .then((tab) => {
    if (tab) document.documentElement.classList.add('in-tab');
  })
  .catch(() => {
    // Not in a tab, or the API is unavailable: keep the popup layout.
  });

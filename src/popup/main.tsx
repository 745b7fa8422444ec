import { render } from 'preact';
import browser from 'webextension-polyfill';
import { App } from './App';

const root = document.getElementById('app');
if (root) render(<App />, root);

// Opened as a full tab rather than the toolbar popup: let the layout use the page.
browser.tabs
  .getCurrent()
  .then((tab) => {
    if (tab) document.documentElement.classList.add('in-tab');
  })
  .catch(() => {
    // Not in a tab, or the API is unavailable: keep the popup layout.
  });

import { distPath, launchChromium } from '../tests/e2e/harness';
const session = await launchChromium({ dist: distPath('chrome'), executablePath: '/usr/lib/chromium/chromium' });
const page = await session.openExtensionPage('src/popup/popup.html');
await page.evaluate(`document.body.insertAdjacentHTML('beforeend', '<button id="go">go</button>'); document.getElementById('go').onclick = () => { window.__r = chrome.permissions.request({ origins: ['https://api.binance.com/*'] }).then((g) => 'granted:' + g, (e) => 'error:' + e.message); }`);
await page.click('#go');
const result = await Promise.race([page.evaluate('window.__r'), new Promise((r) => setTimeout(() => r('pending after 5s'), 5000))]);
console.log(result, await page.evaluate(`chrome.permissions.contains({ origins: ['https://api.binance.com/*'] })`));
await session.close();

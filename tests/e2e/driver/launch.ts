import { type ChromiumDriverSession, launchChromiumDriver } from './chromium';
import { type FirefoxDriverSession, launchFirefoxDriver } from './firefox';
import type { Browser, LaunchOptions } from './types';

export type DriverSession = ChromiumDriverSession | FirefoxDriverSession;

export function launch(browser: Browser, options: LaunchOptions = {}): Promise<DriverSession> {
  return browser === 'chromium' ? launchChromiumDriver(options) : launchFirefoxDriver(options);
}

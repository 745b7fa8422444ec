/**
 * Kept for scripts/bench-pages.ts (which another engineer owns): the Chromium fill button and
 * framed picker, Playwright-level. Tests use ./driver, which drives both browsers.
 */
export { clickFillButtonIn as clickKeyward, pickerFrameIn as picker } from './driver/chromium';

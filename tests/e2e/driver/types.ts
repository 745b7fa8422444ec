import type { MessageType, Reply, RequestOf, ResponseOf } from '../../../src/messages';
import type { BrowserLocale } from '../harness';
import type { Target } from './find';

export const BROWSERS = ['chromium', 'firefox'] as const;
export type Browser = (typeof BROWSERS)[number];

/** What a browser cannot do, by scenario: a test skips itself in that browser with this reason. */
export type Unsupported = Partial<Record<Browser, string>>;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A document the test acts in the way a person does: a page, a frame or Keyward's picker. */
export interface Surface {
  /** A real click; `force` clicks even a disabled or covered element (what a lured user does). */
  click(target: Target, options?: { force?: boolean }): Promise<void>;
  /** Clears the field and types the value into it. */
  fill(target: Target, value: string): Promise<void>;
  /** Focuses the field and types the text key by key (real keystrokes, unlike fill). */
  type(target: Target, text: string): Promise<void>;
  /** Presses a key in the document's window (Enter, Tab…), or a chord ("Control+V"). */
  press(key: string): Promise<void>;
  /** Chooses the option with this text in a <select>. */
  select(target: Target, option: string): Promise<void>;
  /** Waits for the target (10 s unless told). */
  waitFor(target: Target, timeout?: number): Promise<void>;
  /** Waits until nothing matches the target. */
  waitForGone(target: Target, timeout?: number): Promise<void>;
  count(target: Target): Promise<number>;
  /** The target's rendered text (the whole body without one); '' once the document is gone. */
  text(target?: Target): Promise<string>;
  value(target: Target): Promise<string>;
  checked(target: Target): Promise<boolean>;
  /** Where the target is, in the top page's viewport (for a click at a place a decoy may cover). */
  box(target: Target): Promise<Box>;
  /** Runs fn in the document with one serialisable argument. */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Waits until fn, run in the document, returns something truthy. */
  waitUntil<A>(fn: (arg: A) => unknown, arg: A, timeout?: number): Promise<void>;
  /** True once the document is gone (a frame removed, a window closed). */
  gone(): boolean;
}

/** Keyward's inline note as a person (or a screen reader) meets it: role and text. */
export interface SeenNote {
  role: string;
  text: string;
}

export interface Tab extends Surface {
  goto(url: string): Promise<void>;
  /** Makes this the tab in front, as a person switching back to it does (background tabs run timers slowly). */
  bringToFront(): Promise<void>;
  reload(): Promise<void>;
  close(): Promise<void>;
  url(): Promise<string>;
  setViewport(width: number, height: number): Promise<void>;
  /** A real click at a point of the viewport. */
  clickAt(x: number, y: number): Promise<void>;
  /** Keyward's notes in the top document (closed shadow roots: read through the browser, not the page). */
  notes(): Promise<SeenNote[]>;
  /** A real click on a button inside Keyward's notes. */
  clickNoteButton(name: string): Promise<void>;
  /** A frame of this page whose address starts with this. */
  frame(urlPrefix: string): Promise<Surface>;
  /** Whether Keyward's framed picker is among this page's frames. */
  hasPickerFrame(): Promise<boolean>;
}

export interface ExtensionTab extends Tab {
  send<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<Reply<T>>;
  /** send(), for steps that must succeed: the data, or an error naming the refusal. */
  call<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>>;
}

/** Keyward's picker: framed in the page (Chromium, vault unlocked) or a window of its own. */
export interface Picker extends Surface {
  kind: 'frame' | 'window';
}

export interface FillButtonChoice {
  nth?: number;
  /** The frame of the tab that holds the form (the tab's own document by default). */
  inside?: Surface;
}

export interface LaunchOptions {
  /** Hostnames served by the fixture server. */
  hosts?: string[];
  server?: { port: number; httpPort: number };
  /** Unpacked extension directory; the shipped build of this browser by default. */
  dist?: string;
  /** The browser's UI language (needs the language packs scripts/ensure-browsers.sh installs); English by default. */
  locale?: BrowserLocale;
}

export interface Session {
  browser: Browser;
  extensionUrl(path: string): string;
  openExtensionPage(path: string): Promise<ExtensionTab>;
  /** A new tab at this address; `globals` are set on window before any page script runs. */
  openPage(url: string, globals?: Record<string, string>): Promise<Tab>;
  /** A real click on Keyward's fill button (the nth, in `inside`, a frame of the tab, if given) and the picker it opened. */
  openPicker(tab: Tab, options?: FillButtonChoice): Promise<Picker>;
  /** A real click on Keyward's fill button, nothing more. */
  clickFillButton(tab: Tab, options?: FillButtonChoice): Promise<void>;
  /** How many picker windows are open. */
  pickerWindows(): Promise<number>;
  close(): Promise<void>;
}

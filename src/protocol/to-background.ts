/**
 * Requests into the background, by sender: what each context may ask, from where, with what
 * payload (a schema, so the type and the broker's validator are one), and what it gets back. The
 * broker (background/broker.ts) checks envelope, type, sender context, frame placement and payload
 * in that order before the one handler for the type runs. See README.md beside this file.
 */
import type { KeySummary } from '../core/records';
import { type Infer, type Schema, empty } from '../core/schema';
import type { UserSite } from '../core/sites';
import type { FramePlacement, SenderContext } from './contexts';
import {
  BACKUP_EXPORT,
  BACKUP_IMPORT,
  BINDING_REMOVAL,
  CAPTURE,
  FILL_CHOICE,
  FILL_OPEN,
  KEYS_SEEN,
  KEY_FIELD,
  KEY_ID,
  KEY_RETIREMENT,
  KEY_UPDATE,
  LEAK_CANDIDATE,
  LEAK_TOKEN,
  NOTE_LANGUAGE,
  NEW_KEY,
  PASSWORD,
  PASSWORD_CHANGE,
  PICKER_TOKEN,
  SITE,
  SITE_ORIGIN,
  TAB,
  WATCHER_LOAD,
} from './payloads';
import { SETTINGS_PATCH } from './settings';
import type { FillOutcome, KeyCheckView, LeakReport, LeakVerdict, PickerSession, PickerSurface, SiteProbe, VaultStatus } from './views';

/** The type of a reply, carried by the definition for the compiler only. */
interface Answer<T> {
  readonly answer?: T;
}

function answer<T>(): Answer<T> {
  return {};
}

type Nothing = Record<string, never>;

interface Definition {
  /** The contexts that may send it; the broker refuses every other. */
  readonly from: readonly SenderContext[];
  /** For a content script: the frames it may speak from (the top frame only when absent). */
  readonly frames?: readonly FramePlacement[];
  readonly payload: Schema<unknown>;
  readonly answer: Answer<unknown>;
}

export const REQUESTS = {
  // The popup: the vault's own UI, and the only place its secrets are shown.
  'vault.status': { from: ['popup'], payload: empty(), answer: answer<VaultStatus>() },
  'vault.create': { from: ['popup'], payload: PASSWORD, answer: answer<VaultStatus>() },
  'vault.lock': { from: ['popup'], payload: empty(), answer: answer<VaultStatus>() },
  'vault.changePassword': { from: ['popup'], payload: PASSWORD_CHANGE, answer: answer<VaultStatus>() },
  'settings.update': { from: ['popup'], payload: SETTINGS_PATCH, answer: answer<VaultStatus>() },
  'keys.list': { from: ['popup'], payload: empty(), answer: answer<{ keys: KeySummary[] }>() },
  'keys.add': { from: ['popup'], payload: NEW_KEY, answer: answer<{ key: KeySummary }>() },
  'keys.update': { from: ['popup'], payload: KEY_UPDATE, answer: answer<{ key: KeySummary }>() },
  'keys.removeBinding': { from: ['popup'], payload: BINDING_REMOVAL, answer: answer<{ key: KeySummary }>() },
  'keys.reveal': { from: ['popup'], payload: KEY_FIELD, answer: answer<{ value: string }>() },
  'keys.copy': { from: ['popup'], payload: KEY_FIELD, answer: answer<{ clearsAfterSeconds: number }>() },
  'keys.delete': { from: ['popup'], payload: KEY_ID, answer: answer<Nothing>() },
  // Key health: only on the user's request, one key per message (the popup's Check all sends many;
  // the background bounds how many run at once).
  'keys.check': { from: ['popup'], payload: KEY_ID, answer: answer<KeyCheckView>() },
  'keys.applyCheck': { from: ['popup'], payload: KEY_ID, answer: answer<{ key: KeySummary }>() },
  // Rotation: the old key is marked retired in favour of its successor (kept until the user
  // confirms it is deleted on the exchange), or brought back.
  'keys.retire': { from: ['popup'], payload: KEY_RETIREMENT, answer: answer<{ key: KeySummary }>() },
  'keys.unretire': { from: ['popup'], payload: KEY_ID, answer: answer<{ key: KeySummary }>() },
  'backup.export': { from: ['popup'], payload: BACKUP_EXPORT, answer: answer<{ fileName: string; content: string }>() },
  'backup.import': { from: ['popup'], payload: BACKUP_IMPORT, answer: answer<{ added: number; duplicates: number }>() },
  'sites.list': { from: ['popup'], payload: empty(), answer: answer<{ sites: UserSite[] }>() },
  'sites.expect': { from: ['popup'], payload: SITE, answer: answer<Nothing>() },
  'sites.add': { from: ['popup'], payload: SITE, answer: answer<{ sites: UserSite[] }>() },
  'sites.remove': { from: ['popup'], payload: SITE_ORIGIN, answer: answer<{ sites: UserSite[] }>() },
  'sites.probe': { from: ['popup'], payload: TAB, answer: answer<SiteProbe>() },

  // The master password is typed only in extension-owned windows: the popup, or the picker's own
  // window (never the picker framed into a page, whose keystrokes a page could steal by focus).
  'vault.unlock': { from: ['popup', 'picker-window'], payload: PASSWORD, answer: answer<VaultStatus>() },

  // The key picker, framed or in its window: only its own session, by the token it was opened with.
  'picker.session': { from: ['picker-frame', 'picker-window'], payload: PICKER_TOKEN, answer: answer<PickerSession>() },
  'fill.choose': { from: ['picker-frame', 'picker-window'], payload: FILL_CHOICE, answer: answer<FillOutcome>() },
  /** The framed picker hands its session to Keyward's window (locked vault, visibility unproven). */
  'picker.toWindow': { from: ['picker-frame'], payload: PICKER_TOKEN, answer: answer<Nothing>() },

  // Exchange pages: keys are captured and seen only in the page itself, never in a frame inside it.
  'capture.submit': { from: ['exchange-content'], frames: ['top'], payload: CAPTURE, answer: answer<{ id: string; duplicate: boolean }>() },
  'page.keysSeen': { from: ['exchange-content'], frames: ['top'], payload: KEYS_SEEN, answer: answer<{ updated: number; known: number }>() },
  'page.loadWatcher': { from: ['exchange-content'], frames: ['top'], payload: WATCHER_LOAD, answer: answer<Nothing>() },
  // Notes in the page's language when the browser reads another catalogue, or (language null: the
  // page names none) in the language chosen in Settings, null for the browser's: i18n.getMessage
  // reads only the browser's, and content scripts carry no catalogue (background/note-words.ts).
  'notes.words': { from: ['exchange-content'], frames: ['top'], payload: NOTE_LANGUAGE, answer: answer<{ messages: Record<string, string> | null }>() },

  // Platform pages: a bind form may sit in a frame of the page's own origin (the fill then goes to
  // exactly that frame).
  'fill.open': {
    from: ['platform-content'],
    frames: ['top', 'same-origin'],
    payload: FILL_OPEN,
    answer: answer<{ token: string; surface: PickerSurface }>(),
  },

  // The leak guard (issue 11): a paste into a page that may be a stored secret, from any page's
  // top frame; the answer is match or not with a one-time token, and which key only on the user's
  // click in the note (background/leak-guard.ts).
  'leak.check': { from: ['page-content', 'platform-content'], frames: ['top'], payload: LEAK_CANDIDATE, answer: answer<LeakVerdict>() },
  'leak.describe': { from: ['page-content', 'platform-content'], frames: ['top'], payload: LEAK_TOKEN, answer: answer<LeakReport>() },
} as const satisfies Record<string, Definition>;

type Definitions = typeof REQUESTS;
type AnswerOf<A> = A extends Answer<infer T> ? T : never;

export type MessageType = keyof Definitions;
export type Requests = { [T in MessageType]: { req: Infer<Definitions[T]['payload']>; res: AnswerOf<Definitions[T]['answer']> } };
export type RequestOf<T extends MessageType> = Requests[T]['req'];
export type ResponseOf<T extends MessageType> = Requests[T]['res'];

const TYPES = Object.keys(REQUESTS) as MessageType[];

/** The contexts allowed to send each type. */
export const MESSAGE_SENDERS = Object.fromEntries(TYPES.map((type) => [type, REQUESTS[type].from])) as {
  [T in MessageType]: Definitions[T]['from'];
};

/** The frames a content script may speak from, for the types content scripts send. */
export const CONTENT_FRAMES: Partial<Record<MessageType, readonly FramePlacement[]>> = Object.fromEntries(
  TYPES.flatMap((type) => {
    const definition: Definition = REQUESTS[type];
    return definition.frames ? [[type, definition.frames]] : [];
  }),
);

export function isMessageType(value: unknown): value is MessageType {
  return typeof value === 'string' && Object.hasOwn(REQUESTS, value);
}

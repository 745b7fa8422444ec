import {
  CONTENT_FRAMES,
  type ErrorInfo,
  type FramePlacement,
  MESSAGE_SENDERS,
  type MessageType,
  type Reply,
  type RequestOf,
  type ResponseOf,
  type SenderContext,
  isMessageType,
} from '../messages';
import type { Parsed } from '../core/schema';
import { VaultError } from '../vault/errors';
import { t } from '../i18n';
import { type Words, words } from '../i18n/keys';

/** Who is asking, as the broker established it. `url` is the sending frame's URL. */
export interface Caller {
  context: SenderContext;
  url: string;
  /** The sending tab and frame, for content scripts (to inject into exactly that frame). */
  tabId?: number;
  frameId?: number;
  /** For content scripts: the frame's place in its tab. */
  placement?: FramePlacement;
}

const CONTENT_CONTEXTS: ReadonlySet<SenderContext> = new Set(['exchange-content', 'platform-content', 'page-content']);

/** A content script speaks from the top frame only, unless CONTENT_FRAMES says otherwise. */
function frameAllowed(type: MessageType, placement: FramePlacement | undefined): boolean {
  const allowed = CONTENT_FRAMES[type] ?? ['top'];
  return placement !== undefined && allowed.includes(placement);
}

export type Handler<T extends MessageType> = (payload: RequestOf<T>, caller: Caller) => Promise<ResponseOf<T>>;
export type Handlers = { [T in MessageType]: Handler<T> };

/**
 * A payload check per type (the sender may be a compromised content script): yes or no, and the
 * payload as its handler gets it, a copy holding only the fields its type names, so nothing the
 * check ignored (a stray field on permissions, say) is stored or passed on.
 */
export interface Validator<T> {
  (payload: unknown): payload is T;
  readonly parse: (payload: unknown) => Parsed<T>;
}
export type Validators = { [T in MessageType]: Validator<RequestOf<T>> };

export interface BrokerLog {
  refused(reason: string, type: string, context: SenderContext | null): void;
  failed(type: string, error: unknown): void;
}

/** Logs what was refused and why, never the payload: it may hold a password or a secret. */
export const consoleLog: BrokerLog = {
  refused(reason, type, context) {
    console.warn(`Keyward refused a message: ${reason} (type ${type.slice(0, 40)}, sender ${context ?? 'unknown'})`);
  },
  failed(type, error) {
    const code = error instanceof VaultError ? error.code : error instanceof Error ? error.name : 'unknown';
    console.warn(`Keyward: ${type} failed (${code})`);
  },
};

function refusal<T extends MessageType>(code: string, message: string, said?: Words): Reply<T> {
  return { ok: false, error: said === undefined ? { code, message } : { code, message, words: said } };
}

export function errorInfo(error: unknown): ErrorInfo {
  if (error instanceof VaultError) return { code: error.code, message: error.message };
  if (error instanceof RefusedError) {
    return error.words === undefined ? { code: error.code, message: error.message } : { code: error.code, message: error.message, words: error.words };
  }
  return { code: 'internal', message: t('errorInternal'), words: words('noteErrorInternal') };
}

/** A handler's way to refuse with a code the popup understands. */
export class RefusedError extends Error {
  override readonly name = 'RefusedError';
  constructor(
    readonly code: string,
    message: string,
    /** What a page's note says instead of the message, in the page's language (see ErrorInfo). */
    readonly words?: Words,
  ) {
    super(message);
  }
}

/**
 * The broker: envelope, type, sender and payload are checked in that order, and only then does
 * the one handler for that type run. Every reply is an envelope, never a thrown error, so the
 * caller always learns why.
 */
export function createBroker(handlers: Handlers, validators: Validators, log: BrokerLog = consoleLog) {
  return async function dispatch(
    message: unknown,
    context: SenderContext | null,
    url = '',
    frame: { tabId?: number; frameId?: number; placement?: FramePlacement } = {},
  ): Promise<Reply<MessageType>> {
    if (typeof message !== 'object' || message === null || (message as { keyward?: unknown }).keyward !== 1) {
      log.refused('not a Keyward envelope', 'none', context);
      return refusal('bad-message', t('errorNotKeyward'));
    }
    const { type, payload } = message as { type?: unknown; payload?: unknown };
    if (!isMessageType(type)) {
      log.refused('unknown type', typeof type === 'string' ? type : typeof type, context);
      return refusal('bad-message', t('errorUnknownType'));
    }
    const allowed: readonly SenderContext[] = MESSAGE_SENDERS[type];
    if (context === null || !allowed.includes(context)) {
      log.refused('sender not allowed', type, context);
      return refusal('forbidden', t('errorSenderForbidden'));
    }
    if (CONTENT_CONTEXTS.has(context) && !frameAllowed(type, frame.placement)) {
      log.refused('frame not allowed', type, context);
      return refusal('forbidden', t('errorFrameForbidden'));
    }
    return run(type, payload, { context, url, ...frame });
  };

  async function run<T extends MessageType>(type: T, payload: unknown, caller: Caller): Promise<Reply<T>> {
    const { context } = caller;
    const validator: Validator<RequestOf<T>> = validators[type];
    const checked = validator.parse(payload);
    if (!checked.ok) {
      log.refused('malformed payload', type, context);
      // A capture whose fields fail the schema (a label too long) is refused here, and the page
      // says why after "NOT saved:".
      return refusal('bad-message', t('errorMalformed'), words('noteErrorMalformed'));
    }
    try {
      const handler = handlers[type] as Handler<T>;
      return { ok: true, data: await handler(checked.value, caller) };
    } catch (error) {
      log.failed(type, error);
      return { ok: false, error: errorInfo(error) };
    }
  }
}

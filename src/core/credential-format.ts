/**
 * Checks pasted or captured credentials against an exchange's known shapes. Pure: no DOM, no
 * browser API. Every finding is a warning the user can override, never a refusal: the shapes
 * come partly from documentation and partly from observation, and an exchange may change them.
 * Warnings are Words, and so are the exchanges' shape hints: content scripts bundle this module
 * (pemPrivateKeyPattern) and the exchange definitions, and the popup says them in the user's
 * language (sayWarning).
 */
import { type Words, words } from '../i18n/keys';

/** How an exchange's credentials look, for checking a manual add or a capture. */
export interface CredentialFormat {
  /** What the exchange calls each credential on its own pages. */
  apiKeyLabel: string;
  secretLabel: string;
  /** OKX, KuCoin, Bitget: a passphrase the user chose when creating the key. */
  passphrase: boolean;
  /** Accepted shapes of the API key; a mismatch is a warning the user can override. */
  apiKeyPatterns: RegExp[];
  secretPatterns: RegExp[];
  /** A person-readable description of the expected shape, shown with a mismatch (a `credHint…` message). */
  apiKeyHint: Words;
  secretHint: Words;
}

export type FormatField = 'apiKey' | 'secret' | 'passphrase';

/**
 * A shape warning, whose $HINT$ is itself Words (the expected shape): the hint is said first, in
 * the same language, then put into the whole message.
 */
export interface HintedWords {
  hint: Words;
  withHint(hint: string): Words;
}

export interface FormatWarning {
  field: FormatField;
  message: Words | HintedWords;
  /** A second sentence for a malformed value that has the other field's shape: were they swapped? */
  swapped?: Words;
}

/** A warning's sentences, in the order they are shown, each said by `say` (tWords in the popup). */
export function sayWarning(warning: FormatWarning, say: (said: Words) => string): string[] {
  const { message } = warning;
  const first = 'hint' in message ? say(message.withHint(say(message.hint))) : say(message);
  return warning.swapped === undefined ? [first] : [first, say(warning.swapped)];
}

export interface CredentialValues {
  apiKey: string;
  secret: string;
  passphrase: string;
}

/**
 * The value as it should be stored and checked: line endings normalised to \n, then trimmed at
 * both ends only. Inner newlines stay, so a PEM private key keeps its line structure.
 */
export function normaliseCredential(value: string): string {
  return value.replace(/\r\n?/g, '\n').trim();
}

/** A PEM block (private keys for RSA, Ed25519 and EC signing keys). Expects a normalised value. */
export function isPem(value: string): boolean {
  return value.startsWith('-----BEGIN ');
}

/** The PEM private-key block types an exchange may accept. */
export type PemKind = 'PKCS8' | 'ENCRYPTED' | 'RSA' | 'EC';

const PEM_LABELS: Record<PemKind, string> = {
  PKCS8: 'PRIVATE KEY',
  ENCRYPTED: 'ENCRYPTED PRIVATE KEY',
  RSA: 'RSA PRIVATE KEY',
  EC: 'EC PRIVATE KEY',
};

/**
 * An anchored pattern for a PEM private key of the given kinds. The body allows base64, line
 * breaks, and the RFC 1421 headers of a legacy encrypted key (Proc-Type, DEK-Info); it also
 * allows spaces, because some forms flatten a pasted PEM onto one line. Exchange modules use this
 * for secrets that may be a private key (Binance and Bybit RSA keys, Coinbase EC keys).
 */
export function pemPrivateKeyPattern(kinds: readonly PemKind[]): RegExp {
  const labels = kinds.map((kind) => PEM_LABELS[kind]).join('|');
  return new RegExp(
    `^-----BEGIN (${labels})-----(?:(?!-----)[A-Za-z0-9+/=:,\\- \\t\\n])+-----END \\1-----$`,
  );
}

function matchesAny(patterns: readonly RegExp[], value: string): boolean {
  return patterns.some((pattern) => {
    // A global or sticky pattern keeps state between test() calls; start from a fresh copy.
    const fresh =
      pattern.global || pattern.sticky ? new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')) : pattern;
    return fresh.test(value);
  });
}

/**
 * The English article the name takes ("an HTX", "an OKX", "an MEXC", "a Binance", "a KuCoin", "a
 * bitexbit"): English has one message per article; other languages say both the same.
 */
function article(name: string): 'A' | 'An' {
  const isInitialism = /^[A-Z0-9.]+$/.test(name);
  const vowelSound = isInitialism ? /^[AEFHILMNORSX8]/.test(name) : /^[aeiou]/i.test(name);
  return vowelSound ? 'An' : 'A';
}

/** The warning that a value does not have the field's shape, naming the exchange when known. */
function shapeWords(field: 'apiKey' | 'secret', label: string, hint: string, exchangeName: string | undefined): Words {
  if (exchangeName === undefined) {
    return field === 'apiKey' ? words('credApiKeyShape', { hint, label }) : words('credSecretShape', { hint, label });
  }
  const subs = { exchange: exchangeName, hint, label };
  if (field === 'apiKey') return article(exchangeName) === 'An' ? words('credApiKeyShapeAn', subs) : words('credApiKeyShapeA', subs);
  return article(exchangeName) === 'An' ? words('credSecretShapeAn', subs) : words('credSecretShapeA', subs);
}

interface FieldSpec {
  field: 'apiKey' | 'secret';
  label: string;
  patterns: readonly RegExp[];
  hint: Words;
  otherLabel: string;
  otherPatterns: readonly RegExp[];
}

function checkField(spec: FieldSpec, value: string, exchangeName: string | undefined): FormatWarning[] {
  if (value === '') {
    return [{ field: spec.field, message: words('credEmpty', { label: spec.label }) }];
  }
  const warnings: FormatWarning[] = [];
  let candidate = value;
  if (!isPem(value) && /\s/.test(value)) {
    warnings.push({ field: spec.field, message: words('credWhitespace', { label: spec.label }) });
    // If the only problem is the whitespace, say so once rather than also calling it malformed.
    candidate = value.replace(/\s+/g, '');
  }
  if (!matchesAny(spec.patterns, candidate)) {
    const message: HintedWords = { hint: spec.hint, withHint: (hint) => shapeWords(spec.field, spec.label, hint, exchangeName) };
    warnings.push(
      matchesAny(spec.otherPatterns, candidate)
        ? { field: spec.field, message, swapped: words('credSwapped', { label: spec.otherLabel }) }
        : { field: spec.field, message },
    );
  }
  return warnings;
}

/**
 * Warnings for credentials about to be stored or filled. `exchangeName` only improves the
 * wording ("does not look like an HTX secret"). Values are normalised first, so surrounding
 * whitespace and CRLF line endings never cause a warning.
 */
export function checkCredentialFormat(
  format: CredentialFormat,
  creds: CredentialValues,
  exchangeName?: string,
): FormatWarning[] {
  const apiKey = normaliseCredential(creds.apiKey);
  const secret = normaliseCredential(creds.secret);
  const passphrase = normaliseCredential(creds.passphrase);

  const warnings: FormatWarning[] = [
    ...checkField(
      {
        field: 'apiKey',
        label: format.apiKeyLabel,
        patterns: format.apiKeyPatterns,
        hint: format.apiKeyHint,
        otherLabel: format.secretLabel,
        otherPatterns: format.secretPatterns,
      },
      apiKey,
      exchangeName,
    ),
    ...checkField(
      {
        field: 'secret',
        label: format.secretLabel,
        patterns: format.secretPatterns,
        hint: format.secretHint,
        otherLabel: format.apiKeyLabel,
        otherPatterns: format.apiKeyPatterns,
      },
      secret,
      exchangeName,
    ),
  ];

  if (format.passphrase && passphrase === '') {
    warnings.push({
      field: 'passphrase',
      message:
        exchangeName === undefined ? words('credPassphraseMissingAny') : words('credPassphraseMissing', { exchange: exchangeName }),
    });
  }
  if (!format.passphrase && passphrase !== '') {
    warnings.push({
      field: 'passphrase',
      message:
        exchangeName === undefined ? words('credPassphraseUnusedAny') : words('credPassphraseUnused', { exchange: exchangeName }),
    });
  }
  if (apiKey !== '' && apiKey === secret) {
    warnings.push({
      field: 'secret',
      message: words('credSame', { keylabel: format.apiKeyLabel, secretlabel: format.secretLabel }),
    });
  }
  return warnings;
}

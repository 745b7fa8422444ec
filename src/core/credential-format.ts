/**
 * Checks pasted or captured credentials against an exchange's known shapes. Pure: no DOM, no
 * browser API. Every finding is a warning the user can override, never a refusal: the shapes
 * come partly from documentation and partly from observation, and an exchange may change them.
 */

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
  /** A person-readable description of the expected shape, shown with a mismatch. */
  apiKeyHint: string;
  secretHint: string;
}

export type FormatField = 'apiKey' | 'secret' | 'passphrase';

export interface FormatWarning {
  field: FormatField;
  message: string;
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

/** "an HTX", "an OKX", "an MEXC", "a Binance", "a KuCoin", "a bitexbit". */
function withArticle(name: string): string {
  const isInitialism = /^[A-Z0-9.]+$/.test(name);
  const vowelSound = isInitialism ? /^[AEFHILMNORSX8]/.test(name) : /^[aeiou]/i.test(name);
  return `${vowelSound ? 'an' : 'a'} ${name}`;
}

interface FieldSpec {
  field: 'apiKey' | 'secret';
  label: string;
  noun: string;
  patterns: readonly RegExp[];
  hint: string;
  otherLabel: string;
  otherPatterns: readonly RegExp[];
}

function checkField(spec: FieldSpec, value: string, exchangeName: string | undefined): FormatWarning[] {
  if (value === '') {
    return [{ field: spec.field, message: `${spec.label} is empty.` }];
  }
  const warnings: FormatWarning[] = [];
  let candidate = value;
  if (!isPem(value) && /\s/.test(value)) {
    warnings.push({ field: spec.field, message: `${spec.label} contains spaces or line breaks.` });
    // If the only problem is the whitespace, say so once rather than also calling it malformed.
    candidate = value.replace(/\s+/g, '');
  }
  if (!matchesAny(spec.patterns, candidate)) {
    const what = exchangeName === undefined ? `a valid ${spec.noun}` : `${withArticle(exchangeName)} ${spec.noun}`;
    let message = `${spec.label} does not look like ${what} (expected ${spec.hint}).`;
    if (matchesAny(spec.otherPatterns, candidate)) {
      message += ` It has the shape of the ${spec.otherLabel}: were the two swapped?`;
    }
    warnings.push({ field: spec.field, message });
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
  const keys = exchangeName === undefined ? 'keys of this exchange' : `${exchangeName} keys`;

  const warnings: FormatWarning[] = [
    ...checkField(
      {
        field: 'apiKey',
        label: format.apiKeyLabel,
        noun: 'API key',
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
        noun: 'secret',
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
      message: `Passphrase is missing: ${keys} need the passphrase chosen when the key was created.`,
    });
  }
  if (!format.passphrase && passphrase !== '') {
    warnings.push({
      field: 'passphrase',
      message: `A passphrase was given, but ${keys} do not use one: it will not be used.`,
    });
  }
  if (apiKey !== '' && apiKey === secret) {
    warnings.push({
      field: 'secret',
      message: `${format.apiKeyLabel} and ${format.secretLabel} are the same: one of them was pasted twice.`,
    });
  }
  return warnings;
}

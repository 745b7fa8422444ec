import { type Credentials, type KeyDetails, credentialsSchema, ipWhitelistSchema, keyDetailsSchema, permissionsSchema } from '../core/records';
import { type Infer, type Path, nullable, object } from '../core/schema';
import { type Bytes, fromUtf8, utf8 } from './bytes';
import { VaultError } from './errors';
import { t } from '../i18n';

/**
 * Decrypted JSON is checked against the records' own schemas (core/records.ts): a record that
 * decrypts but has the wrong shape is corruption (or a hostile backup), and must not reach the
 * popup as if it were data. What is returned is a fresh copy holding only the known fields.
 */

export function encodeJson(value: unknown): Bytes {
  return utf8(JSON.stringify(value));
}

export function decodeJson(bytes: Bytes): unknown {
  try {
    return JSON.parse(fromUtf8(bytes));
  } catch {
    throw new VaultError('corrupt', t('vaultNotJson'));
  }
}

const CREDENTIALS = credentialsSchema();
const DETAILS = keyDetailsSchema();

export function parseCredentials(value: unknown): Credentials {
  const parsed = CREDENTIALS.parse(value);
  if (parsed.ok) return parsed.value;
  throw new VaultError('corrupt', t('vaultCredentialShape'));
}

/** Names the part of the details that is wrong, as far as the user can act on it. */
function detailsProblem([field, index]: Path): string {
  if (field === 'permissions') return t('vaultPermissionsShape');
  if (field === 'source') return t('vaultSourceShape');
  if (field === 'bindings') return index === undefined ? t('vaultBindingsShape') : t('vaultBindingShape');
  return t('vaultDetailsShape');
}

export function parseDetails(value: unknown): KeyDetails {
  const parsed = DETAILS.parse(value);
  if (parsed.ok) return parsed.value;
  throw new VaultError('corrupt', detailsProblem(parsed.refusal.path));
}

/** Permissions and IPs as an exchange page showed them; null where the page did not say. */
const OBSERVATION = object({ permissions: nullable(permissionsSchema()), ipWhitelist: ipWhitelistSchema() }, { unknownKeys: 'ignore' });

export type Observation = Infer<typeof OBSERVATION>;

export function parseObservation(value: unknown): Observation {
  const parsed = OBSERVATION.parse(value);
  if (parsed.ok) return parsed.value;
  throw new VaultError('corrupt', t('vaultObservationShape'));
}

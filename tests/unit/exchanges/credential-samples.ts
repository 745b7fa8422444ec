import { generateKeyPairSync, randomBytes } from 'node:crypto';

/** Building blocks for the credential examples in each exchange's readers test. */

export const UUID_A = '5c2f1a7e-93b4-4d0a-8e6f-1b2c3d4e5f60';
export const UUID_B = '0a9b8c7d-6e5f-4a3b-9c1d-2e3f4a5b6c7d';

// Private keys are generated per run, so no key material sits in the repository.
function pem(value: string | Buffer): string {
  return typeof value === 'string' ? value : value.toString('utf8');
}

export const rsaPkcs8 = pem(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
export const rsaPkcs1 = pem(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }));
export const ed25519Pkcs8 = pem(generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }));
export const ed25519Encrypted = pem(
  generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'test passphrase' }),
);
export const ecSec1 = pem(generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'sec1', format: 'pem' }));
export const ed25519Base64 = randomBytes(64).toString('base64');

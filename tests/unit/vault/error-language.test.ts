// The vault's errors in the user's language: they reach the popup as the refusal's words, so an
// English string left in the vault fails here. Codes stay as they are.
import { afterEach, describe, expect, it } from 'vitest';
import { exportBackup, importBackup } from '../../../src/vault/backup';
import { KDF_MINIMUM, type KdfParams } from '../../../src/vault/kdf';
import { Vault } from '../../../src/vault/vault';
import { speak } from '../i18n/speak';
import { freshVault, sampleInput } from './helpers';
import { sealedBoxes } from './profile-writer';

async function refusalOf(promise: Promise<unknown>): Promise<{ code?: unknown; message?: unknown }> {
  return promise.then(
    () => ({ code: 'resolved' }),
    (error: unknown) => error as { code?: unknown; message?: unknown },
  );
}

/** A backup of one key under 'backup pw', and an open vault to import it into. */
async function backupAndTarget() {
  const source = await (await freshVault()).vault.create('master');
  await source.add(sampleInput());
  const file = await exportBackup(source, 'backup pw', KDF_MINIMUM);
  const target = await (await freshVault()).vault.create('target');
  return { file, target };
}

afterEach(() => speak(null));

describe('vault errors in Russian', () => {
  it('a wrong master password, a wrong backup password, a locked vault', async () => {
    speak('ru');
    const { vault } = await freshVault();
    const open = await vault.create('pw');
    const key = await open.add(sampleInput());
    open.close();
    expect(await refusalOf(vault.unlock('not-pw'))).toMatchObject({ code: 'wrong-password', message: 'Неверный пароль.' });
    expect(await refusalOf(open.credentials(key.id))).toMatchObject({ code: 'locked', message: 'Хранилище заблокировано. Сначала разблокируйте его.' });

    const { file, target } = await backupAndTarget();
    expect(await refusalOf(importBackup(target, file, 'wrong pw'))).toMatchObject({
      code: 'backup-password',
      message: 'Неверный пароль для этой резервной копии. Ничего не импортировано.',
    });
    expect(await refusalOf(importBackup(target, '{"format":"something else"}', 'backup pw'))).toMatchObject({
      code: 'backup-format',
      message: 'Это не файл резервной копии Keyward. Ничего не импортировано.',
    });
  });

  it('why a key is damaged, inside the refusal to use it', async () => {
    speak('ru');
    const { db, vault } = await freshVault();
    const open = await vault.create('pw');
    const key = await open.add(sampleInput());
    open.close();
    const record = await db.get('keys', key.id);
    if (!record) throw new Error('missing');
    await db.put('keys', { ...record, details: (await sealedBoxes(db, record)).details });
    const again = await new Vault(db, { kdfTarget: KDF_MINIMUM }).unlock('pw');
    const reason = (await again.listAll()).find((each) => each.id === key.id)?.damaged;
    expect(reason).toMatch(/^Часть его заменена контейнером, запечатанным открытым ключом хранилища/);
    expect(await refusalOf(again.credentials(key.id))).toMatchObject({
      code: 'tampered',
      message: expect.stringMatching(/^Сохранённая запись этого ключа не прошла проверку целостности Keyward .+ Часть его заменена/),
    });
  });
});

describe('vault errors in Chinese', () => {
  it('a backup asking for too costly a key derivation names the limits as numbers', async () => {
    speak('zh_CN');
    const { file, target } = await backupAndTarget();
    const parsed = JSON.parse(file) as { kdf: KdfParams };
    const hostile = JSON.stringify({ ...parsed, kdf: { ...parsed.kdf, iterations: 11 } });
    expect(await refusalOf(importBackup(target, hostile, 'backup pw'))).toMatchObject({
      code: 'kdf-too-costly',
      message: '此备份的密钥派生参数要求超出了 Keyward 允许的范围（最多 256 MiB 内存、10 次迭代、4 个并行通道）。未导入任何内容。',
    });
  });

  it('a wrong master password and an API key already in the vault', async () => {
    speak('zh_CN');
    const { vault } = await freshVault();
    const open = await vault.create('pw');
    await open.add(sampleInput());
    expect(await refusalOf(open.add(sampleInput()))).toMatchObject({ code: 'invalid-input', message: '此 API Key 已在保险库中。' });
    open.close();
    expect(await refusalOf(vault.unlock('not-pw'))).toMatchObject({ code: 'wrong-password', message: '密码错误。' });
  });
});

import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { KeySummary } from '../core/records';
import { catalogueLanguage, t } from '../i18n';
import { DEFAULT_SETTINGS, type VaultStatus } from '../messages';
import { send } from '../shared/send';
import { errorMessage, onVaultLocked, request } from './api';
import { ErrorAlert } from './components/Alert';
import { BusyButton } from './components/BusyButton';
import { GearIcon, LockIcon, PlusIcon } from './components/Icons';
import { useTask } from './hooks';
import { useKeyChecks } from './key-checks';
import { AddKey } from './views/AddKey';
import { CreateVault } from './views/CreateVault';
import { KeyDetail } from './views/KeyDetail';
import { KeyList } from './views/KeyList';
import { Settings } from './views/Settings';
import { SiteOffer } from './views/Sites';
import { Unlock } from './views/Unlock';

type View = { name: 'list' } | { name: 'detail'; id: string } | { name: 'add' } | { name: 'settings' };

/** While unlocked and visible, check this often whether the vault locked itself (auto-lock). */
const STATUS_POLL_MS = 10_000;

/** The key list asked for before the first render (main.tsx): null when the vault was locked. */
export type OpeningList = Promise<KeySummary[] | null>;

/**
 * The page says it speaks the catalogue's language (popup.html says English until then): screen
 * readers pick their voice by it, and browsers the fonts for Chinese text (Chinese rather than
 * Japanese forms of the same characters).
 */
export function namePage(page: Document): void {
  page.documentElement.lang = catalogueLanguage();
  page.title = t('extName');
}

/** Asks for the key list; refused while locked, and then unused. */
export function requestOpeningList(): OpeningList {
  return send('keys.list', {}).then(
    (reply) => reply.keys,
    () => null,
  );
}

export function App({ openingList: asked }: { openingList?: OpeningList } = {}) {
  const [status, setStatus] = useState<VaultStatus | null>(null);
  const [statusError, setStatusError] = useState<string | null>(null);
  const [keys, setKeys] = useState<KeySummary[] | null>(null);
  const [keysError, setKeysError] = useState<string | null>(null);
  const [view, setView] = useState<View>({ name: 'list' });
  const [query, setQuery] = useState('');
  const [attentionOnly, setAttentionOnly] = useState(false);
  const [returnFocusId, setReturnFocusId] = useState<string | null>(null);
  // The capture-key warning is shown on the list until dismissed in this popup; the background
  // reports it for the rest of the unlocked session, so the next popup shows it again.
  const [sealKeyAlertDismissed, setSealKeyAlertDismissed] = useState(false);
  const lockTask = useTask();
  const keyChecks = useKeyChecks();

  const refreshStatus = useCallback(async (): Promise<void> => {
    try {
      const next = await request('vault.status', {});
      setStatus(next);
      setStatusError(null);
    } catch (error) {
      setStatusError(errorMessage(error));
    }
  }, []);

  // Asked for together with the status when the popup opens: when the vault is unlocked (the
  // common case) the list arrives a round trip sooner. Refused while locked, and then unused.
  const openingList = useRef<OpeningList | null>(asked ?? null);

  const loadKeys = useCallback(async (): Promise<void> => {
    setKeysError(null);
    const early = openingList.current;
    openingList.current = null;
    const earlyKeys = early ? await early : null;
    if (earlyKeys) {
      setKeys(earlyKeys);
      return;
    }
    try {
      const reply = await request('keys.list', {});
      setKeys(reply.keys);
    } catch (error) {
      setKeysError(errorMessage(error));
    }
  }, []);

  useEffect(() => {
    openingList.current ??= requestOpeningList();
    void refreshStatus();
  }, [refreshStatus]);

  // A request refused with 'locked' means the vault locked itself meanwhile.
  useEffect(() => onVaultLocked(() => void refreshStatus()), [refreshStatus]);

  const state = status?.state ?? null;

  // Leaving the unlocked state drops every key, view and search; entering it loads the list.
  useEffect(() => {
    if (state === 'unlocked') {
      void loadKeys();
    } else {
      setKeys(null);
      setKeysError(null);
      setView({ name: 'list' });
      setQuery('');
      setAttentionOnly(false);
      setReturnFocusId(null);
      setSealKeyAlertDismissed(false);
      keyChecks.clear();
    }
  }, [state, loadKeys, keyChecks.clear]);

  // Notice an auto-lock while the popup (or tab) stays open; re-check when it comes back into view.
  useEffect(() => {
    if (state !== 'unlocked') return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void refreshStatus();
    }, STATUS_POLL_MS);
    const onVisible = (): void => {
      if (document.visibilityState === 'visible') void refreshStatus();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [state, refreshStatus]);

  const lock = async (): Promise<void> => {
    const result = await lockTask.run(() => request('vault.lock', {}));
    if (result.ok) setStatus(result.value);
  };

  const openDetail = useCallback((id: string) => {
    setReturnFocusId(id);
    setView({ name: 'detail', id });
  }, []);
  const backToList = useCallback(() => setView({ name: 'list' }), []);

  const replaceKey = (updated: KeySummary): void => {
    setKeys((prev) => (prev ? prev.map((k) => (k.id === updated.id ? updated : k)) : prev));
  };

  if (status === null) {
    return (
      <div class="app">
        {statusError ? (
          <main class="view view-center">
            <h1 class="view-title">Keyward</h1>
            <ErrorAlert message={statusError} />
            <button type="button" class="btn btn-primary" onClick={() => void refreshStatus()}>
              {t('commonTryAgain')}
            </button>
          </main>
        ) : (
          <main class="view view-center" aria-busy="true">
            <p class="muted" role="status">
              {t('appOpening')}
            </p>
          </main>
        )}
      </div>
    );
  }

  if (status.state === 'no-vault') {
    return (
      <div class="app">
        <CreateVault onCreated={setStatus} />
      </div>
    );
  }

  if (status.state === 'locked') {
    return (
      <div class="app">
        <Unlock retryAt={status.retryAt} onUnlocked={setStatus} onStatus={setStatus} />
      </div>
    );
  }

  const settings = status.settings ?? DEFAULT_SETTINGS;
  const detailKey = view.name === 'detail' ? keys?.find((k) => k.id === view.id) : undefined;

  let body;
  if (view.name === 'detail' && detailKey) {
    body = (
      <KeyDetail
        key={detailKey.id}
        keySummary={detailKey}
        rotationDays={settings.rotationDays}
        onBack={backToList}
        onChanged={replaceKey}
        keys={keys ?? []}
        check={keyChecks.checks[detailKey.id]}
        onChecked={(check) => {
          keyChecks.record(check);
          if (check.result.kind !== 'needs-permission' && check.result.kind !== 'unsupported') {
            replaceKey({ ...detailKey, lastCheck: { at: check.at, outcome: check.result.kind } });
          }
        }}
        onCheckApplied={(key) => {
          keyChecks.forget(key.id);
          replaceKey(key);
        }}
        onDeleted={(id) => {
          setKeys((prev) => (prev ? prev.filter((k) => k.id !== id) : prev));
          setReturnFocusId(null);
          setView({ name: 'list' });
          void refreshStatus();
        }}
      />
    );
  } else if (view.name === 'add') {
    body = (
      <AddKey
        onAdded={(key) => {
          setKeys((prev) => (prev ? [...prev.filter((k) => k.id !== key.id), key] : [key]));
          setReturnFocusId(key.id);
          setView({ name: 'detail', id: key.id });
          void refreshStatus();
        }}
        onCancel={backToList}
      />
    );
  } else if (view.name === 'settings') {
    body = (
      <Settings
        settings={settings}
        onStatus={setStatus}
        onImported={() => {
          void loadKeys();
          void refreshStatus();
        }}
        onBack={backToList}
      />
    );
  } else {
    body = (
      <>
        <SiteOffer />
        <KeyList
        keys={keys}
        loadError={keysError}
        onRetry={() => void loadKeys()}
        rotationDays={settings.rotationDays}
        query={query}
        onQuery={setQuery}
        attentionOnly={attentionOnly}
        onAttentionOnly={setAttentionOnly}
        onOpen={openDetail}
        onAdd={() => setView({ name: 'add' })}
        focusId={returnFocusId}
        keyChecks={keyChecks}
        sealKeyAlert={status.sealKeyReplaced === true && !sealKeyAlertDismissed}
        onDismissSealKeyAlert={() => setSealKeyAlertDismissed(true)}
      />
      </>
    );
  }

  return (
    <div class="app">
      <header class="topbar">
        <span class="brand">
          <span class="brand-dot" aria-hidden="true" />
          Keyward
        </span>
        <nav class="topbar-actions" aria-label={t('appNavLabel')}>
          <button
            type="button"
            class={view.name === 'add' ? 'btn btn-primary btn-small is-current' : 'btn btn-primary btn-small'}
            onClick={() => setView({ name: 'add' })}
            aria-current={view.name === 'add' ? 'page' : undefined}
          >
            <PlusIcon /> {t('commonAddKey')}
          </button>
          <button
            type="button"
            class={view.name === 'settings' ? 'btn btn-ghost btn-icon is-current' : 'btn btn-ghost btn-icon'}
            onClick={() => setView({ name: 'settings' })}
            aria-label={t('appSettings')}
            title={t('appSettings')}
            aria-current={view.name === 'settings' ? 'page' : undefined}
          >
            <GearIcon />
          </button>
          <BusyButton
            type="button"
            class="btn btn-ghost btn-icon"
            busy={lockTask.busy}
            onClick={() => void lock()}
            aria-label={t('appLock')}
            title={t('appLockTitle')}
          >
            <LockIcon />
          </BusyButton>
        </nav>
      </header>
      <ErrorAlert message={lockTask.error} />
      {body}
    </div>
  );
}

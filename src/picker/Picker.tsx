import { useEffect, useRef, useState } from 'preact/hooks';
import { exchangeById } from '../exchanges/registry';
import { t } from '../i18n';
import { type FillRisk, KeywardError, type PickerKey, type PickerSession } from '../messages';
import { platformLabel } from '../shared/platform-label';
import { send } from '../shared/send';
import {
  isPreflightRisk,
  missingPublishedText,
  pageListedText,
  preflightBadge,
  refusedIpText,
  riskText,
  scopeName,
} from './risk-text';
import { type Seen, watchVisibility } from './visibility';

type Stage =
  | { name: 'loading' }
  | { name: 'error'; message: string }
  | { name: 'list'; session: PickerSession }
  | { name: 'confirm'; session: PickerSession; key: PickerKey; risks: FillRisk[] }
  | { name: 'moved' }
  | { name: 'done'; host: string };

function message(error: unknown): string {
  return error instanceof KeywardError || error instanceof Error ? error.message : t('pickerCouldNot');
}

/** Where the key goes, one whole sentence per combination (word order differs by language). */
function destination(session: PickerSession): string {
  const host = session.host;
  const platform = platformLabel(session.platform);
  const exchange = session.exchange ? exchangeById(session.exchange).name : null;
  const scope = session.scope ? scopeName(session.scope) : null;
  if (exchange !== null && scope !== null) return t('pickerIntoExchangeScope', { exchange, host, platform, scope });
  if (exchange !== null) return t('pickerIntoExchange', { exchange, host, platform });
  if (scope !== null) return t('pickerIntoScope', { host, platform, scope });
  return t('pickerInto', { host, platform });
}

/** The sentence with its host in bold, wherever the language puts it. */
function withHostStrong(sentence: string, host: string) {
  const at = sentence.indexOf(host);
  if (at < 0) return sentence;
  return (
    <>
      {sentence.slice(0, at)}
      <strong>{host}</strong>
      {sentence.slice(at + host.length)}
    </>
  );
}

/**
 * The picker runs in one of two places. In Keyward's own window (top level: no page around it)
 * it is seen by construction, and it is the one place besides the popup where the master password
 * may be typed. Framed into a page, it accepts a choice only while the browser itself reports the
 * frame seen whole; it never asks for the password there (a page can steal focus mid-typing).
 */
const IN_WINDOW = window.top === window;

export function Picker({ token }: { token: string }) {
  const [stage, setStage] = useState<Stage>({ name: 'loading' });
  const [password, setPassword] = useState('');
  const [unlockError, setUnlockError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Fail closed: a framed picker is not seen until the browser says so.
  const [seen, setSeen] = useState<Seen>(IN_WINDOW ? true : false);
  const rootRef = useRef<HTMLDivElement>(null);
  const visible = seen === true;

  const load = async () => {
    try {
      setStage({ name: 'list', session: await send('picker.session', { token }) });
    } catch (error) {
      setStage({ name: 'error', message: message(error) });
    }
  };

  useEffect(() => {
    void load();
  }, []);

  useEffect(() => (!IN_WINDOW && rootRef.current ? watchVisibility(rootRef.current, setSeen) : undefined), []);

  // The first thing to do gets the focus: the password when locked, else the first key (which
  // is enabled only once the frame is seen, so the focus follows visibility too).
  const focusKey = `${stage.name === 'list' ? (stage.session.locked ? 'locked' : `keys:${stage.session.keys.length}`) : stage.name}:${String(seen)}`;
  useEffect(() => {
    const first = rootRef.current?.querySelector<HTMLElement>('#picker-password, button.key, button.to-window');
    first?.focus();
  }, [focusKey]);

  const toWindow = async () => {
    setBusy(true);
    try {
      await send('picker.toWindow', { token });
      setStage({ name: 'moved' });
    } catch (error) {
      setStage({ name: 'error', message: message(error) });
    } finally {
      setBusy(false);
    }
  };

  const choose = async (session: PickerSession, key: PickerKey, confirmed: FillRisk[]) => {
    if (!visible) return;
    setBusy(true);
    try {
      const outcome = await send('fill.choose', { token, keyId: key.id, confirmed });
      if (outcome.status === 'filled') {
        setStage({ name: 'done', host: outcome.host });
      } else if (outcome.status === 'confirm') setStage({ name: 'confirm', session, key, risks: outcome.risks });
      else setStage({ name: 'error', message: t('pickerNotFilled', { reason: outcome.reason }) });
    } catch (error) {
      setStage({ name: 'error', message: message(error) });
    } finally {
      setBusy(false);
    }
  };

  const unlock = async (event: Event) => {
    event.preventDefault();
    if (!IN_WINDOW) return;
    setBusy(true);
    setUnlockError(null);
    try {
      await send('vault.unlock', { password });
      setPassword('');
      await load();
    } catch (error) {
      // A wrong password keeps the form, with why (and, when throttled, until when).
      setPassword('');
      setUnlockError(message(error));
    } finally {
      setBusy(false);
    }
  };

  const session = stage.name === 'list' || stage.name === 'confirm' ? stage.session : null;
  // In a frame, a locked vault or a browser that cannot prove the frame is seen: the window takes over.
  const handOver = !IN_WINDOW && session !== null && (session.locked || seen === null);

  return (
    <div id="picker-root" ref={rootRef}>
      {!IN_WINDOW && seen === false && !handOver ? (
        <p class="alert danger" role="alert">
          {t('pickerNotInView')}
        </p>
      ) : null}
      {stage.name === 'loading' ? <p role="status">{t('pickerLoading')}</p> : null}
      {stage.name === 'error' ? (
        <div>
          <p class="alert danger" role="alert">
            {stage.message}
          </p>
          <button type="button" class="btn plain" onClick={() => void load()}>
            {t('pickerBack')}
          </button>
        </div>
      ) : null}
      {stage.name === 'moved' ? (
        <p class="alert success" role="status">
          {t('pickerMoved')}
        </p>
      ) : null}
      {stage.name === 'done' ? (
        <p class="alert success" role="status">
          {IN_WINDOW ? t('pickerFilledWindow', { host: stage.host }) : t('pickerFilled', { host: stage.host })}
        </p>
      ) : null}
      {session ? (
        <header>
          <h1>{t('pickerHeading')}</h1>
          <p class="dest">{withHostStrong(destination(session), session.host)}</p>
          {session.refusedPageIps.map((refused) => (
            <p key={refused.ip} class="alert danger" role="alert">
              {refusedIpText(refused)}
            </p>
          ))}
        </header>
      ) : null}
      {handOver && session ? (
        <div>
          <p class="alert warning" role="alert">
            {session.locked ? t('pickerLockedHandOver') : t('pickerUnseenHandOver')}
          </p>
          <button type="button" class="btn to-window" disabled={busy} onClick={() => void toWindow()}>
            {session.locked ? t('pickerUnlockInWindow') : t('pickerOpenWindow')}
          </button>
        </div>
      ) : null}
      {IN_WINDOW && stage.name === 'list' && stage.session.locked ? (
        <form onSubmit={(e) => void unlock(e)}>
          <label for="picker-password">{t('pickerMasterPassword')}</label>
          <input
            id="picker-password"
            type="password"
            value={password}
            autoComplete="current-password"
            aria-invalid={unlockError ? 'true' : undefined}
            aria-describedby={unlockError ? 'picker-unlock-error' : undefined}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
          {unlockError ? (
            <p class="alert danger" role="alert" id="picker-unlock-error">
              {unlockError}
            </p>
          ) : null}
          <div class="row">
            <button type="submit" class="btn" disabled={busy}>
              {t('pickerUnlock')}
            </button>
          </div>
        </form>
      ) : null}
      {stage.name === 'list' && !stage.session.locked && !handOver ? (
        stage.session.keys.length === 0 ? (
          <p>{t('pickerNoKeys')}</p>
        ) : (
          <ul aria-label={t('pickerKeys')}>
            {stage.session.keys.map((key) => (
              <li key={key.id}>
                <button type="button" class="key" disabled={busy || !visible} onClick={() => void choose(stage.session, key, [])}>
                  <span class="label">{key.label || t('pickerUnnamed')}</span>{' '}
                  <span class="meta">
                    {exchangeById(key.exchange).name}
                    {key.account !== 'main' ? ` · ${key.account}` : ''} · …{key.apiKeyTail}
                  </span>
                  <br />
                  {key.risk.withdraw ? <span class="badge danger">{t('pickerWithdrawOn')}</span> : null}
                  {key.risk.noIpWhitelist ? <span class="badge warning">{t('pickerNoIpWhitelist')}</span> : null}
                  {key.boundElsewhere.map((host) => (
                    <span key={host} class="badge info">
                      {t('pickerBoundTo', { host })}
                    </span>
                  ))}
                  {key.preflight ? <span class="badge warning">{preflightBadge(key.preflight)}</span> : null}
                  {key.missingIps.length > 0 ? <span class="badge warning">{missingPublishedText(key.missingIps, platformLabel(stage.session.platform))}</span> : null}
                  {key.pageIpsMissing.length > 0 ? <span class="badge info">{pageListedText(key.pageIpsMissing)}</span> : null}
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
      {stage.name === 'confirm' ? (
        <div role="alertdialog" aria-labelledby="confirm-title">
          <h2 id="confirm-title" class="label">
            {t('pickerConfirmTitle', { label: stage.key.label || t('pickerUnnamed') })}
          </h2>
          {stage.risks.map((risk) => (
            // A Permission Denied ahead is a fact about the bind, not a danger to funds.
            <p key={risk} class={isPreflightRisk(risk) ? 'alert warning' : 'alert danger'}>
              {riskText(risk, stage.key, stage.session)}
            </p>
          ))}
          <div class="row">
            <button type="button" class="btn" disabled={busy || !visible} onClick={() => void choose(stage.session, stage.key, stage.risks)}>
              {t('pickerFillAnyway')}
            </button>
            <button type="button" class="btn plain" onClick={() => setStage({ name: 'list', session: stage.session })}>
              {t('pickerChooseAnother')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

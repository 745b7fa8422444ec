import { useEffect, useRef, useState } from 'preact/hooks';
import { exchangeById } from '../exchanges/registry';
import { type FillRisk, KeywardError, type PickerKey, type PickerSession } from '../messages';
import { send } from '../shared/send';
import { isPreflightRisk, preflightBadge, riskText, scopeName } from './risk-text';
import { watchVisibility } from './visibility';

type Stage =
  | { name: 'loading' }
  | { name: 'error'; message: string }
  | { name: 'list'; session: PickerSession }
  | { name: 'confirm'; session: PickerSession; key: PickerKey; risks: FillRisk[] }
  | { name: 'done'; host: string };

function message(error: unknown): string {
  return error instanceof KeywardError || error instanceof Error ? error.message : 'Keyward could not do that.';
}

export function Picker({ token }: { token: string }) {
  const [stage, setStage] = useState<Stage>({ name: 'loading' });
  const [password, setPassword] = useState('');
  const [unlockError, setUnlockError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [visible, setVisible] = useState(true);
  const rootRef = useRef<HTMLDivElement>(null);

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

  useEffect(() => (rootRef.current ? watchVisibility(rootRef.current, setVisible) : undefined), []);

  // The first thing to do gets the focus: the password when locked, else the first key.
  const focusKey = stage.name === 'list' ? (stage.session.locked ? 'locked' : `keys:${stage.session.keys.length}`) : stage.name;
  useEffect(() => {
    const first = rootRef.current?.querySelector<HTMLElement>('#picker-password, button.key');
    first?.focus();
  }, [focusKey]);

  const choose = async (session: PickerSession, key: PickerKey, confirmed: FillRisk[]) => {
    if (!visible) return;
    setBusy(true);
    try {
      const outcome = await send('fill.choose', { token, keyId: key.id, confirmed });
      if (outcome.status === 'filled') setStage({ name: 'done', host: outcome.host });
      else if (outcome.status === 'confirm') setStage({ name: 'confirm', session, key, risks: outcome.risks });
      else setStage({ name: 'error', message: `Not filled: ${outcome.reason}` });
    } catch (error) {
      setStage({ name: 'error', message: message(error) });
    } finally {
      setBusy(false);
    }
  };

  const unlock = async (event: Event) => {
    event.preventDefault();
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

  return (
    <div ref={rootRef}>
      {!visible ? (
        <p class="alert danger" role="alert">
          This picker is not fully in view, or the page covers or fades it. Keyward fills only once the whole picker can be seen: scroll it into view.
        </p>
      ) : null}
      {stage.name === 'loading' ? <p role="status">Loading…</p> : null}
      {stage.name === 'error' ? (
        <div>
          <p class="alert danger" role="alert">
            {stage.message}
          </p>
          <button type="button" class="btn plain" onClick={() => void load()}>
            Back
          </button>
        </div>
      ) : null}
      {stage.name === 'done' ? (
        <p class="alert success" role="status">
          Filled. Keyward recorded this key as bound to {stage.host}.
        </p>
      ) : null}
      {stage.name === 'list' || stage.name === 'confirm' ? (
        <header>
          <h1>Fill from Keyward</h1>
          <p class="dest">
            Into <strong>{stage.session.host}</strong> ({stage.session.platformName})
            {stage.session.exchange ? `, ${exchangeById(stage.session.exchange).name} selected` : ''}
            {stage.session.scope ? `, trading ${scopeName(stage.session.scope)}` : ''}
          </p>
        </header>
      ) : null}
      {stage.name === 'list' && stage.session.locked ? (
        <form onSubmit={(e) => void unlock(e)}>
          <label for="picker-password">Master password</label>
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
              Unlock
            </button>
          </div>
        </form>
      ) : null}
      {stage.name === 'list' && !stage.session.locked ? (
        stage.session.keys.length === 0 ? (
          <p>No keys in the vault yet.</p>
        ) : (
          <ul aria-label="Keys">
            {stage.session.keys.map((key) => (
              <li key={key.id}>
                <button type="button" class="key" disabled={busy || !visible} onClick={() => void choose(stage.session, key, [])}>
                  <span class="label">{key.label || 'Unnamed key'}</span>{' '}
                  <span class="meta">
                    {exchangeById(key.exchange).name}
                    {key.account !== 'main' ? ` · ${key.account}` : ''} · …{key.apiKeyTail}
                  </span>
                  <br />
                  {key.risk.withdraw ? <span class="badge danger">Withdraw on</span> : null}
                  {key.risk.noIpWhitelist ? <span class="badge warning">No IP whitelist</span> : null}
                  {key.boundElsewhere.map((host) => (
                    <span key={host} class="badge info">
                      Bound to {host}
                    </span>
                  ))}
                  {key.preflight ? <span class="badge warning">{preflightBadge(key.preflight)}</span> : null}
                  {key.missingIps.length > 0 ? (
                    <span class="badge warning">
                      The bind will fail with an IP restriction error: add {key.missingIps.join(', ')} on the exchange
                    </span>
                  ) : null}
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
      {stage.name === 'confirm' ? (
        <div role="alertdialog" aria-labelledby="confirm-title">
          <h2 id="confirm-title" class="label">
            Fill “{stage.key.label || 'Unnamed key'}”?
          </h2>
          {stage.risks.map((risk) => (
            // A Permission Denied ahead is a fact about the bind, not a danger to funds.
            <p key={risk} class={isPreflightRisk(risk) ? 'alert warning' : 'alert danger'}>
              {riskText(risk, stage.key, stage.session)}
            </p>
          ))}
          <div class="row">
            <button type="button" class="btn" disabled={busy || !visible} onClick={() => void choose(stage.session, stage.key, stage.risks)}>
              Fill anyway
            </button>
            <button type="button" class="btn plain" onClick={() => setStage({ name: 'list', session: stage.session })}>
              Choose another key
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

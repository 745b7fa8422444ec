import type { TargetedEvent } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { checkCredentialFormat, type FormatWarning, normaliseCredential, sayWarning } from '../../core/credential-format';
import type { KeyPermissions, KeySummary, NewKeyInput } from '../../core/records';
import { EXCHANGES } from '../../exchanges/registry';
import { request } from '../api';
import { ErrorAlert } from '../components/Alert';
import { BusyButton } from '../components/BusyButton';
import { controlAria, Field, type FieldAria, PasswordField } from '../components/Field';
import { NamedOptions } from '../components/NamedOptions';
import { VERBATIM_INPUT } from '../components/PasswordInput';
import { ViewHead } from '../components/ViewHead';
import { exchangeDefinition, hasFuturesPermission } from '../exchange-info';
import { parseIpList } from '../format';
import { useEscape, useFocusOnMount, useReadyMarker, useTask } from '../hooks';
import { fieldName } from '../check-words';
import { t, tWords } from '../../i18n';

type CredField = 'apiKey' | 'secret' | 'passphrase';
type PermName = 'read' | 'trade' | 'futures' | 'withdraw' | 'transfer';

/** In the form's order; each is named by fieldName() when shown, in the catalogue's language. */
const PERMISSIONS: readonly PermName[] = ['read', 'trade', 'futures', 'withdraw', 'transfer'];

interface FieldErrors {
  exchange?: string;
  apiKey?: string;
  secret?: string;
  createdAt?: string;
}

/** "2024-03-01" from a date input, as local midnight; null when empty or invalid. */
function parseDateInput(value: string): number | null {
  if (!value) return null;
  const ms = new Date(`${value}T00:00:00`).getTime();
  return Number.isFinite(ms) ? ms : null;
}

function todayInput(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * A format warning's words, the exchange's shape hint inside them said in the same language.
 * The warnings are src/core/credential-format.ts's: this one call site reads them.
 */
function formatWarningText(warning: FormatWarning): string {
  return sayWarning(warning, tWords).join(' ');
}

/** What the key and secret inputs share: typed verbatim, never autofilled, wired to their Field. */
function credentialControl(aria: FieldAria) {
  return { autoComplete: 'off', ...VERBATIM_INPUT, ...controlAria(aria) };
}

/** Manual add, for keys created before Keyward was installed. */
export function AddKey({ onAdded, onCancel }: { onAdded: (key: KeySummary) => void; onCancel: () => void }) {
  const [exchangeId, setExchangeId] = useState('');
  const [label, setLabel] = useState('');
  const [account, setAccount] = useState('main');
  const [apiKey, setApiKey] = useState('');
  const [secret, setSecret] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [secretShown, setSecretShown] = useState(false);
  const [perms, setPerms] = useState<Record<PermName, boolean>>({
    read: true,
    trade: false,
    futures: false,
    withdraw: false,
    transfer: false,
  });
  const [ipText, setIpText] = useState('');
  const [createdOn, setCreatedOn] = useState('');
  const [notes, setNotes] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  /** Set after a submit found format warnings: the next submit saves anyway. */
  const [warnings, setWarnings] = useState<FormatWarning[] | null>(null);
  const task = useTask();

  const selectRef = useRef<HTMLSelectElement>(null);
  const apiKeyRef = useRef<HTMLInputElement>(null);
  const secretRef = useRef<HTMLTextAreaElement>(null);
  const dateRef = useRef<HTMLInputElement>(null);
  useFocusOnMount(selectRef);
  useReadyMarker('add');
  useEscape(onCancel);

  const exchange = exchangeDefinition(exchangeId);
  const apiKeyLabel = exchange?.credentials.apiKeyLabel ?? t('detailApiKey');
  const secretLabel = exchange?.credentials.secretLabel ?? t('detailSecretKey');
  const usesPassphrase = exchange?.credentials.passphrase === true;
  const asksFutures = hasFuturesPermission(exchange);
  const shownPermissions = PERMISSIONS.filter((name) => name !== 'futures' || asksFutures).map((name) => ({ name, label: fieldName(name) }));

  /** Any change to what the warnings were about makes the next click check again. */
  const resetWarnings = (): void => {
    if (warnings !== null) setWarnings(null);
  };
  /** A credential's input handler: a changed value makes the last format warnings stale. */
  const editCredential =
    (set: (value: string) => void) =>
    (e: TargetedEvent<HTMLInputElement | HTMLTextAreaElement, Event>): void => {
      set(e.currentTarget.value);
      resetWarnings();
    };
  const warningsFor = (field: CredField): FormatWarning[] => warnings?.filter((w) => w.field === field) ?? [];

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (task.busy) return;
    const creds = {
      apiKey: normaliseCredential(apiKey),
      secret: normaliseCredential(secret),
      passphrase: usesPassphrase ? normaliseCredential(passphrase) : '',
    };
    const createdAt = parseDateInput(createdOn);
    const errors: FieldErrors = {};
    if (!exchange) errors.exchange = t('addChooseExchangeError');
    if (creds.apiKey === '') errors.apiKey = t('addPasteField', { field: apiKeyLabel });
    if (creds.secret === '') errors.secret = t('addPasteField', { field: secretLabel });
    if (createdOn && (createdAt === null || createdAt > Date.now())) errors.createdAt = t('addDateInPast');
    setFieldErrors(errors);
    if (!exchange || errors.apiKey || errors.secret || errors.createdAt) {
      if (errors.exchange) selectRef.current?.focus();
      else if (errors.apiKey) apiKeyRef.current?.focus();
      else if (errors.secret) secretRef.current?.focus();
      else dateRef.current?.focus();
      return;
    }

    if (warnings === null) {
      const found = checkCredentialFormat(exchange.credentials, creds, exchange.name);
      if (found.length > 0) {
        setWarnings(found);
        return;
      }
    }

    // Futures only where the exchange has it apart from Trade; elsewhere it stays unknown.
    const permissions: KeyPermissions = {
      read: perms.read,
      trade: perms.trade,
      ...(asksFutures ? { futures: perms.futures } : {}),
      withdraw: perms.withdraw,
      transfer: perms.transfer,
      // The names the user ticked, in the words the form showed them: a manual key's "as the exchange shows them".
      labels: shownPermissions.filter((p) => perms[p.name]).map((p) => p.label),
    };
    const input: NewKeyInput = {
      exchange: exchange.id,
      credentials: creds,
      details: {
        label: label.trim(),
        account: account.trim() || 'main',
        permissions,
        ipWhitelist: parseIpList(ipText),
        source: { kind: 'manual' },
        notes: notes.trim(),
      },
    };
    if (createdAt !== null) input.createdAt = createdAt;
    const result = await task.run(() => request('keys.add', { input }));
    if (result.ok) onAdded(result.value.key);
  };

  const warningText = (field: CredField): string[] => warningsFor(field).map(formatWarningText);
  const ipList = parseIpList(ipText);

  return (
    <main class="view view-form" aria-labelledby="add-title">
      <ViewHead titleId="add-title" title={t('addTitle')} sub={t('addSub')} onBack={onCancel} />

      <form class="form" onSubmit={submit} noValidate>
        <Field id="add-exchange" label={t('detailExchange')} error={fieldErrors.exchange}>
          {(aria) => (
            <select
              id="add-exchange"
              ref={selectRef}
              class="input"
              value={exchangeId}
              onChange={(e) => {
                setExchangeId(e.currentTarget.value);
                setFieldErrors((prev) => ({ ...prev, exchange: undefined }));
                resetWarnings();
              }}
              {...controlAria(aria)}
              required
            >
              <option value="">{t('addChooseExchange')}</option>
              <NamedOptions items={EXCHANGES} />
            </select>
          )}
        </Field>

        <div class="field-row">
          <Field id="add-label" label={t('detailLabel')}>
            {() => (
              <input
                id="add-label"
                class="input"
                value={label}
                placeholder={t('detailLabelPlaceholder')}
                onInput={(e) => setLabel(e.currentTarget.value)}
                autoComplete="off"
              />
            )}
          </Field>
          <Field id="add-account" label={t('detailAccount')} hint={t('addAccountHint')}>
            {(aria) => (
              <input
                id="add-account"
                class="input"
                value={account}
                onInput={(e) => setAccount(e.currentTarget.value)}
                aria-describedby={aria.describedBy}
                autoComplete="off"
              />
            )}
          </Field>
        </div>

        <Field id="add-apikey" label={apiKeyLabel} error={fieldErrors.apiKey} warnings={warningText('apiKey')}>
          {(aria) => (
            <input
              id="add-apikey"
              ref={apiKeyRef}
              class="input mono"
              value={apiKey}
              onInput={editCredential(setApiKey)}
              {...credentialControl(aria)}
            />
          )}
        </Field>

        <Field
          id="add-secret"
          label={secretLabel}
          error={fieldErrors.secret}
          warnings={warningText('secret')}
          labelAside={
            <button
              type="button"
              class="btn btn-ghost btn-small"
              aria-pressed={secretShown ? 'true' : 'false'}
              aria-controls="add-secret"
              aria-label={secretShown ? t('addHideField', { field: secretLabel }) : t('addShowField', { field: secretLabel })}
              onClick={() => setSecretShown((s) => !s)}
            >
              {secretShown ? t('addHide') : t('addShow')}
            </button>
          }
        >
          {(aria) => (
            // A textarea, not a password input: a PEM private key keeps its line breaks.
            <textarea
              id="add-secret"
              ref={secretRef}
              class={secretShown ? 'input mono secret-input' : 'input mono secret-input masked'}
              rows={2}
              value={secret}
              onInput={editCredential(setSecret)}
              {...credentialControl(aria)}
            />
          )}
        </Field>

        {usesPassphrase && exchange ? (
          <PasswordField
            id="add-passphrase"
            label={t('detailPassphrase')}
            value={passphrase}
            onInput={(value) => {
              setPassphrase(value);
              resetWarnings();
            }}
            autoComplete="off"
            mono
            what="passphrase"
            hint={t('addPassphraseHint', { exchange: exchange.name })}
            warnings={warningText('passphrase')}
          />
        ) : null}

        <fieldset class="field fieldset">
          <legend>{t('detailPermissions')}</legend>
          <div class="checks">
            {shownPermissions.map((p) => (
              <label key={p.name} class={p.name === 'withdraw' && perms.withdraw ? 'check check-danger' : 'check'}>
                <input
                  type="checkbox"
                  checked={perms[p.name]}
                  onChange={(e) => {
                    const checked = e.currentTarget.checked;
                    setPerms((prev) => ({ ...prev, [p.name]: checked }));
                  }}
                />
                {p.label}
              </label>
            ))}
          </div>
          {perms.withdraw ? (
            <p class="risk-text risk-danger">{t('addWithdrawOn')}</p>
          ) : null}
        </fieldset>

        <Field
          id="add-ips"
          label={fieldName('ipWhitelist')}
          hint={t('addIpHint')}
          after={ipList.length === 0 ? <p class="risk-text risk-warn">{t('addNoIp')}</p> : null}
        >
          {(aria) => (
            <textarea
              id="add-ips"
              class="input mono"
              rows={2}
              value={ipText}
              placeholder="203.0.113.7, 198.51.100.0/24"
              onInput={(e) => setIpText(e.currentTarget.value)}
              aria-describedby={aria.describedBy}
              spellcheck={false}
            />
          )}
        </Field>

        <Field
          id="add-created"
          label={t('addCreatedOn')}
          hint={t('addCreatedHint')}
          error={fieldErrors.createdAt}
        >
          {(aria) => (
            <input
              id="add-created"
              ref={dateRef}
              class="input"
              type="date"
              max={todayInput()}
              value={createdOn}
              onInput={(e) => setCreatedOn(e.currentTarget.value)}
              {...controlAria(aria)}
            />
          )}
        </Field>

        <Field id="add-notes" label={t('detailNotes')}>
          {() => (
            <textarea
              id="add-notes"
              class="input"
              rows={2}
              value={notes}
              onInput={(e) => setNotes(e.currentTarget.value)}
            />
          )}
        </Field>

        {warnings !== null ? (
          <p class="alert alert-warn" role="alert">
            {exchange ? t('addFormatWarning', { exchange: exchange.name }) : t('addFormatWarningNoExchange')}
          </p>
        ) : null}
        <ErrorAlert message={task.error} />
        <div class="form-actions">
          <BusyButton type="submit" class="btn btn-primary" busy={task.busy} busyLabel={t('detailSaving')}>
            {warnings !== null ? t('addSaveAnyway') : t('addSaveKey')}
          </BusyButton>
          <button type="button" class="btn" onClick={onCancel}>
            {t('addCancel')}
          </button>
        </div>
      </form>
    </main>
  );
}

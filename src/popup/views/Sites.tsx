import { useEffect, useState } from 'preact/hooks';
import type { UserSite } from '../../core/sites';
import { parseSiteAddress } from '../../core/sites';
import type { SiteProbe } from '../../messages';
import { USER_SITE_PLATFORMS } from '../../platforms/registry';
import { platformLabel } from '../../shared/platform-label';
import { request } from '../api';
import { ErrorAlert, StatusNote } from '../components/Alert';
import { BusyButton } from '../components/BusyButton';
import { Card } from '../components/Card';
import { NamedOptions } from '../components/NamedOptions';
import { activeTabId, requestSiteAccess } from '../browser-access';
import { useAlive, useTask } from '../hooks';
import { t, tWords } from '../../i18n';

/** The choice of what a user-added site runs, as the bind forms Keyward knows are named. */
function PlatformSelect({ id, label, value, onChange }: { id: string; label: string; value: string; onChange: (id: string) => void }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} class="input" value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <NamedOptions items={USER_SITE_PLATFORMS.map((platform) => ({ id: platform.id, name: platformLabel(platform.id) }))} />
      </select>
    </div>
  );
}

function hostOf(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
}

/**
 * Asks the browser for access to the site (on this click: the prompt needs the user's gesture),
 * then has the background register the fill script there. Returns the new list.
 */
async function addSite(address: string, platform: string): Promise<UserSite[]> {
  const parsed = parseSiteAddress(address);
  if (!parsed.ok) throw new Error(tWords(parsed.error));
  // Sent before the prompt and not awaited: the prompt must open on this very click, and the
  // background finishes the add on its own if the browser closes the popup meanwhile.
  void request('sites.expect', { address: parsed.origin, platform }).catch(() => undefined);
  if (!(await requestSiteAccess(parsed.origin))) {
    throw new Error(t('sitesNotAllowed', { host: parsed.host }));
  }
  return (await request('sites.add', { address: parsed.origin, platform })).sites;
}

/**
 * Settings: the sites where Keyward fills besides the known platforms. A self-hosted OctoBot or
 * Hummingbot on the user's own address, or another site with a bind form, each allowed once.
 */
export function SitesSection() {
  const [sites, setSites] = useState<UserSite[] | null>(null);
  const [address, setAddress] = useState('');
  const [platform, setPlatform] = useState(USER_SITE_PLATFORMS[0]?.id ?? 'generic');
  const [addressError, setAddressError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const task = useTask();
  const alive = useAlive();

  useEffect(() => {
    void task.run(() => request('sites.list', {})).then((result) => {
      if (result.ok && alive.current) setSites(Array.isArray(result.value.sites) ? result.value.sites : []);
    });
    // Once, on mount.
  }, []);

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    setNote(null);
    const parsed = parseSiteAddress(address);
    if (!parsed.ok) {
      setAddressError(tWords(parsed.error));
      return;
    }
    setAddressError(null);
    const result = await task.run(() => addSite(address, platform));
    if (!result.ok || !alive.current) return;
    setSites(result.value);
    setAddress('');
    setNote(t('sitesAdded', { host: parsed.host, platform: platformLabel(platform) }));
  };

  const remove = async (site: UserSite): Promise<void> => {
    setRemoving(site.origin);
    setNote(null);
    const result = await task.run(() => request('sites.remove', { origin: site.origin }));
    if (!alive.current) return;
    setRemoving(null);
    if (!result.ok) return;
    setSites(result.value.sites);
    setNote(t('sitesRemoved', { host: hostOf(site.origin) }));
  };

  return (
    <Card titleId="sites-title" title={t('sitesTitle')}>
      <p class="hint">{t('sitesIntro')}</p>
      {sites === null ? null : sites.length === 0 ? (
        <p class="muted">{t('sitesNone')}</p>
      ) : (
        <ul class="bindings" aria-label={t('sitesListLabel')}>
          {sites.map((site) => (
            <li key={site.origin} class="binding">
              <span class="binding-text">
                <span class="binding-host">{hostOf(site.origin)}</span>
                <span class="muted small"> {platformLabel(site.platform)}</span>
              </span>
              <BusyButton
                type="button"
                class="btn btn-small"
                busy={removing === site.origin}
                disabled={removing !== null}
                onClick={() => void remove(site)}
                aria-label={t('sitesRemoveHost', { host: hostOf(site.origin) })}
              >
                {t('detailRemove')}
              </BusyButton>
            </li>
          ))}
        </ul>
      )}
      <form class="form" onSubmit={(e) => void submit(e)} noValidate>
        <PlatformSelect id="site-platform" label={t('sitesWhatRuns')} value={platform} onChange={setPlatform} />
        <div class="field">
          <label for="site-address">{t('sitesAddress')}</label>
          <div class="input-with-button">
            <input
              id="site-address"
              class="input"
              type="url"
              inputMode="url"
              placeholder="https://octobot.example.net:5001"
              autoComplete="off"
              spellcheck={false}
              value={address}
              onInput={(e) => setAddress(e.currentTarget.value)}
              aria-invalid={addressError ? 'true' : undefined}
              aria-describedby={addressError ? 'site-address-error' : undefined}
            />
            <BusyButton type="submit" class="btn btn-small" busy={task.busy && removing === null}>
              {t('sitesAddSite')}
            </BusyButton>
          </div>
          {addressError ? (
            <p class="field-error" id="site-address-error">
              {addressError}
            </p>
          ) : null}
        </div>
      </form>
      <ErrorAlert message={task.error} />
      <StatusNote message={note} />
    </Card>
  );
}

/**
 * Above the key list: the page in the active tab has an API key form on a site Keyward does not
 * fill yet. One click allows that site (and only it); nothing is offered on the page before that.
 */
export function SiteOffer() {
  const [probe, setProbe] = useState<SiteProbe | null>(null);
  const [platform, setPlatform] = useState('generic');
  const [done, setDone] = useState<string | null>(null);
  const task = useTask();
  const alive = useAlive();

  useEffect(() => {
    void (async () => {
      const tabId = await activeTabId();
      if (tabId === null) return;
      const found = await request('sites.probe', { tabId }).catch(() => null);
      if (!alive.current || !found?.origin || !found.found || found.added) return;
      setProbe(found);
      setPlatform(found.found);
    })();
    // Once, when the popup opens.
  }, []);

  if (done) return <StatusNote message={done} />;
  if (!probe?.origin) return null;
  const origin = probe.origin;
  const allow = async (): Promise<void> => {
    const result = await task.run(() => addSite(origin, platform));
    if (result.ok && alive.current) setDone(t('sitesOfferDone', { host: hostOf(origin) }));
  };

  return (
    <section class="card site-offer" aria-labelledby="offer-title" data-keyward-offer="">
      <h2 id="offer-title" class="card-title">
        {t('sitesOfferTitle', { host: hostOf(origin) })}
      </h2>
      <p class="hint">{t('sitesOfferIntro')}</p>
      <PlatformSelect id="offer-platform" label={t('sitesOfferThisSiteIs')} value={platform} onChange={setPlatform} />
      <BusyButton type="button" class="btn btn-primary btn-small" busy={task.busy} onClick={() => void allow()}>
        {t('sitesOfferAllow', { host: hostOf(origin) })}
      </BusyButton>
      <ErrorAlert message={task.error} />
    </section>
  );
}

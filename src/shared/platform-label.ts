import { t } from '../i18n';
import { platformById } from '../platforms/registry';

/**
 * A platform's name as the extension pages show it: brands as they are, the generic reader's
 * "Other site" in the user's language. Platform definitions ride in content scripts, which must
 * not bundle the English catalogue, so the translation is here and not in their `name`.
 */
export function platformLabel(id: string): string {
  if (id === 'generic') return t('sitesOtherSite');
  return platformById(id)?.name ?? id;
}

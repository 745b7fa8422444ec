import type { RiskFlags } from '../../core/records';
import { plural, t } from '../../i18n';

/**
 * Risk badges for a key. A plain render function rather than a component, so a list of a
 * thousand rows creates no component instances for it.
 */
export function renderRiskBadges(risk: RiskFlags, rotate: boolean, rotationDays: number) {
  if (!risk.withdraw && !risk.noIpWhitelist && !risk.transfer && !rotate) return null;
  return (
    <span class="badges">
      {risk.withdraw ? <span class="badge badge-danger">{t('noteBadgeWithdraw')}</span> : null}
      {risk.noIpWhitelist ? <span class="badge badge-warn">{t('noteBadgeNoIp')}</span> : null}
      {risk.transfer ? <span class="badge badge-caution">{t('noteBadgeTransfer')}</span> : null}
      {rotate ? (
        <span class="badge badge-info" title={plural('noteBadgeRotateTitle', rotationDays)}>
          {t('noteBadgeRotate')}
        </span>
      ) : null}
    </span>
  );
}

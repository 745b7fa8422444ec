import type { RiskFlags } from '../../core/records';

/**
 * Risk badges for a key. A plain render function rather than a component, so a list of a
 * thousand rows creates no component instances for it.
 */
export function renderRiskBadges(risk: RiskFlags, rotate: boolean, rotationDays: number) {
  if (!risk.withdraw && !risk.noIpWhitelist && !risk.transfer && !rotate) return null;
  return (
    <span class="badges">
      {risk.withdraw ? <span class="badge badge-danger">Withdraw on</span> : null}
      {risk.noIpWhitelist ? <span class="badge badge-warn">No IP whitelist</span> : null}
      {risk.transfer ? <span class="badge badge-caution">Transfer on</span> : null}
      {rotate ? (
        <span class="badge badge-info" title={`Older than ${rotationDays} days: consider rotating it`}>
          Rotate
        </span>
      ) : null}
    </span>
  );
}

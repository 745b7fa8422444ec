import { plural, t } from '../../i18n';
import { MIN_PASSWORD_LENGTH, passwordStrength } from '../format';
import { Emphasis } from './Emphasis';

/** The length-and-variety estimate as a bar and words; a hint, not a gate. */
export function StrengthMeter({ password, id }: { password: string; id: string }) {
  if (!password) {
    return (
      <p class="hint" id={id}>
        {plural('commonPasswordHint', MIN_PASSWORD_LENGTH)}
      </p>
    );
  }
  const strength = passwordStrength(password);
  // One whole sentence per case, the level in bold wherever the language puts it.
  const say =
    strength.level === 'too-short'
      ? (level: string) => plural('commonStrengthTooShort', MIN_PASSWORD_LENGTH - [...password].length, { level })
      : strength.level === 'weak' || strength.level === 'fair'
        ? (level: string) => t('commonStrengthLow', { level })
        : (level: string) => t('commonStrength', { level });
  return (
    <div class={`strength strength-${strength.level}`} id={id}>
      <div class="strength-bar" aria-hidden="true">
        <span class={strength.score >= 1 ? 'on' : ''} />
        <span class={strength.score >= 2 ? 'on' : ''} />
        <span class={strength.score >= 3 ? 'on' : ''} />
        <span class={strength.score >= 4 ? 'on' : ''} />
      </div>
      <p class="hint">
        <Emphasis say={say} value={strength.label} />
      </p>
    </div>
  );
}

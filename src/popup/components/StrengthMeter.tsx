import { MIN_PASSWORD_LENGTH, passwordStrength } from '../format';

/** The length-and-variety estimate as a bar and words; a hint, not a gate. */
export function StrengthMeter({ password, id }: { password: string; id: string }) {
  if (!password) {
    return (
      <p class="hint" id={id}>
        Use at least {MIN_PASSWORD_LENGTH} characters; a few unrelated words are long and easy to type.
      </p>
    );
  }
  const strength = passwordStrength(password);
  return (
    <div class={`strength strength-${strength.level}`} id={id}>
      <div class="strength-bar" aria-hidden="true">
        <span class={strength.score >= 1 ? 'on' : ''} />
        <span class={strength.score >= 2 ? 'on' : ''} />
        <span class={strength.score >= 3 ? 'on' : ''} />
        <span class={strength.score >= 4 ? 'on' : ''} />
      </div>
      <p class="hint">
        Strength: <strong>{strength.label}</strong>
        {strength.level === 'too-short' ? ` (${MIN_PASSWORD_LENGTH - [...password].length} more characters needed)` : ''}
        {strength.level === 'weak' || strength.level === 'fair' ? '. Longer is stronger: add words or characters.' : ''}
      </p>
    </div>
  );
}

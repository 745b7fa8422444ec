import type { RefObject, TargetedEvent } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { t } from '../../i18n';

/**
 * What a password field holds, which names its Show and Hide buttons for screen readers. A fixed
 * set rather than a noun to put in a sentence: each pair is a whole message, since the noun's
 * form changes with the verb in some languages (Russian "кодовая фраза", "показать кодовую фразу").
 */
export type PasswordWhat = 'password' | 'backupPassword' | 'passphrase';

const TOGGLE_NAMES = {
  password: { show: () => t('commonShowPassword'), hide: () => t('commonHidePassword') },
  backupPassword: { show: () => t('commonShowBackupPassword'), hide: () => t('commonHideBackupPassword') },
  passphrase: { show: () => t('commonShowPassphrase'), hide: () => t('commonHidePassphrase') },
} satisfies Record<PasswordWhat, { show: () => string; hide: () => string }>;

export interface PasswordInputProps {
  id: string;
  value: string;
  onInput: (value: string) => void;
  autoComplete: 'current-password' | 'new-password' | 'off';
  inputRef?: RefObject<HTMLInputElement | null>;
  describedBy?: string | undefined;
  invalid?: boolean;
  required?: boolean;
  disabled?: boolean;
  /** What the Show button names for screen readers ("Show passphrase"); a password by default. */
  what?: PasswordWhat;
  mono?: boolean;
  name?: string;
}

/** A password input's state, spread onto a PasswordField: what is typed, and the element to refocus. */
export function usePasswordInput(autoComplete: PasswordInputProps['autoComplete']) {
  const [value, onInput] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  return { value, onInput, inputRef, autoComplete };
}

/** For values typed exactly as given (keys, secrets, passwords): no capitalising, correcting or spell-checking. */
export const VERBATIM_INPUT = { autoCapitalize: 'off', autoCorrect: 'off', spellcheck: false } as const;

/** A password field with a Show/Hide toggle. The <label> is the caller's, bound by id. */
export function PasswordInput({
  id,
  value,
  onInput,
  autoComplete,
  inputRef,
  describedBy,
  invalid = false,
  required = false,
  disabled = false,
  what = 'password',
  mono = false,
  name,
}: PasswordInputProps) {
  const [shown, setShown] = useState(false);
  const common = {
    id,
    name,
    ref: inputRef,
    class: mono ? 'input mono' : 'input',
    value,
    onInput: (e: TargetedEvent<HTMLInputElement, Event>) => onInput(e.currentTarget.value),
    autoComplete,
    ...VERBATIM_INPUT,
    'aria-describedby': describedBy,
    'aria-invalid': invalid ? ('true' as const) : undefined,
    required,
    disabled,
  };
  return (
    <div class="input-with-button">
      {/* Two branches only because the typings tie `type` to other props; Preact keeps the same
          element (same position, same tag), so focus and caret survive the toggle. */}
      {shown ? <input type="text" {...common} /> : <input type="password" {...common} />}
      <button
        type="button"
        class="btn btn-ghost btn-small"
        aria-pressed={shown ? 'true' : 'false'}
        aria-label={shown ? TOGGLE_NAMES[what].hide() : TOGGLE_NAMES[what].show()}
        aria-controls={id}
        onClick={() => setShown((s) => !s)}
      >
        {shown ? t('commonHide') : t('commonShow')}
      </button>
    </div>
  );
}

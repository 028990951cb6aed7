import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './generated/contract';

/** The password rules the API enforces, to show (and check) before submitting; the API stays the judge. */
export interface RuleCheck {
  rule: string;
  /** null: only the API can tell (the common-password list is not shipped to the browser). */
  met: boolean | null;
}

export function passwordRules(password: string, username: string, email: string): RuleCheck[] {
  const length = [...password].length;
  const lower = password.toLowerCase();
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  return [
    { rule: `At least ${PASSWORD_MIN_LENGTH} characters`, met: length >= PASSWORD_MIN_LENGTH },
    { rule: `At most ${PASSWORD_MAX_LENGTH} characters`, met: length <= PASSWORD_MAX_LENGTH },
    { rule: 'Does not contain your username', met: username.trim().length < 3 || !lower.includes(username.trim().toLowerCase()) },
    { rule: 'Does not contain your email address', met: !(local.length >= 4 && lower.includes(local)) && !(email.length > 0 && lower.includes(email.toLowerCase())) },
    { rule: 'Not a common password (checked when you sign up)', met: null },
  ];
}

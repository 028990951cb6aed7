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
    { rule: 'At least 12 characters', met: length >= 12 },
    { rule: 'At most 128 characters', met: length <= 128 },
    { rule: 'Does not contain your username', met: username.trim().length < 3 || !lower.includes(username.trim().toLowerCase()) },
    { rule: 'Does not contain your email address', met: local.length < 3 || !lower.includes(local) },
    { rule: 'Not a common password (checked when you sign up)', met: null },
  ];
}

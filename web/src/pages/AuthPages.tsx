import { useState } from 'preact/hooks';
import { api, type TokenAnswer } from '../api';
import { Field, ProblemBox, useAction, useSubmit } from '../forms';
import { passwordRules } from '../passwordRules';
import { navigate } from '../router';
import { startSession } from '../session';

export function LoginPage(props: { next: string }) {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const { busy, submit, formProblem } = useSubmit([], async () => {
    const body = login.includes('@') ? { email: login.trim(), password } : { username: login.trim(), password };
    const tokens = await api.post<TokenAnswer>('/api/auth/token', body);
    startSession(tokens.access_token, tokens.expires_in, login.trim());
    navigate(props.next.startsWith('/') && !props.next.startsWith('//') ? props.next : '/orders', true);
  });

  return (
    <main class="narrow">
      <h1>Log in</h1>
      <form onSubmit={submit} noValidate>
        <ProblemBox message={formProblem?.message} error={formProblem?.error} />
        <Field id="login" label="Username or email">
          <input id="login" name="username" autocomplete="username" required value={login}
            onInput={(e) => setLogin(e.currentTarget.value)} />
        </Field>
        <Field id="password" label="Password">
          <input id="password" name="password" type="password" autocomplete="current-password" required value={password}
            onInput={(e) => setPassword(e.currentTarget.value)} />
        </Field>
        <button type="submit" disabled={busy}>{busy ? 'Logging in…' : 'Log in'}</button>
      </form>
      <p>New here? <a href="/signup">Create an account</a>.</p>
    </main>
  );
}

export function SignupPage() {
  const [email, setEmail] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const rules = passwordRules(password, username, email);
  const { busy, submit, fieldError, formProblem } = useSubmit(['email', 'username', 'password'], async () => {
    await api.post('/api/auth/register', { email: email.trim(), username: username.trim(), password });
    navigate(`/check-mail?email=${encodeURIComponent(email.trim())}`);
  });

  return (
    <main class="narrow">
      <h1>Create an account</h1>
      <form onSubmit={submit} noValidate>
        <ProblemBox message={formProblem?.message} error={formProblem?.error} />
        <Field id="email" label="Email" error={fieldError('email')}>
          <input id="email" type="email" autocomplete="email" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </Field>
        <Field id="username" label="Username" error={fieldError('username')}
          hint="3 to 32 letters, digits, '_', '.' or '-', starting with a letter or digit">
          <input id="username" autocomplete="username" required value={username} aria-describedby="username-hint"
            onInput={(e) => setUsername(e.currentTarget.value)} />
        </Field>
        <Field id="new-password" label="Password" error={fieldError('password')}
          hint={
            <ul class="rules" aria-live="polite">
              {rules.map((r) => (
                <li key={r.rule} class={r.met === null ? '' : r.met ? 'met' : 'unmet'}>
                  <span aria-hidden="true">{r.met ? '✓' : '•'}</span> {r.rule}
                </li>
              ))}
            </ul>
          }>
          <input id="new-password" type="password" autocomplete="new-password" required value={password}
            aria-describedby="new-password-hint" onInput={(e) => setPassword(e.currentTarget.value)} />
        </Field>
        <button type="submit" disabled={busy}>{busy ? 'Creating…' : 'Create account'}</button>
      </form>
      <p>Have an account? <a href="/login">Log in</a>.</p>
    </main>
  );
}

export function CheckMailPage(props: { email: string }) {
  const [sent, setSent] = useState(false);
  const { busy, run, formProblem } = useAction();
  const resend = () => run(async () => {
    await api.post('/api/auth/resend-verification', { email: props.email });
    setSent(true);
  });

  return (
    <main class="narrow">
      <h1>Check your mail</h1>
      <p>We sent a link to <strong>{props.email || 'your address'}</strong>. Open it to confirm your address, then log in.</p>
      <ProblemBox message={formProblem?.message} />
      {props.email && (
        <button type="button" class="secondary" onClick={resend} disabled={sent || busy}>
          {sent ? 'Sent again' : 'Send the link again'}
        </button>
      )}
      <p><a href="/login">Go to log in</a></p>
    </main>
  );
}

/** Mail scanners open links to check them: the address is confirmed only when a person presses the button. */
export function VerifyEmailPage(props: { token: string }) {
  const [done, setDone] = useState(false);
  const { busy, run, formProblem } = useAction();
  const confirm = () => run(async () => {
    await api.post('/api/auth/verify-email', { token: props.token });
    setDone(true);
  });

  return (
    <main class="narrow">
      <h1>Confirm your email address</h1>
      {done ? (
        <p>Your address is confirmed. <a href="/login">Log in</a>.</p>
      ) : (
        <>
          <ProblemBox message={formProblem?.message} />
          {props.token ? (
            <button type="button" onClick={confirm} disabled={busy}>Confirm my email address</button>
          ) : (
            <p>This link has no token; open the link from the email again.</p>
          )}
        </>
      )}
    </main>
  );
}

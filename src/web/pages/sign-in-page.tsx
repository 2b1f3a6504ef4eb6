import { Button, Col, Heading, Row, TextInput } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api/client.js';
import { useSession } from '../auth/session.js';
import { type FieldError, FormErrorSummary, useFormErrors } from '../components/form-errors.js';
import { usePageTitle } from '../components/page-states.js';

/** Where to go after signing in: the page that sent the person here, or the overview. */
function useReturnPath(): string {
  const state = useLocation().state as { from?: string } | null;
  return state?.from && state.from.startsWith('/') && !state.from.startsWith('/sign-in') ? state.from : '/';
}

export function SignInPage() {
  const { user, signIn } = useSession();
  const navigate = useNavigate();
  const returnPath = useReturnPath();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFormErrors();
  usePageTitle(form.errors.length ? 'Error: Sign in' : 'Sign in');

  if (user && !busy) return <Navigate to={returnPath} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (!email.trim()) problems.push({ field: 'email', message: 'Enter your email address' });
    if (!password) problems.push({ field: 'password', message: 'Enter your password' });
    if (problems.length) return form.show(problems);
    setBusy(true);
    try {
      await signIn(email.trim(), password);
      form.clear();
      navigate(returnPath, { replace: true, state: { signedIn: true } });
    } catch (error) {
      const message = error instanceof ApiError ? error.message : 'Sign in failed. Try again.';
      // A refused sign-in never says which of the two was wrong; the summary links to the first box.
      form.show([{ field: error instanceof ApiError && error.status === 429 ? undefined : 'email', message }]);
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Row>
      <Col width="two-thirds">
        <FormErrorSummary errors={form.errors} attempt={form.attempt} />
        <Heading headingLevel="h1">Sign in to atscale</Heading>
        <p className="nhsuk-body">Use the email address and password your federation gave you.</p>
        <form onSubmit={submit} noValidate>
          <TextInput id="email" name="email" label="Email address" type="email" autoComplete="username" spellCheck={false} value={email} onChange={(e) => setEmail(e.target.value)} error={form.fieldError('email')} />
          <TextInput id="password" name="password" label="Password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} error={form.fieldError('password')} />
          <Button type="submit" disabled={busy}>
            Sign in
          </Button>
        </form>
      </Col>
    </Row>
  );
}

import { render } from 'preact';
import { App } from './app';
import { keepSessionFresh, restoreSession } from './auth';
import './generated/statuses.css';
import './styles.css';

keepSessionFresh();
// A reload keeps you signed in: the HttpOnly refresh cookie buys a new access token before the first page renders
// (asked for only when this browser signed in: a first visit makes no request that can only fail).
void restoreSession().finally(() => render(<App />, document.getElementById('app')!));

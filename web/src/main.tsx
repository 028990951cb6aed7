import { render } from 'preact';
import { App } from './app';
import { keepSessionFresh, refreshSession } from './auth';
import './styles.css';

keepSessionFresh();
// A reload keeps you signed in: the HttpOnly refresh cookie buys a new access token before the first page renders.
void refreshSession().finally(() => render(<App />, document.getElementById('app')!));

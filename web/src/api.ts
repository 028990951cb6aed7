import { ApiError, problemOf } from './problem';
import { endSession, session } from './session';

/** Tells the API this is the web app: its refresh token then travels only in an HttpOnly cookie. */
export const CLIENT_HEADER = 'x-orderchainer-client';

/**
 * The API's JSON over fetch: bearer token from the session, problems thrown as ApiError. A 401 on a
 * signed-in call gets one chance: {@link onUnauthorized} (a refresh) and the call once more; then the
 * session ends.
 */
export class ApiClient {
  onUnauthorized: (() => Promise<boolean>) | null = null;

  constructor(private readonly fetcher: typeof fetch = (input, init) => fetch(input, init), private readonly base = '') {}

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    try {
      return await this.send<T>(method, path, body);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401 && session() && this.onUnauthorized && (await this.onUnauthorized())) {
        return this.send<T>(method, path, body);
      }
      if (error instanceof ApiError && error.status === 401 && session()) {
        endSession();
      }
      throw error;
    }
  }

  /** One call, no retry (the refresh itself goes through here). */
  async send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', [CLIENT_HEADER]: 'web' };
    const token = session()?.accessToken;
    if (token) {
      headers.authorization = `Bearer ${token}`;
    }
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
    }
    let response: Response;
    try {
      response = await this.fetcher(this.base + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
      });
    } catch {
      throw new ApiError({ status: 0, detail: 'The service could not be reached; check your connection and try again.' });
    }
    if (!response.ok) {
      throw new ApiError(await problemOf(response));
    }
    if (response.status === 204) {
      return undefined as T;
    }
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PUT', path, body);
  }

  delete(path: string): Promise<void> {
    return this.request<void>('DELETE', path);
  }
}

export const api = new ApiClient();

import type { Status } from './generated/contract';

export type { Status } from './generated/contract';
export { NEXT_STATUSES } from './generated/contract';

export interface Order {
  id: string;
  title: string;
  description: string;
  status: Status;
  dependencies: string[];
  dependents: string[];
  blocked_by: string[];
  blocked_by_failure: string[];
  auto_activate: boolean;
  created_at: string;
  updated_at: string;
  version: number;
  /** A member's user id, or null: unassigned. */
  assignee: string | null;
  created_by: string;
  updated_by: string;
}

export interface OrderPage {
  items: Order[];
  next_cursor: string | null;
}

export interface TokenAnswer {
  access_token: string;
  token_type: string;
  expires_in: number;
}


export interface Graph {
  nodes: { id: string; title: string; status: Status; assignee?: string | null }[];
  edges: { dependency: string; dependent: string }[];
  topological_order: string[];
  critical_path: string[];
}

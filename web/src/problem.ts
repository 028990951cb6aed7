/** An RFC 9457 problem document as the API sends it, with the extension members it may carry. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail: string;
  instance?: string;
  /** The request field the problem is about (400s on text fields). */
  field?: string;
  [extension: string]: unknown;
}

/** A non-2xx answer of the API: the problem document, or one made up for a non-problem answer. */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  /** Order ids the problem names (blockers, dependents, a cycle, missing dependencies), for links. */
  orderIds(): string[] {
    for (const key of ['blocked_by', 'dependents', 'cycle', 'missing', 'full']) {
      const value = this.problem[key];
      if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
        return [...new Set(value as string[])];
      }
    }
    return [];
  }
}

/** Reads an answer's problem; answers that are not problem+json (a proxy's page, a gateway's JSON) still become one. */
export async function problemOf(response: Response): Promise<Problem> {
  const type = response.headers.get('content-type') ?? '';
  const text = await response.text();
  if (type.includes('json') && text) {
    try {
      const body = JSON.parse(text) as Record<string, unknown>;
      const detail = typeof body.detail === 'string' ? body.detail : typeof body.message === 'string' ? body.message : '';
      return { ...body, status: response.status, detail: detail || statusText(response.status) };
    } catch {
      // fall through to the plain answer
    }
  }
  return { status: response.status, detail: statusText(response.status) };
}

function statusText(status: number): string {
  if (status === 0) return 'The service could not be reached; check your connection and try again.';
  if (status === 429) return 'Too many requests; wait a moment and try again.';
  if (status >= 500) return 'The service is briefly unavailable; try again shortly.';
  return `The request failed (${status}).`;
}

import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError } from './problem';

/** A labelled input whose error (a problem naming this field) is shown beside it and announced. */
export function Field(props: {
  id: string;
  label: string;
  error?: string;
  hint?: ComponentChildren;
  children: ComponentChildren;
}) {
  return (
    <div class={props.error ? 'field invalid' : 'field'}>
      <label for={props.id}>{props.label}</label>
      {props.children}
      {props.hint && <div class="hint" id={`${props.id}-hint`}>{props.hint}</div>}
      {props.error && (
        <div class="error" id={`${props.id}-error`} role="alert">
          {props.error}
        </div>
      )}
    </div>
  );
}

/** Where a problem belongs: beside its field when it names one of the form's fields, else above the form. */
export function placeProblem(error: unknown, fields: string[]): { field?: string; message: string; error?: ApiError } {
  if (error instanceof ApiError) {
    const field = error.problem.field;
    if (field && fields.includes(field)) {
      return { field, message: error.problem.detail, error };
    }
    return { message: error.problem.detail, error };
  }
  return { message: 'Something went wrong; try again.' };
}

export type PlacedProblem = ReturnType<typeof placeProblem>;

/**
 * A form's submission: busy while it runs, its problem placed beside the field it names (one of
 * {@code fields}) or above the form. Every form of the app submits through this.
 */
export function useSubmit(fields: string[], action: () => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<PlacedProblem | null>(null);
  async function submit(event?: Event) {
    event?.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await action();
    } catch (error) {
      setProblem(placeProblem(error, fields));
    } finally {
      setBusy(false);
    }
  }
  const fieldError = (name: string) => (problem?.field === name ? problem.message : undefined);
  /** The problem to show above the form: one not shown beside a field. */
  const formProblem = problem?.field ? null : problem;
  return { busy, submit, fieldError, formProblem };
}

/** A form-level problem, with links to the orders it names (blockers, dependents, a cycle). */
export function ProblemBox(props: { message?: string; error?: ApiError }) {
  if (!props.message) {
    return null;
  }
  const ids = props.error?.orderIds() ?? [];
  return (
    <div class="problem" role="alert">
      <p>{props.message}</p>
      {ids.length > 0 && (
        <ul class="order-links">
          {ids.map((id) => (
            <li key={id}>
              <a href={`/orders/${encodeURIComponent(id)}`}>{id}</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

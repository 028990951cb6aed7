import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { OrderRefs } from './orders/parts';
import { ApiError } from './problem';
import { isWorkspaceGone, WORKSPACE_GONE } from './workspace';

/** Fired when the API says the current workspace is gone for this user: the header reloads the workspace list. */
export const WORKSPACE_GONE_EVENT = 'orderchainer:workspace-gone';

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
  if (error instanceof ApiError && isWorkspaceGone(error.status, error.problem.detail)) {
    dispatchEvent(new Event(WORKSPACE_GONE_EVENT));
    return { message: WORKSPACE_GONE, error };
  }
  if (error instanceof ApiError) {
    // "dependencies[2]" or "notifications.order_created" belong beside the form's top-level field.
    const field = error.problem.field?.split(/[.[]/)[0];
    if (field && fields.includes(field)) {
      return { field, message: error.problem.detail, error };
    }
    return { message: error.problem.detail, error };
  }
  return { message: 'Something went wrong; try again.' };
}

export type PlacedProblem = ReturnType<typeof placeProblem>;

/**
 * Actions a page runs (a form's submission, a button's change): busy while one runs, its problem
 * placed beside the field it names (one of {@code fields}) or above the form. Every form and action
 * button of the app goes through this.
 */
export function useAction(fields: string[] = []) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<PlacedProblem | null>(null);
  async function run(action: () => Promise<void>) {
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
  return { busy, run, fieldError, formProblem };
}

/** A form's submission through {@link useAction}. */
export function useSubmit(fields: string[], action: () => Promise<void>) {
  const state = useAction(fields);
  const submit = (event?: Event) => {
    event?.preventDefault();
    return state.run(action);
  };
  return { ...state, submit };
}

/** A form-level problem, with links to the orders it names (blockers, dependents, a cycle) by title. */
export function ProblemBox(props: { message?: string; error?: ApiError }) {
  if (!props.message) {
    return null;
  }
  return (
    <div class="problem" role="alert">
      <p>{props.message}</p>
      <OrderRefs ids={props.error?.orderIds() ?? []} label="Orders named" />
    </div>
  );
}

import { useState } from 'preact/hooks';
import { Field, ProblemBox, useSubmit } from '../forms';
import { ORDER_DESCRIPTION_MAX, ORDER_TITLE_MAX } from '../generated/contract';
import { DependencyPicker } from './DependencyPicker';
import { OrderRefs } from './parts';

export interface OrderFields {
  title: string;
  description: string;
  dependencies: string[];
  auto_activate: boolean;
}

/** Title, description and dependencies of an order, for a new one or an edit of an existing one. */
export function OrderForm(props: {
  initial: OrderFields;
  self?: string;
  /** Why the dependencies cannot change now (the API allows it only while pending or failed). */
  dependenciesLocked?: string;
  submitLabel: string;
  busyLabel: string;
  onSubmit: (fields: OrderFields) => Promise<void>;
  onCancel?: () => void;
}) {
  const [title, setTitle] = useState(props.initial.title);
  const [description, setDescription] = useState(props.initial.description);
  const [dependencies, setDependencies] = useState(props.initial.dependencies);
  const [autoActivate, setAutoActivate] = useState(props.initial.auto_activate);
  const { busy, submit, fieldError, formProblem } = useSubmit(['title', 'description', 'dependencies'], () =>
    props.onSubmit({ title, description, dependencies, auto_activate: autoActivate }),
  );

  return (
    <form onSubmit={submit} noValidate class="order-form">
      <ProblemBox message={formProblem?.message} error={formProblem?.error} />
      <Field id="title" label="Title" error={fieldError('title')}>
        <input id="title" required maxLength={ORDER_TITLE_MAX} value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
      </Field>
      <Field id="description" label="Description" error={fieldError('description')}>
        <textarea id="description" rows={5} maxLength={ORDER_DESCRIPTION_MAX} value={description}
          onInput={(e) => setDescription(e.currentTarget.value)} />
      </Field>
      {props.dependenciesLocked ? (
        <fieldset class="picker">
          <legend>Depends on</legend>
          <p class="muted">{props.dependenciesLocked}</p>
          <OrderRefs ids={dependencies} label="Depends on" />
        </fieldset>
      ) : (
        <DependencyPicker value={dependencies} onChange={setDependencies} self={props.self} error={fieldError('dependencies')} />
      )}
      <div class="check">
        <input id="auto-activate" type="checkbox" checked={autoActivate} onChange={(e) => setAutoActivate(e.currentTarget.checked)} />
        <label for="auto-activate">Start it by itself once every dependency is completed</label>
      </div>
      <div class="actions">
        <button type="submit" disabled={busy}>{busy ? props.busyLabel : props.submitLabel}</button>
        {props.onCancel && <button type="button" class="secondary" onClick={props.onCancel}>Cancel</button>}
      </div>
    </form>
  );
}

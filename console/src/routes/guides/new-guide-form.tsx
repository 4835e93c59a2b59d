import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, api, type RequestBody, read } from '../../api';

type Template = NonNullable<RequestBody<'/guides', 'post'>['template']>;

/** The built-in templates (api/src/guides/templates) and a blank start. */
const starts: { key: Template; label: string }[] = [
  { key: 'blank', label: 'Blank' },
  { key: 'onboarding', label: 'Onboarding intake' },
  { key: 'health_pulse', label: 'Health pulse' },
  { key: 'churn_risk', label: 'Churn-risk early warning' },
  { key: 'pre_renewal', label: 'Pre-renewal value perception' },
  { key: 'expansion', label: 'Expansion discovery' },
  { key: 'feature_launch', label: 'Feature-launch feedback' },
];

/** Names a new guide and picks where it starts; then opens it in the editor. */
export function NewGuideForm({ onCancel }: { onCancel: () => void }) {
  const ids = useId();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [template, setTemplate] = useState<Template>('blank');
  const create = useMutation({
    mutationFn: () => read(api.POST('/guides', { body: { name, template } })),
    onSuccess: (guide) => {
      queryClient.invalidateQueries({ queryKey: ['guides'] });
      navigate(`/guides/${guide.id}`);
    },
  });
  // The server names the field at fault ("name: Too small…"); show it beside that field.
  const message = create.error instanceof ApiError ? create.error.message : create.error ? 'Something went wrong.' : '';
  const [field, text] = /^(name|template): (.*)$/.exec(message)?.slice(1) ?? [null, message];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <form className="card form trigger-form" onSubmit={submit} aria-labelledby={`${ids}-h`} noValidate>
      <h2 id={`${ids}-h`}>New guide</h2>
      <div className="field">
        <label htmlFor={`${ids}-name`}>Name</label>
        <input
          id={`${ids}-name`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={field === 'name' || undefined}
          aria-describedby={field === 'name' ? `${ids}-error` : undefined}
        />
        {field === 'name' ? (
          <span className="field-error" id={`${ids}-error`}>
            {text}
          </span>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={`${ids}-template`}>Start from</label>
        <select id={`${ids}-template`} value={template} onChange={(e) => setTemplate(e.target.value as Template)}>
          {starts.map((s) => (
            <option key={s.key} value={s.key}>
              {s.label}
            </option>
          ))}
        </select>
        {field === 'template' ? <span className="field-error">{text}</span> : null}
      </div>
      {text && !field ? (
        <p className="form-error" role="alert">
          {create.error instanceof ApiError && create.error.status === 403 ? 'Only admins can create guides.' : text}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create guide'}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

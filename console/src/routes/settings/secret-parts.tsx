import type { ReactNode } from 'react';
import { ApiError } from '../../api';
import { CopyButton } from '../../components/copy-button';

/** A value in a monospace box with its copy button. */
export function KeyBox({ value, what, masked }: { value: string; what: string; masked?: string }) {
  return (
    <div className="key-box">
      {masked ? (
        <code className="key-value masked">
          <span aria-hidden="true">{masked}</span>
          <span className="visually-hidden">{what}, hidden</span>
        </code>
      ) : (
        <code className="key-value">{value}</code>
      )}
      {masked ? null : <CopyButton text={value} what={what} />}
    </div>
  );
}

/** A prefix followed by dots: enough to tell keys apart, nothing to use. */
export const maskKey = (prefix: string) => `${prefix.replace(/…$/, '')}${'•'.repeat(24)}`;

/** A freshly issued secret, shown once with a warning to store it now. */
export function SecretOnce({
  title,
  value,
  what,
  onDone,
  children,
}: {
  title: string;
  value: string;
  what: string;
  onDone: () => void;
  children?: ReactNode;
}) {
  return (
    <div className="secret-once" role="status">
      <strong>{title}</strong>
      <p>{children ?? 'Copy it now and store it safely: it will not be shown again.'}</p>
      <KeyBox value={value} what={what} />
      <button type="button" className="button button-small" onClick={onDone}>
        I have stored it
      </button>
    </div>
  );
}

/** A failed action's message, from the server's error when there is one. */
export function ActionError({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  return (
    <p className="form-error" role="alert">
      {error instanceof ApiError && error.status === 403 ? 'Only admins can do this.' : message}
    </p>
  );
}

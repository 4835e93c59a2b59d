import { useState } from 'react';
import { api, read } from '../api';

/** Ends the session on the server (cookie cleared there), then leaves for the sign-in page. */
export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  return (
    <button
      type="button"
      className="sign-out"
      disabled={busy}
      title={failed ? 'Signing out failed. Try again.' : undefined}
      onClick={async () => {
        setBusy(true);
        setFailed(false);
        try {
          await read(api.POST('/sign-out'));
          window.location.assign('/login?reason=signed_out');
        } catch {
          setFailed(true);
          setBusy(false);
        }
      }}
    >
      {failed ? 'Retry sign out' : 'Sign out'}
    </button>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, read, type Schemas } from '../../api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { formatDay } from '../../components/format';
import { ActionError, KeyBox, maskKey, SecretOnce } from './secret-parts';

type SettingsOverview = Schemas['SettingsOverview'];

type Confirming = 'secret' | 'identity' | 'publishable' | 'test-mode' | null;

/** API keys: the publishable key in full, the secret key masked and rotatable, the identity secret. */
export function KeysTab({ settings }: { settings: SettingsOverview }) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['settings'] });
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [fresh, setFresh] = useState<{ kind: 'secret' | 'identity'; value: string } | null>(null);
  const [identity, setIdentity] = useState<string | null>(null);

  const rotateSecret = useMutation({
    mutationFn: () => read(api.POST('/settings/keys/secret/rotate', { body: { confirm: true } })),
    onSuccess: (r) => {
      setConfirming(null);
      setFresh({ kind: 'secret', value: r.secret_key });
      refresh();
    },
  });
  const issuePublishable = useMutation({
    mutationFn: () => read(api.POST('/settings/keys/publishable', { body: { confirm: true } })),
    onSuccess: () => {
      setConfirming(null);
      refresh();
    },
  });
  const revealIdentity = useMutation({
    mutationFn: () => read(api.POST('/settings/identity-secret/reveal')),
    onSuccess: (r) => setIdentity(r.identity_secret),
  });
  const rotateIdentity = useMutation({
    mutationFn: () => read(api.POST('/settings/identity-secret/rotate', { body: { confirm: true } })),
    onSuccess: (r) => {
      setConfirming(null);
      setIdentity(null);
      setFresh({ kind: 'identity', value: r.identity_secret });
    },
  });
  const verification = useMutation({
    mutationFn: (on: boolean) => read(api.PATCH('/settings/workspace', { body: { identity_verification: on } })),
    onSuccess: (saved) => {
      setConfirming(null);
      queryClient.setQueryData<SettingsOverview>(['settings'], (old) =>
        old ? { ...old, workspace: { ...old.workspace, ...saved } } : old,
      );
    },
  });

  const { publishable, secret } = settings.keys;
  const verified = verification.isPending ? verification.variables : settings.workspace.identity_verification;

  return (
    <div className="settings-stack">
      <section className="card" aria-labelledby="pk-h">
        <div className="card-title">
          <div>
            <h2 id="pk-h">Publishable key</h2>
            <p className="meta">Identifies your workspace to the widget. Safe to ship in web pages.</p>
          </div>
          <span className="pill pill-good">Active</span>
        </div>
        {publishable?.key ? (
          <KeyBox value={publishable.key} what="Publishable key" />
        ) : (
          <>
            <KeyBox value="" what="Publishable key" masked={maskKey(publishable?.display_prefix ?? 'pk_')} />
            <p className="meta">
              This key was issued before keys were kept readable. Issue a new one to see it here; the old one keeps
              working in pages that already use it.
            </p>
            <button type="button" className="button" onClick={() => setConfirming('publishable')}>
              Issue a readable publishable key
            </button>
          </>
        )}
        {publishable?.created_at ? <p className="meta">Created {formatDay(publishable.created_at)}</p> : null}
      </section>

      <section className="card" aria-labelledby="sk-h">
        <div className="card-title">
          <div>
            <h2 id="sk-h">Secret key</h2>
            <p className="meta">
              Authenticates your servers to the server API (<code>Authorization: Bearer sk_…</code>). Never put it in a
              browser.
            </p>
          </div>
          <button type="button" className="button button-danger-outline" onClick={() => setConfirming('secret')}>
            Rotate secret key
          </button>
        </div>
        {fresh?.kind === 'secret' ? (
          <SecretOnce
            title="Your new secret key"
            value={fresh.value}
            what="New secret key"
            onDone={() => setFresh(null)}
          >
            The previous key has stopped working. Copy this one into your servers now: it will not be shown again.
          </SecretOnce>
        ) : (
          <KeyBox value="" what="Secret key" masked={maskKey(secret?.display_prefix ?? 'sk_')} />
        )}
        <p className="meta">
          Only the first characters are stored in readable form.
          {secret?.created_at ? ` Issued ${formatDay(secret.created_at)}.` : ''}
        </p>
      </section>

      <section className="card" aria-labelledby="id-h">
        <div className="card-title">
          <div>
            <h2 id="id-h">Identity secret</h2>
            <p className="meta">
              Your server signs each user with it (the widget's <code>token</code> or <code>userHash</code>), so nobody
              can pose as one of your users.
            </p>
          </div>
          <button type="button" className="button button-danger-outline" onClick={() => setConfirming('identity')}>
            Rotate identity secret
          </button>
        </div>
        {fresh?.kind === 'identity' ? (
          <SecretOnce
            title="Your new identity secret"
            value={fresh.value}
            what="New identity secret"
            onDone={() => setFresh(null)}
          >
            Tokens and userHash values made with the previous secret no longer match. Update CANDOR_IDENTITY_SECRET on
            your servers now.
          </SecretOnce>
        ) : identity ? (
          <div className="inline-actions">
            <KeyBox value={identity} what="Identity secret" />
            <button type="button" className="button button-small" onClick={() => setIdentity(null)}>
              Hide
            </button>
          </div>
        ) : (
          <div className="inline-actions">
            <KeyBox value="" what="Identity secret" masked={'•'.repeat(32)} />
            <button
              type="button"
              className="button button-small"
              onClick={() => revealIdentity.mutate()}
              disabled={revealIdentity.isPending}
            >
              {revealIdentity.isPending ? 'Revealing…' : 'Reveal'}
            </button>
          </div>
        )}
        <ActionError error={revealIdentity.error} />
        <div className="switch-row">
          <label className="switch">
            <input
              type="checkbox"
              checked={!verified}
              // Leaving test mode is always safe; entering it is confirmed first.
              onChange={(e) => (e.target.checked ? setConfirming('test-mode') : verification.mutate(true))}
              disabled={verification.isPending}
            />
            <span className="switch-track" aria-hidden="true" />
            <span>
              <strong>Test mode (identity not verified)</strong>
              <small>
                {verified
                  ? 'Off: identity verification is on. The widget refuses users without a valid token or userHash, and stores nothing for them.'
                  : 'On: the widget trusts the user id your page sends. Turn test mode off once your server signs users.'}
              </small>
            </span>
          </label>
        </div>
        {verified ? null : (
          <p className="notice notice-warn" role="status">
            <strong>Test mode is on.</strong> Anyone who has your publishable key (it is in your web pages) can open the
            widget as any user id and create contacts. Known contacts' email and account never change from an unsigned
            page, but answers can be given in their name. Do not use test mode with real customers.
          </p>
        )}
        <ActionError error={verification.error} />
      </section>

      <ConfirmDialog
        open={confirming === 'secret'}
        title="Rotate the secret key?"
        confirmLabel="Rotate key"
        danger
        busy={rotateSecret.isPending}
        error={rotateSecret.error?.message}
        onConfirm={() => rotateSecret.mutate()}
        onCancel={() => setConfirming(null)}
      >
        <p>
          The current key stops working <strong>immediately</strong>: every server still using it gets 401 until you
          give it the new key, which is shown once.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming === 'identity'}
        title="Rotate the identity secret?"
        confirmLabel="Rotate secret"
        danger
        busy={rotateIdentity.isPending}
        error={rotateIdentity.error?.message}
        onConfirm={() => rotateIdentity.mutate()}
        onCancel={() => setConfirming(null)}
      >
        <p>
          Tokens and userHash values made with the current secret stop matching at once.
          {settings.workspace.identity_verification
            ? ' Verification is on, so users will be refused until your servers use the new secret.'
            : ''}
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming === 'test-mode'}
        title="Switch identity verification off?"
        confirmLabel="Use test mode"
        danger
        busy={verification.isPending}
        error={verification.error?.message}
        onConfirm={() => verification.mutate(false)}
        onCancel={() => setConfirming(null)}
      >
        <p>
          In test mode the widget accepts any user id a page sends, unsigned. Anyone with your publishable key can then
          answer interviews as one of your users. Use it only to try the widget out.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming === 'publishable'}
        title="Issue a new publishable key?"
        confirmLabel="Issue key"
        busy={issuePublishable.isPending}
        error={issuePublishable.error?.message}
        onConfirm={() => issuePublishable.mutate()}
        onCancel={() => setConfirming(null)}
      >
        <p>The new key is shown here and in the install snippet. Existing keys keep working.</p>
      </ConfirmDialog>
    </div>
  );
}

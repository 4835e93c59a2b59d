import { useState } from 'react';
import { Link } from 'react-router';
import type { Schemas } from '../../api';
import { CopyButton } from '../../components/copy-button';
import {
  type IdentityForm,
  identityForms,
  identityTokenSnippet,
  type ServerLanguage,
  serverLanguages,
  userHashSnippet,
  widgetSnippet,
} from './snippets';

function CodeBlock({ code, what, label }: { code: string; what: string; label: string }) {
  return (
    <div className="code-block">
      <div className="code-block-bar">
        <span>{label}</span>
        <CopyButton text={code} what={what} />
      </div>
      <pre>
        <code>{code}</code>
      </pre>
    </div>
  );
}

/** The widget install: the script tag with this workspace's key and the server code that signs each user. */
export function InstallTab({ settings }: { settings: Schemas['SettingsOverview'] }) {
  const [language, setLanguage] = useState<ServerLanguage>('node');
  const [form, setForm] = useState<IdentityForm>('token');
  const languageLabel = serverLanguages.find((l) => l.id === language)?.label ?? '';
  const key = settings.keys.publishable?.key;
  const verified = settings.workspace.identity_verification;
  return (
    <div className="settings-stack">
      <section className="card" aria-labelledby="install-1">
        <div className="step-head">
          <span className="step" aria-hidden="true">
            1
          </span>
          <div>
            <h2 id="install-1">Add the widget to your app</h2>
            <p className="meta">
              Paste before <code>&lt;/body&gt;</code> on pages where signed-in users should be able to answer. It loads
              asynchronously, never restyles your page and works under a Content-Security-Policy that allows{' '}
              <code>{settings.public_url}</code>.
            </p>
          </div>
        </div>
        <fieldset className="segmented">
          <legend className="visually-hidden">How your page signs its user</legend>
          {identityForms.map((f) => (
            <button key={f.id} type="button" aria-pressed={form === f.id} onClick={() => setForm(f.id)}>
              {f.label}
            </button>
          ))}
        </fieldset>
        {key ? (
          <CodeBlock code={widgetSnippet(settings.public_url, key, form)} what="Widget snippet" label="HTML" />
        ) : (
          <p className="notice">
            Your publishable key is not readable yet. <Link to="/settings?tab=keys">Issue a readable key</Link> to get a
            ready-to-paste snippet.
          </p>
        )}
      </section>

      <section className="card" aria-labelledby="install-2">
        <div className="step-head">
          <span className="step" aria-hidden="true">
            2
          </span>
          <div>
            <h2 id="install-2">Sign each user on your server</h2>
            {form === 'token' ? (
              <p className="meta">
                <code>token</code> is a JWT (HS256) signed with your identity secret. Its claims are <code>sub</code>{' '}
                (user id), <code>email</code>, <code>name</code>, <code>account</code> (id, or id and name) and{' '}
                <code>exp</code>, required and at most 24 hours ahead. Because it signs all of them, it is the only form
                that may change a known user's email or account, or an account's name.
              </p>
            ) : (
              <p className="meta">
                <code>userHash</code> is HMAC-SHA256 of the user id under your identity secret, in hex. It signs the
                user id only: a new user is created with the email and account the page sends, but a known user's email
                and account, and account names, never change from the page. Use a token for that.
              </p>
            )}
            <p className="meta">
              Compute it on your server and render it into the page; keep the secret in{' '}
              <code>CANDOR_IDENTITY_SECRET</code>, never in the browser.
            </p>
          </div>
        </div>
        <fieldset className="segmented">
          <legend className="visually-hidden">Server language</legend>
          {serverLanguages.map((l) => (
            <button key={l.id} type="button" aria-pressed={language === l.id} onClick={() => setLanguage(l.id)}>
              {l.label}
            </button>
          ))}
        </fieldset>
        <CodeBlock
          code={form === 'token' ? identityTokenSnippet(language) : userHashSnippet(language)}
          what={`${languageLabel} ${form === 'token' ? 'identity token' : 'userHash'} code`}
          label={languageLabel}
        />
      </section>

      <section className="card" aria-labelledby="install-3">
        <div className="step-head">
          <span className="step" aria-hidden="true">
            3
          </span>
          <div>
            <h2 id="install-3">Keep identity verification on</h2>
            <p className="meta">
              With verification on, the widget refuses a user whose page sends no valid token or userHash, so nobody can
              answer as someone else. Test mode switches it off for trying the widget out.
            </p>
          </div>
        </div>
        <p>
          Identity verification is{' '}
          <span className={`pill ${verified ? 'pill-good' : 'pill-warn'}`}>{verified ? 'On' : 'Off (test mode)'}</span>{' '}
          <Link to="/settings?tab=keys">{verified ? 'Manage' : 'Turn it on'} under API keys</Link>
        </p>
      </section>
    </div>
  );
}

import { useState } from 'react';
import { Link } from 'react-router';
import { CopyButton } from '../../components/copy-button';
import type { SettingsOverview } from './settings-types';
import { type ServerLanguage, serverLanguages, userHashSnippet, widgetSnippet } from './snippets';

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

/** The widget install: the script tag with this workspace's key and the server code for userHash. */
export function InstallTab({ settings }: { settings: SettingsOverview }) {
  const [language, setLanguage] = useState<ServerLanguage>('node');
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
        {key ? (
          <CodeBlock code={widgetSnippet(settings.public_url, key)} what="Widget snippet" label="HTML" />
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
            <p className="meta">
              <code>userHash</code> is HMAC-SHA256 of the user id under your identity secret, in hex. Compute it on your
              server and render it into the page; keep the secret in <code>CANDOR_IDENTITY_SECRET</code>, never in the
              browser.
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
          code={userHashSnippet(language)}
          what={`${serverLanguages.find((l) => l.id === language)?.label} userHash code`}
          label={serverLanguages.find((l) => l.id === language)?.label ?? ''}
        />
      </section>

      <section className="card" aria-labelledby="install-3">
        <div className="step-head">
          <span className="step" aria-hidden="true">
            3
          </span>
          <div>
            <h2 id="install-3">Turn on identity verification</h2>
            <p className="meta">
              Once your pages send <code>userHash</code>, require it so nobody can answer as someone else.
            </p>
          </div>
        </div>
        <p>
          Identity verification is{' '}
          <span className={`pill ${verified ? 'pill-good' : 'pill-warn'}`}>{verified ? 'On' : 'Off'}</span>{' '}
          <Link to="/settings?tab=keys">{verified ? 'Manage' : 'Turn it on'} under API keys</Link>
        </p>
      </section>
    </div>
  );
}

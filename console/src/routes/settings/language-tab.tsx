import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { api, read, type Schemas } from '../../api';
import { ActionError } from './secret-parts';

type SettingsOverview = Schemas['SettingsOverview'];
// The select offers the server's languages only.
type Language = SettingsOverview['workspace']['default_language'];

/** The workspace's default interview language, and how an interview's language is chosen. */
export function LanguageTab({ settings }: { settings: SettingsOverview }) {
  const queryClient = useQueryClient();
  const selectId = useId();
  const saved = settings.workspace.default_language;
  const [language, setLanguage] = useState(saved);
  const nameOf = (code: string) => settings.languages.find((l) => l.code === code)?.name ?? code;
  const save = useMutation({
    mutationFn: () => read(api.PATCH('/settings/workspace', { body: { default_language: language } })),
    onSuccess: (saved) =>
      queryClient.setQueryData<SettingsOverview>(['settings'], (old) =>
        old ? { ...old, workspace: { ...old.workspace, ...saved } } : old,
      ),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <div className="settings-stack">
      <form className="card form" onSubmit={submit} aria-labelledby="language-h">
        <div className="card-title">
          <div>
            <h2 id="language-h">Interview language</h2>
            <p className="meta">
              Each interview speaks the customer's language: the contact's locale from your API, else their browser's
              language, else this default.
            </p>
          </div>
          <span className="pill pill-neutral">Default: {nameOf(saved)}</span>
        </div>
        <div className="inline-form">
          <div className="field">
            <label htmlFor={selectId}>Default language</label>
            <select id={selectId} value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
              {settings.languages.map((l) => (
                <option key={l.code} value={l.code}>
                  {l.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button-primary" disabled={save.isPending || language === saved}>
            {save.isPending ? 'Saving…' : 'Save language'}
          </button>
        </div>
        <ActionError error={save.error} />
        {save.isSuccess ? (
          <p className="form-success" role="status">
            Saved. New interviews default to {nameOf(save.data.default_language)}.
          </p>
        ) : null}
      </form>
      <section className="card" aria-labelledby="language-how-h">
        <h2 id="language-how-h">What is translated</h2>
        <ul className="bullets">
          <li>
            The six built-in guides, the widget and hosted page, invitation and reminder emails and the interviewer's
            own lines exist in English, Deutsch, Français, Español, Português and 日本語.
          </li>
          <li>
            A guide's lines that still read as the built-in template wrote them are asked in the interview's language;
            lines your team wrote or edited are asked as written.
          </li>
          <li>
            With the AI interviewer, a customer who switches language is followed, closing line included. A guide set to
            the "workspace" language policy always speaks this default.
          </li>
        </ul>
      </section>
    </div>
  );
}

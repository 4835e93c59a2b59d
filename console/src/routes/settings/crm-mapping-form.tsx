import type { CandorAccountField, CrmSettingsInput } from '@candor/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { api, type ResponseBody, read } from '../../api';
import { ActionError } from './secret-parts';

/*
 * A CRM connector's mapping, as the API stores it (`crmSettings` in shared/): what comes in
 * on the hourly sync, which CRM property each of Candor's figures is written to, and where
 * the onboarding interview's answers go. A property left empty is not read or written.
 */

// Every figure the API can write has its label: a new one fails to compile until it is named here.
const outLabels: Record<CandorAccountField, string> = {
  health: 'Health',
  churn_reasons: 'Top churn reasons',
  last_interview_at: 'Last interview',
  nps: 'NPS',
  brief_url: 'Renewal brief link',
};
// Types only from the contract: the console bundle does not carry its schemas.
const outFields = Object.entries(outLabels) as [CandorAccountField, string][];

const syncFields = [
  ['id_property', 'Your account id', 'default: the CRM record id'],
  ['arr_property', 'ARR', 'default: annual revenue'],
  ['renewal_property', 'Renewal date', 'not read when empty'],
  ['plan_property', 'Plan', 'not read when empty'],
] as const;

// The onboarding template's topics; a custom guide's own keys can be added in the list too.
const intakeTopics = ['goals', 'use_cases', 'stack', 'success_criteria', 'stakeholders'];

const blankToNull = (v: string) => (v.trim() === '' ? null : v.trim());
const filled = (r: Record<string, string>) =>
  Object.fromEntries(Object.entries(r).flatMap(([k, v]) => (v.trim() ? [[k, v.trim()]] : [])));

export function CrmMappingForm({ kind, settings }: { kind: 'hubspot' | 'salesforce'; settings: CrmSettingsInput }) {
  const queryClient = useQueryClient();
  const id = useId();
  const sync = settings.sync ?? {};
  const [syncOn, setSyncOn] = useState(sync.enabled ?? false);
  const [contactsOn, setContactsOn] = useState(sync.contacts?.enabled ?? false);
  const [inProps, setInProps] = useState<Record<string, string>>(
    Object.fromEntries(syncFields.map(([k]) => [k, sync[k] ?? ''])),
  );
  const [contactProps, setContactProps] = useState({
    id_property: sync.contacts?.id_property ?? '',
    role_property: sync.contacts?.role_property ?? '',
  });
  const [out, setOut] = useState<Record<string, string>>({ ...settings.fields });
  const [intake, setIntake] = useState<Record<string, string>>({
    ...Object.fromEntries(intakeTopics.map((k) => [k, ''])),
    ...settings.intake_fields,
  });
  const save = useMutation({
    mutationFn: () =>
      read(
        api.PUT('/settings/connectors/{kind}', {
          params: { path: { kind } },
          body: {
            settings: {
              fields: filled(out),
              intake_fields: filled(intake),
              sync: {
                enabled: syncOn,
                ...Object.fromEntries(syncFields.map(([k]) => [k, blankToNull(inProps[k] ?? '')])),
                contacts: {
                  enabled: contactsOn,
                  id_property: blankToNull(contactProps.id_property),
                  role_property: blankToNull(contactProps.role_property),
                },
              },
            } satisfies CrmSettingsInput,
          },
        }),
      ),
    // The form holds what was saved; the cached connector takes the new settings without a
    // refetch, which would remount the card (it is keyed by its update time) and lose the status.
    onSuccess: (saved) =>
      queryClient.setQueryData<ResponseBody<'/settings/connectors', 'get'>>(
        ['settings', 'connectors'],
        (old) =>
          old && {
            ...old,
            connectors: old.connectors.map((c) => (c.kind === kind ? { ...c, settings: saved.settings } : c)),
          },
      ),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const property = (key: string, label: string, value: string, set: (v: string) => void, hint?: string) => (
    <div className="field" key={key}>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        placeholder={hint ?? 'CRM property name'}
        autoComplete="off"
        value={value}
        onChange={(e) => set(e.target.value)}
      />
    </div>
  );
  return (
    <form className="form crm-mapping" onSubmit={submit} aria-label="Field mapping">
      <fieldset>
        <legend>Sync in</legend>
        <label className="check">
          <input type="checkbox" checked={syncOn} onChange={(e) => setSyncOn(e.target.checked)} /> Sync accounts,
          owners, ARR and renewal dates hourly
        </label>
        {syncFields.map(([k, label, hint]) =>
          property(`in-${k}`, `${label} property`, inProps[k] ?? '', (v) => setInProps({ ...inProps, [k]: v }), hint),
        )}
        <label className="check">
          <input type="checkbox" checked={contactsOn} onChange={(e) => setContactsOn(e.target.checked)} /> Bring
          contacts in with their accounts (matched by email; opted-out and erased people never are)
        </label>
        {property(
          'contact-id',
          'Your contact id property',
          contactProps.id_property,
          (v) => setContactProps({ ...contactProps, id_property: v }),
          'default: the CRM record id',
        )}
        {property(
          'contact-role',
          'Contact role property',
          contactProps.role_property,
          (v) => setContactProps({ ...contactProps, role_property: v }),
          kind === 'hubspot' ? 'default: jobtitle' : 'default: Title',
        )}
      </fieldset>
      <fieldset>
        <legend>Written to the {kind === 'hubspot' ? 'company' : 'account'}</legend>
        {outFields.map(([k, label]) => property(`out-${k}`, label, out[k] ?? '', (v) => setOut({ ...out, [k]: v })))}
      </fieldset>
      <fieldset>
        <legend>Onboarding answers, by guide topic</legend>
        {Object.keys(intake).map((k) =>
          property(`intake-${k}`, `Topic ${k}`, intake[k] ?? '', (v) => setIntake({ ...intake, [k]: v })),
        )}
      </fieldset>
      <ActionError error={save.error} />
      {save.isSuccess ? (
        <p role="status" className="pill pill-good">
          Mapping saved
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save mapping'}
        </button>
      </div>
    </form>
  );
}

import { useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, read } from '../../api';
import { PageHeader } from '../../components/page-header';
import { Empty, QueryView } from '../../components/states';
import { useMe } from '../../me';
import { ConnectorsTab } from './connectors-tab';
import { InstallTab } from './install-tab';
import { KeysTab } from './keys-tab';
import { LanguageTab } from './language-tab';
import { MembersTab } from './members-tab';
import { ModelTab } from './model-tab';
import { RetentionTab } from './retention-tab';
import { WebhooksTab } from './webhooks-tab';
import './settings.css';

const tabs = [
  { id: 'keys', label: 'API keys' },
  { id: 'install', label: 'Widget install' },
  { id: 'webhooks', label: 'Webhooks' },
  { id: 'connectors', label: 'Connectors' },
  { id: 'members', label: 'Members' },
  { id: 'model', label: 'AI model' },
  { id: 'language', label: 'Language' },
  { id: 'retention', label: 'Data retention' },
] as const;
type TabId = (typeof tabs)[number]['id'];

/** Workspace settings (admins only), one tab per concern; the tab is in the URL so it can be linked. */
export default function SettingsPage() {
  const { member } = useMe();
  const [params, setParams] = useSearchParams();
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const isAdmin = member.role === 'admin';
  const overview = useQuery({
    queryKey: ['settings'],
    queryFn: () => read(api.GET('/settings')),
    enabled: isAdmin,
  });
  if (!isAdmin)
    return (
      <>
        <PageHeader title="Settings" />
        <Empty title="Settings are for admins">Ask a workspace admin to change keys, members or webhooks.</Empty>
      </>
    );

  const active: TabId = tabs.some((t) => t.id === params.get('tab')) ? (params.get('tab') as TabId) : 'keys';
  const select = (id: TabId) => setParams({ tab: id }, { replace: true });
  // Arrow keys move between tabs, as the ARIA tabs pattern expects.
  const onKeyDown = (e: KeyboardEvent, index: number) => {
    const delta = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!delta) return;
    e.preventDefault();
    const next = (index + delta + tabs.length) % tabs.length;
    select(tabs[next]!.id);
    tabRefs.current[next]?.focus();
  };

  return (
    <>
      <PageHeader
        title="Settings"
        subtitle={
          overview.data ? `${overview.data.workspace.name} · workspace ${overview.data.workspace.id}` : undefined
        }
      />
      {overview.data && !overview.data.workspace.identity_verification ? (
        <p className="notice notice-warn">
          <strong>Identity verification is off (test mode).</strong> The widget accepts unsigned users.{' '}
          <Link to="/settings?tab=keys">Turn it on under API keys</Link>
        </p>
      ) : null}
      <div className="tabs" role="tablist" aria-label="Settings sections">
        {tabs.map((t, i) => (
          <button
            key={t.id}
            ref={(el) => {
              tabRefs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={active === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={active === t.id ? 0 : -1}
            className="tab"
            onClick={() => select(t.id)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${active}`} aria-labelledby={`tab-${active}`} className="tab-panel">
        {active === 'members' ? (
          <MembersTab />
        ) : active === 'webhooks' ? (
          <WebhooksTab />
        ) : active === 'connectors' ? (
          <ConnectorsTab />
        ) : active === 'model' ? (
          <ModelTab />
        ) : (
          <QueryView query={overview}>
            {(s) =>
              active === 'keys' ? (
                <KeysTab settings={s} />
              ) : active === 'install' ? (
                <InstallTab settings={s} />
              ) : active === 'language' ? (
                <LanguageTab settings={s} />
              ) : (
                <RetentionTab settings={s} />
              )
            }
          </QueryView>
        )}
      </div>
    </>
  );
}

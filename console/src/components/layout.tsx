import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { useMe } from '../me';

const nav = [
  { to: '/', label: 'Home', end: true },
  { to: '/accounts', label: 'Accounts' },
  { to: '/interviews', label: 'Interviews' },
  { to: '/insights', label: 'Insights' },
  { to: '/guides', label: 'Guides' },
  { to: '/triggers', label: 'Triggers' },
  { to: '/outbox', label: 'Outbox', adminOnly: true },
  { to: '/operating-model', label: 'Operating model', adminOnly: true },
  { to: '/settings', label: 'Settings', adminOnly: true },
];

/** The shell: a left navigation and the page. */
export function Layout({ children }: { children: ReactNode }) {
  const { member, workspace } = useMe();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <aside className="sidebar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            C
          </span>
          <span>
            <strong>Candor</strong>
            {workspace ? <small>{workspace.name}</small> : null}
          </span>
        </div>
        <nav aria-label="Main">
          <ul>
            {nav
              .filter((item) => !item.adminOnly || member.role === 'admin')
              .map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.end} className={({ isActive }) => (isActive ? 'active' : undefined)}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
          </ul>
        </nav>
        <div className="whoami">
          <span className="avatar" aria-hidden="true">
            {(member.name ?? member.email).charAt(0).toUpperCase()}
          </span>
          <span>
            <strong>{member.name ?? member.email}</strong>
            <small>{member.role === 'admin' ? 'Admin' : 'CSM'}</small>
          </span>
        </div>
      </aside>
      <main id="main" className="content">
        {children}
      </main>
    </div>
  );
}

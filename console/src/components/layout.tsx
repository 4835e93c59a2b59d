import { type ReactNode, useEffect, useState } from 'react';
import { NavLink, useLocation } from 'react-router';
import { useMe } from '../me';
import { SignOutButton } from './sign-out-button';

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

/**
 * The shell: a left navigation and the page. On a phone the navigation folds behind a
 * menu button so the page keeps the screen; opening a page folds it again.
 */
export function Layout({ children }: { children: ReactNode }) {
  const { member, workspace } = useMe();
  const { pathname } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new path is the reason to fold the menu
  useEffect(() => setMenuOpen(false), [pathname]);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <aside className={menuOpen ? 'sidebar menu-open' : 'sidebar'}>
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            C
          </span>
          <span>
            <strong>Candor</strong>
            {workspace ? <small>{workspace.name}</small> : null}
          </span>
          <button
            type="button"
            className="menu-button"
            aria-expanded={menuOpen}
            aria-controls="sidebar-menu"
            onClick={() => setMenuOpen((open) => !open)}
          >
            Menu
          </button>
        </div>
        <div id="sidebar-menu" className="sidebar-menu">
          <nav aria-label="Main">
            <ul>
              {nav
                .filter((item) => !item.adminOnly || member.role === 'admin')
                .map((item) => (
                  <li key={item.to}>
                    <NavLink
                      to={item.to}
                      end={item.end}
                      className={({ isActive }) => (isActive ? 'active' : undefined)}
                    >
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
            <span className="whoami-text">
              <strong title={member.email}>{member.name ?? member.email}</strong>
              <small>{member.role === 'admin' ? 'Admin' : 'CSM'}</small>
            </span>
            <SignOutButton />
          </div>
        </div>
      </aside>
      <main id="main" className="content">
        {children}
      </main>
    </div>
  );
}

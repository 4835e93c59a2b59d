import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import { api, read, type Schemas } from '../../api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { formatDay } from '../../components/format';
import { QueryView } from '../../components/states';
import { ActionError } from './secret-parts';

type MemberRow = Schemas['MemberRow'];
type Role = Schemas['Role'];

const roleLabel: Record<Role, string> = { admin: 'Admin', csm: 'CSM' };

function InviteForm() {
  const queryClient = useQueryClient();
  const emailId = useId();
  const roleId = useId();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('csm');
  const invite = useMutation({
    mutationFn: () => read(api.POST('/settings/members', { body: { email, role } })),
    onSuccess: () => {
      setEmail('');
      queryClient.invalidateQueries({ queryKey: ['settings', 'members'] });
      queryClient.invalidateQueries({ queryKey: ['outbox'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    invite.mutate();
  };
  return (
    <form className="card form" onSubmit={submit} aria-labelledby="invite-h">
      <h2 id="invite-h">Invite a teammate</h2>
      <p className="meta">They get an email with a one-time sign-in link (valid 24 hours).</p>
      <div className="invite-row">
        <div className="field">
          <label htmlFor={emailId}>Email</label>
          <input
            id={emailId}
            type="email"
            required
            autoComplete="off"
            placeholder="name@company.com"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={roleId}>Role</label>
          <select id={roleId} value={role} onChange={(e) => setRole(e.target.value as Role)}>
            <option value="csm">CSM: sees the whole workspace</option>
            <option value="admin">Admin: also manages settings</option>
          </select>
        </div>
        <button type="submit" className="button button-primary" disabled={invite.isPending}>
          {invite.isPending ? 'Sending…' : 'Send invite'}
        </button>
      </div>
      <ActionError error={invite.error} />
      {invite.isSuccess ? (
        <p className="form-success" role="status">
          {invite.data.resent ? 'A new sign-in link was sent to' : 'Invitation sent to'} {invite.data.email}. Without a
          mail provider it waits in the <Link to="/outbox">Outbox</Link>.
        </p>
      ) : null}
    </form>
  );
}

function RoleSelect({ member }: { member: MemberRow }) {
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: (role: Role) =>
      read(api.PATCH('/settings/members/{id}', { params: { path: { id: member.id } }, body: { role } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['settings', 'members'] }),
  });
  if (member.is_you) return <span title="Ask another admin to change your role">{roleLabel[member.role]}</span>;
  return (
    <>
      <select
        aria-label={`Role of ${member.email}`}
        value={change.isPending ? change.variables : member.role}
        disabled={change.isPending}
        onChange={(e) => change.mutate(e.target.value as Role)}
      >
        <option value="csm">CSM</option>
        <option value="admin">Admin</option>
      </select>
      <ActionError error={change.error} />
    </>
  );
}

/** Sends a pending member a fresh one-time sign-in link. */
function ResendButton({ member }: { member: MemberRow }) {
  const queryClient = useQueryClient();
  const resend = useMutation({
    mutationFn: () => read(api.POST('/settings/members', { body: { email: member.email, role: member.role } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['outbox'] }),
  });
  const text = resend.isSuccess ? 'Link sent' : resend.isPending ? 'Sending…' : 'Resend link';
  return (
    <button
      type="button"
      className="button button-small"
      aria-label={`${text} to ${member.email}`}
      disabled={resend.isPending || resend.isSuccess}
      onClick={() => resend.mutate()}
    >
      {text}
    </button>
  );
}

/** Members and pending invites: invite by email with a role, change roles, remove (never yourself). */
export function MembersTab() {
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: ['settings', 'members'],
    queryFn: () => read(api.GET('/settings/members')),
  });
  const [removing, setRemoving] = useState<MemberRow | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => read(api.DELETE('/settings/members/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      setRemoving(null);
      queryClient.invalidateQueries({ queryKey: ['settings', 'members'] });
    },
  });
  return (
    <div className="settings-stack">
      <InviteForm />
      <QueryView query={list}>
        {({ members }) => {
          const active = members.filter((m) => m.status === 'active').length;
          return (
            <section className="card" aria-labelledby="members-h">
              <h2 id="members-h">
                Members ({members.length}){' '}
                <span className="meta">
                  · {active} signed in, {members.length - active} invited
                </span>
              </h2>
              <div className="table-wrap flat">
                <table className="members-table">
                  <thead>
                    <tr>
                      <th>Member</th>
                      <th>Role</th>
                      <th>Status</th>
                      <th>Added</th>
                      <th>
                        <span className="visually-hidden">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {members.map((m) => (
                      <tr key={m.id}>
                        <td>
                          <div className="person">
                            <span className="avatar avatar-light" aria-hidden="true">
                              {(m.name ?? m.email).charAt(0).toUpperCase()}
                            </span>
                            <span>
                              <strong>{m.name ?? m.email}</strong>
                              {m.is_you ? <span className="pill pill-info you">You</span> : null}
                              {m.name ? <small>{m.email}</small> : null}
                            </span>
                          </div>
                        </td>
                        <td>
                          <RoleSelect member={m} />
                        </td>
                        <td>
                          <span className={`pill ${m.status === 'active' ? 'pill-good' : 'pill-warn'}`}>
                            {m.status === 'active' ? 'Active' : 'Invited'}
                          </span>
                        </td>
                        <td className="nowrap">{formatDay(m.created_at)}</td>
                        <td className="actions-cell">
                          {m.status === 'invited' ? <ResendButton member={m} /> : null}
                          {m.is_you ? null : (
                            <button
                              type="button"
                              className="button button-small button-danger-outline"
                              aria-label={`Remove ${m.email}`}
                              onClick={() => setRemoving(m)}
                            >
                              Remove
                            </button>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          );
        }}
      </QueryView>
      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.email ?? ''}?`}
        confirmLabel="Remove member"
        danger
        busy={remove.isPending}
        error={remove.error?.message}
        onConfirm={() => removing && remove.mutate(removing.id)}
        onCancel={() => setRemoving(null)}
      >
        <p>They are signed out at once and their unused sign-in links stop working. You can invite them again later.</p>
      </ConfirmDialog>
    </div>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { api, read, type Schemas } from '../../api';
import { ConfirmDialog } from '../../components/confirm-dialog';

type Channel = 'in_app' | 'email';
type ContactRow = Schemas['ContactRow'];
type Invited = Schemas['ManualInvited'];

/** The fatigue rules in a CSM's words (the workspace's numbers are in Settings). */
const ruleText: Record<string, string> = {
  opted_out: 'This person opted out of interviews. Their choice stands.',
  no_email: 'There is no email address for this person.',
  recontact_window: 'They were invited recently, inside the re-contact window.',
  already_asked_guide: 'They were already asked this guide.',
  account_budget: "The account's interview budget for the period is used up.",
  csm_touch_backoff: 'A CSM touched this account recently.',
  quiet_hours: 'It is quiet hours for this person.',
  no_contact: 'This contact no longer exists.',
  holdout: 'This person is in the control group.',
};

/**
 * "Invite to an interview" for one contact on the account page: pick a guide and a channel,
 * see which fatigue rule (if any) would hold the invitation back, and send — or knowingly
 * send anyway when the rule is a soft one.
 */
export function InviteContact({ contact }: { contact: ContactRow }) {
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState<Invited | null>(null);
  const label = contact.name ?? contact.email ?? contact.external_id;
  if (contact.opted_out) return null;
  return (
    <>
      <button
        type="button"
        className="button button-small"
        onClick={() => setOpen(true)}
        aria-label={`Invite ${label}`}
      >
        Invite
      </button>
      {sent ? (
        <p className="form-success" role="status">
          Invited — <Link to={`/interviews/${sent.interview.id}`}>open the interview</Link>
          {sent.overrode ? ' (sent despite a fatigue rule)' : ''}
        </p>
      ) : null}
      {open ? (
        <InviteDialog
          contact={contact}
          label={label}
          onClose={() => setOpen(false)}
          onSent={(outcome) => {
            setSent(outcome);
            setOpen(false);
          }}
        />
      ) : null}
    </>
  );
}

function InviteDialog({
  contact,
  label,
  onClose,
  onSent,
}: {
  contact: ContactRow;
  label: string;
  onClose: () => void;
  onSent: (outcome: Invited) => void;
}) {
  const ids = useId();
  const queryClient = useQueryClient();
  const guides = useQuery({
    queryKey: ['guides'],
    queryFn: () => read(api.GET('/guides')),
  });
  const active = (guides.data?.items ?? []).filter((g) => !g.archived);
  const [guideId, setGuideId] = useState('');
  const [channel, setChannel] = useState<Channel>('in_app');
  const chosenGuide = guideId || active[0]?.id || '';
  const check = useQuery({
    queryKey: ['invitation-check', contact.id, chosenGuide, channel],
    queryFn: () =>
      read(
        api.GET('/contacts/{id}/invitation-check', {
          params: { path: { id: contact.id }, query: { guide_id: chosenGuide, channel } },
        }),
      ),
    enabled: chosenGuide !== '',
    // The rules depend on invitations just sent: never answer from an earlier check.
    gcTime: 0,
  });
  const send = useMutation({
    mutationFn: (sendAnyway: boolean) =>
      read(
        api.POST('/contacts/{id}/invitations', {
          params: { path: { id: contact.id } },
          body: { guide_id: chosenGuide, channel, send_anyway: sendAnyway },
        }),
      ),
    onSuccess: (outcome) => {
      if (outcome.outcome === 'invited') {
        queryClient.removeQueries({ queryKey: ['invitation-check', contact.id] });
        void queryClient.invalidateQueries({ queryKey: ['account'] });
        onSent(outcome);
      } else void check.refetch();
    },
  });
  const blocked = check.data?.blocked_by ?? null;
  const sendAnyway = blocked !== null && check.data?.can_send_anyway === true;
  const canSend = chosenGuide !== '' && check.isSuccess && !check.isFetching && (blocked === null || sendAnyway);
  return (
    <ConfirmDialog
      open
      title={`Invite ${label} to an interview`}
      confirmLabel={sendAnyway ? 'Send anyway' : 'Send invitation'}
      busy={send.isPending || !canSend}
      error={send.error ? send.error.message : check.error ? check.error.message : null}
      onCancel={onClose}
      onConfirm={() => send.mutate(sendAnyway)}
    >
      <div className="field">
        <label htmlFor={`${ids}-guide`}>Guide</label>
        <select id={`${ids}-guide`} value={chosenGuide} onChange={(e) => setGuideId(e.target.value)}>
          {active.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field">
        <legend>Channel</legend>
        <label>
          <input
            type="radio"
            name={`${ids}-channel`}
            checked={channel === 'in_app'}
            onChange={() => setChannel('in_app')}
          />{' '}
          In the product (next time they open it)
        </label>
        <label>
          <input
            type="radio"
            name={`${ids}-channel`}
            checked={channel === 'email'}
            disabled={!contact.email}
            onChange={() => setChannel('email')}
          />{' '}
          By email{contact.email ? ` to ${contact.email}` : ' (no address on file)'}
        </label>
      </fieldset>
      <p role="status" className={blocked ? 'form-error' : 'meta'}>
        {check.isPending || check.isFetching
          ? 'Checking the fatigue rules…'
          : blocked
            ? `${ruleText[blocked] ?? blocked}${sendAnyway ? ' You can send it anyway; it will be recorded.' : ''}`
            : check.isSuccess
              ? 'No fatigue rule holds this invitation back.'
              : ''}
      </p>
    </ConfirmDialog>
  );
}

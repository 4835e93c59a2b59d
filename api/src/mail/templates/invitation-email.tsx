import type { Moment } from '@candor/shared';
import { Body, Button, Container, Head, Hr, Html, Link, Preview, Section, Text } from '@react-email/components';
import { render } from '@react-email/render';

/** Moment-specific copy: why we are asking, in the customer's terms. */
const copy: Record<Moment, { subject: string; why: string }> = {
  onboarding: {
    subject: 'How is getting started with {product} going?',
    why: 'You are a few weeks in. We would love to hear what you set out to do and whether we are helping.',
  },
  health_pulse: {
    subject: 'Two minutes on how {product} is working for you?',
    why: 'A short check-in on what is working, what is in the way, and what would make us indispensable.',
  },
  churn_risk: {
    subject: 'Is something getting in the way with {product}?',
    why: 'We noticed things changed recently and want to understand what would help, in your words.',
  },
  pre_renewal: {
    subject: 'Before your renewal: how has {product} been for your team?',
    why: 'Your renewal is coming up. Tell us what value you have seen and where we fall short.',
  },
  expansion: {
    subject: 'Could {product} help more of your team?',
    why: 'We would like to learn about new teams or use cases where we could be useful.',
  },
  feature_launch: {
    subject: 'What did you think of what we just shipped in {product}?',
    why: 'You tried something new recently. Your first impressions shape what we build next.',
  },
};

export type InvitationEmailProps = {
  product: string;
  moment: Moment;
  contactName: string | null;
  url: string;
  unsubscribeUrl: string;
  reminder: boolean;
};

export function invitationSubject(p: Pick<InvitationEmailProps, 'product' | 'moment' | 'reminder'>): string {
  const subject = copy[p.moment].subject.replace('{product}', p.product);
  return p.reminder ? `Reminder: ${subject}` : subject;
}

function InvitationEmail(p: InvitationEmailProps) {
  const greeting = p.contactName ? `Hi ${p.contactName.split(' ')[0]},` : 'Hi,';
  return (
    <Html lang="en">
      <Head />
      <Preview>{copy[p.moment].why}</Preview>
      <Body style={{ backgroundColor: '#f6f7f9', fontFamily: 'system-ui, -apple-system, Segoe UI, sans-serif' }}>
        <Container style={{ backgroundColor: '#ffffff', padding: '32px', borderRadius: '8px', maxWidth: '520px' }}>
          <Text style={{ fontSize: '16px', color: '#111827' }}>{greeting}</Text>
          <Text style={{ fontSize: '16px', color: '#111827', lineHeight: '24px' }}>
            {p.reminder ? 'A gentle reminder: ' : ''}
            {copy[p.moment].why} It takes about 2 minutes, one question at a time, and you can stop whenever you like.
          </Text>
          <Section style={{ margin: '24px 0' }}>
            <Button
              href={p.url}
              style={{ backgroundColor: '#2563eb', color: '#ffffff', padding: '12px 20px', borderRadius: '6px' }}
            >
              Share your thoughts
            </Button>
          </Section>
          <Text style={{ fontSize: '14px', color: '#4b5563' }}>Thank you — the {p.product} team</Text>
          <Hr />
          <Text style={{ fontSize: '12px', color: '#6b7280' }}>
            Don't want these? <Link href={p.unsubscribeUrl}>Unsubscribe</Link> and we won't ask again.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

/** The invitation (or its one reminder) as HTML and a plain-text part. */
export async function renderInvitationEmail(p: InvitationEmailProps) {
  const element = <InvitationEmail {...p} />;
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: invitationSubject(p), html, text };
}

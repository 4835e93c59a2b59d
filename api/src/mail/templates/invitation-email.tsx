import type { Moment } from '@candor/shared';
// The components one by one: their barrel package also loads a code highlighter and Tailwind,
// about a second of start-up for every process that can send mail.
import { Body } from '@react-email/body';
import { Button } from '@react-email/button';
import { Container } from '@react-email/container';
import { Head } from '@react-email/head';
import { Hr } from '@react-email/hr';
import { Html } from '@react-email/html';
import { Link } from '@react-email/link';
import { Preview } from '@react-email/preview';
import { render } from '@react-email/render';
import { Section } from '@react-email/section';
import { Text } from '@react-email/text';
import { type EmailLanguage, invitationCopy } from './invitation-copy';

export type InvitationEmailProps = {
  product: string;
  moment: Moment;
  contactName: string | null;
  url: string;
  unsubscribeUrl: string;
  reminder: boolean;
  /** The interview's language (see `chooseInterviewLanguage`); English when absent. */
  language?: EmailLanguage;
};

export function invitationSubject(
  p: Pick<InvitationEmailProps, 'product' | 'moment' | 'reminder' | 'language'>,
): string {
  const c = invitationCopy[p.language ?? 'en'];
  const subject = c.moments[p.moment].subject.replaceAll('{product}', p.product);
  return p.reminder ? c.reminderSubject.replace('{subject}', subject) : subject;
}

function InvitationEmail(p: InvitationEmailProps) {
  const lang = p.language ?? 'en';
  const c = invitationCopy[lang];
  const why = c.moments[p.moment].why.replaceAll('{product}', p.product);
  // Japanese addresses people by full name with 様; the others by first name.
  const name = p.contactName && (lang === 'ja' ? p.contactName : p.contactName.split(' ')[0]);
  const greeting = name ? c.hiName.replace('{name}', name) : c.hi;
  return (
    <Html lang={lang}>
      <Head />
      <Preview>{why}</Preview>
      <Body style={{ backgroundColor: '#f6f7f9', fontFamily: 'system-ui, -apple-system, Segoe UI, sans-serif' }}>
        <Container style={{ backgroundColor: '#ffffff', padding: '32px', borderRadius: '8px', maxWidth: '520px' }}>
          <Text style={{ fontSize: '16px', color: '#111827' }}>{greeting}</Text>
          <Text style={{ fontSize: '16px', color: '#111827', lineHeight: '24px' }}>
            {p.reminder ? c.reminderLead : ''}
            {why} {c.time}
          </Text>
          <Section style={{ margin: '24px 0' }}>
            <Button
              href={p.url}
              style={{ backgroundColor: '#2563eb', color: '#ffffff', padding: '12px 20px', borderRadius: '6px' }}
            >
              {c.button}
            </Button>
          </Section>
          <Text style={{ fontSize: '14px', color: '#4b5563' }}>{c.thanks.replace('{product}', p.product)}</Text>
          <Hr />
          <Text style={{ fontSize: '12px', color: '#6b7280' }}>
            {c.unsubscribeLead}
            <Link href={p.unsubscribeUrl}>{c.unsubscribe}</Link>
            {c.unsubscribeTail}
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

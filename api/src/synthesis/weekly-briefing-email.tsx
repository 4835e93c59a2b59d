// The components one by one: their barrel package also loads a code highlighter and Tailwind,
// about a second of start-up for every process that can send mail.
import { Body } from '@react-email/body';
import { Container } from '@react-email/container';
import { Head } from '@react-email/head';
import { Heading } from '@react-email/heading';
import { Hr } from '@react-email/hr';
import { Html } from '@react-email/html';
import { Link } from '@react-email/link';
import { Preview } from '@react-email/preview';
import { render } from '@react-email/render';
import { Section } from '@react-email/section';
import { Text } from '@react-email/text';
import type { WeeklyBriefing } from './weekly-briefing';

const h2 = { fontSize: '16px', margin: '20px 0 6px', color: '#111827' };
const line = { fontSize: '14px', margin: '2px 0', color: '#1f2937', lineHeight: '20px' };
const quote = { fontSize: '13px', margin: '2px 0 6px 12px', color: '#4b5563', fontStyle: 'italic' as const };

function WeeklyBriefingEmail({ b, consoleUrl }: { b: WeeklyBriefing; consoleUrl: string }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{`Your week: ${b.priorities.map((p) => p.account).join(', ') || 'no urgent accounts'}`}</Preview>
      <Body style={{ backgroundColor: '#f6f7f9', fontFamily: 'system-ui, -apple-system, Segoe UI, sans-serif' }}>
        <Container style={{ backgroundColor: '#ffffff', padding: '28px', borderRadius: '8px', maxWidth: '600px' }}>
          <Heading as="h1" style={{ fontSize: '20px', margin: 0 }}>
            Your week of {b.week_of}
          </Heading>
          <Section>
            <Heading as="h2" style={h2}>
              Top priorities
            </Heading>
            {b.priorities.length === 0 && <Text style={line}>Nothing urgent in your book.</Text>}
            {b.priorities.map((p) => (
              <div key={p.account_id}>
                <Text style={line}>
                  <b>{p.account}</b> — {p.why.join(' · ')}
                </Text>
                {p.evidence && <Text style={quote}>“{p.evidence.quote}”</Text>}
              </div>
            ))}
          </Section>
          <Section>
            <Heading as="h2" style={h2}>
              Meetings
            </Heading>
            {b.meetings.length === 0 && <Text style={line}>No customer meetings this week.</Text>}
            {b.meetings.map((m) => (
              <div key={`${m.time}${m.title}`}>
                <Text style={line}>
                  <b>{new Date(m.time).toUTCString().slice(0, 22)}</b> {m.title} — {m.attendees.join(', ')}
                </Text>
                {[...m.context, ...m.talking_points].map((c) => (
                  <Text key={c} style={{ ...line, marginLeft: '12px' }}>
                    • {c}
                  </Text>
                ))}
              </div>
            ))}
          </Section>
          <Section>
            <Heading as="h2" style={h2}>
              Needs a touchpoint
            </Heading>
            {b.needs_attention.map((a) => (
              <Text key={a.account_id} style={line}>
                <b>{a.account}</b> — {a.why}
              </Text>
            ))}
          </Section>
          {b.releases.length > 0 && (
            <Section>
              <Heading as="h2" style={h2}>
                You asked, we shipped
              </Heading>
              {b.releases.map((r) => (
                <Text key={`${r.release}${r.account}`} style={line}>
                  <b>{r.release}</b> answers {r.account}'s request: {r.request}
                </Text>
              ))}
            </Section>
          )}
          <Section>
            <Heading as="h2" style={h2}>
              Suggested time blocks
            </Heading>
            {b.time_blocks.slice(0, 4).map((t) => (
              <Text key={`${t.day}${t.start}`} style={line}>
                {t.weekday ?? t.day} {t.start}–{t.end}
                {b.time_zone ? ` (${b.time_zone})` : ''}: {t.purpose}
              </Text>
            ))}
          </Section>
          <Hr />
          <Link href={consoleUrl} style={{ fontSize: '13px' }}>
            Open the console
          </Link>
        </Container>
      </Body>
    </Html>
  );
}

/** The weekly briefing email: HTML and plain text. */
export async function renderWeeklyBriefingEmail(b: WeeklyBriefing, consoleUrl: string) {
  const element = <WeeklyBriefingEmail b={b} consoleUrl={consoleUrl} />;
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return {
    subject: `Your week of ${b.week_of}: ${b.priorities.length} priority accounts, ${b.meetings.length} meetings`,
    html,
    text,
  };
}

import type { Moment } from '@candor/shared';
import type { UsageProfile } from './generate-book';
import type { ContactRole } from './word-lists';

/**
 * One demo conversation as a customer would have it: the answers, in order, to the
 * guide's questions. `{placeholders}` are filled per account from the seeded random
 * source, so two accounts telling the same story name different people and tools.
 * Placeholders: {colleague} {colleague2} (first names of people who did not answer),
 * {competitor}, {integration}, {seats}, {team}, {month}, {report}.
 */
export type DemoTranscript = {
  moment: Moment;
  language: 'en' | 'de' | 'fr';
  /** The kind of account that tells this story: its usage profile, or one renewing within 60 days. */
  story: UsageProfile | 'renewing';
  /** Who answers (the account's contact in this role). */
  respondent: ContactRole;
  answers: string[];
  /** The customer asked for a person: the interview was handed off, not closed. */
  handoff?: true;
  /** How many accounts tell this story. */
  uses: number;
  /** Told by accounts that also renew within 60 days, so their renewal brief carries it. */
  renewingSoon?: true;
};

/** English conversations; their questions are the guide's own. */
export const englishTranscripts: DemoTranscript[] = [
  // Onboarding intake
  {
    moment: 'onboarding',
    language: 'en',
    story: 'onboarding',
    respondent: 'champion',
    uses: 3,
    answers: [
      'We want one place for the weekly pipeline numbers. Right now {colleague2} rebuilds the {report} in spreadsheets every Monday and it eats half her day.',
      'The {report} first, then the regional breakdown for the sales leads.',
      'Salesforce for pipeline and {integration} for the warehouse. The SSO setup took two days because the docs were unclear, but it works now.',
      'If {colleague2} gets her Mondays back and the sales leads stop asking me for exports, it was worth it.',
      'About fifteen people will use it day to day. Our VP of Finance, {colleague}, signs off on whether it stays after the first year.',
    ],
  },
  {
    moment: 'onboarding',
    language: 'en',
    story: 'onboarding',
    respondent: 'admin',
    uses: 1,
    answers: [
      'Honestly I was told to set it up. The ops team chose it; I just run the integrations.',
      'Inventory aging, because the warehouse team keeps asking for it.',
      '{integration}, Slack for alerts, and eventually our ERP. It would be great if the Slack alerts could go to a channel per region.',
      'Fewer tickets to me asking for CSV dumps.',
      'Our director of operations, {colleague}, picked the tool and will decide on the renewal. I mostly keep it running.',
    ],
  },
  // Health pulse
  {
    moment: 'health_pulse',
    language: 'en',
    story: 'steady',
    respondent: 'champion',
    uses: 3,
    answers: [
      'The scheduled {report}. It lands in the leadership inbox at 7am and nobody has to touch it. That alone saves us a day a week.',
      'Filters reset every time you open a shared dashboard, which is annoying when you demo to the board.',
      'The main thing missing is a native {integration} integration. We still export to CSV and re-upload twice a week.',
      "Most of the ops team, maybe twenty people. Sales looks at it on Mondays and that's about it.",
    ],
  },
  {
    moment: 'health_pulse',
    language: 'en',
    story: 'steady',
    respondent: 'end user',
    uses: 2,
    answers: [
      'Being able to slice the churn cohort by region without asking the data team. Really useful.',
      'It gets slow on big date ranges. Anything over a year and I go get a coffee.',
      'Faster queries and a way to comment on a chart so {colleague} and I stop screenshotting things into Slack.',
      'Our team of eight uses it every day. The finance people have their own logins but I rarely see them in there.',
    ],
  },
  {
    moment: 'health_pulse',
    language: 'en',
    story: 'steady',
    respondent: 'end user',
    uses: 1,
    answers: [
      'Nothing much lately, to be honest. I open it when someone sends me a link.',
      'It is confusing where the saved views live. I made the same view three times because I could not find it.',
      'Better onboarding for people like me who joined after the rollout. I never got the training {colleague} got.',
      'A handful of us. Most people still ask {colleague} for numbers.',
    ],
  },
  // Churn-risk early warning
  {
    moment: 'churn_risk',
    language: 'en',
    story: 'declining',
    respondent: 'champion',
    uses: 2,
    renewingSoon: true,
    answers: [
      "Our new CFO, {colleague}, is reviewing every tool over $20k and we've been told there is a budget freeze until {month}.",
      "We're comparing it with {competitor} and the price feels high for how many people actually log in.",
      'A clear answer on what we get for the money. Usage numbers by team would help me make the case.',
      '{colleague} decides, with procurement. I would like to keep it, but I need ammunition.',
      'Yes, please. Could someone call me before the end of the month?',
    ],
  },
  {
    moment: 'churn_risk',
    language: 'en',
    story: 'declining',
    respondent: 'admin',
    uses: 2,
    answers: [
      'Our champion {colleague} left last month and nobody really owns the tool now.',
      'Half the dashboards were built by {colleague} and nobody knows how they work. People stopped opening them.',
      'Someone to walk the new team through the setup. I do not have time to reverse-engineer it.',
      "Our head of revenue, {colleague2}, will look at it at renewal. I'm not sure we will renew if nobody picks it up.",
    ],
  },
  {
    moment: 'churn_risk',
    language: 'en',
    story: 'declining',
    respondent: 'champion',
    uses: 2,
    handoff: true,
    answers: [
      'We had three outages during our quarter close and the {report} was late. That hurt me personally.',
      'The dashboards keep timing out on the revenue overview, and support never got back to us on the ticket from two weeks ago.',
      'Fix the timeouts. And honestly I would rather talk to a person than fill in another survey. Can you have someone reach out to me this week? {colleague} from IT can join.',
    ],
  },
  {
    moment: 'churn_risk',
    language: 'en',
    story: 'declining',
    respondent: 'champion',
    uses: 1,
    answers: [
      'Leadership asked us to consolidate tools. {competitor} comes bundled with our new suite so it looks free on paper.',
      "We're evaluating {competitor} this month. It does less, but it is already paid for.",
      'A price that reflects that only {seats} people use it daily, or a reason the others should.',
      'Our COO, {colleague}, makes the call. I will be in the room but it is not my decision.',
      'Not yet. Send me the usage breakdown first.',
    ],
  },
  // Pre-renewal value perception
  {
    moment: 'pre_renewal',
    language: 'en',
    story: 'renewing',
    respondent: 'champion',
    uses: 2,
    answers: [
      "It replaced three spreadsheets and a weekly meeting. I'd recommend it to anyone in RevOps.",
      'Permissions. Every new hire needs a ticket to IT and {colleague2} from IT has better things to do.',
      'Our VP of Finance, {colleague}, signs off. She looks at cost per active user, so the login numbers matter.',
      "Budget is flat but stable. We're hiring in the {team}, so if anything it grows.",
      'Roll it out to the {team} and get the permissions sorted. That would make it a no-brainer.',
    ],
  },
  {
    moment: 'pre_renewal',
    language: 'en',
    story: 'renewing',
    respondent: 'economic buyer',
    uses: 2,
    answers: [
      'Some value. The analysts like it. I see the invoice more than the dashboards.',
      'The price increase last year. It is hard to justify another one with the hiring freeze we are under.',
      'Me, and procurement runs a competitive review on anything over $50k. {competitor} will be in that review.',
      'Budget cut of about 15% across software. Everything is on the table.',
      'Show me adoption by team. If it is just the analysts, we will cut seats.',
    ],
  },
  {
    moment: 'pre_renewal',
    language: 'en',
    story: 'renewing',
    respondent: 'champion',
    uses: 3,
    answers: [
      'The forecast accuracy went up noticeably since we moved the pipeline review into it. The sales leads trust the numbers now.',
      'The export to {integration} breaks whenever someone renames a field. I have fixed it four times.',
      'Our CFO, {colleague}, and me. It has always been a quick yes when the numbers look right.',
      'Nothing changing on budget. {colleague2} from the {team} wants access too.',
      'I would like to see the scheduled reports go to Slack, and the {team} onboarded.',
    ],
  },
  // Expansion discovery
  {
    moment: 'expansion',
    language: 'en',
    story: 'growing',
    respondent: 'champion',
    uses: 3,
    answers: [
      'Weekly KPIs for the exec team. It went from my side project to the thing the CEO opens on Monday.',
      'The {team} saw it in the all-hands and asked for access. Another team, another set of dashboards.',
      'Row-level permissions so the {team} only sees their region.',
      'We need {seats} more seats next quarter, we have new hires starting in January.',
      'Early next month works. Bring pricing for the bigger tier, I think we will upgrade our plan.',
    ],
  },
  {
    moment: 'expansion',
    language: 'en',
    story: 'growing',
    respondent: 'economic buyer',
    uses: 1,
    answers: [
      'Our board pack. We used to pay a consultant for it and now it is a button. Fantastic, really.',
      'Finance wants the same for the cash forecast; the {team} too.',
      'Single sign-on for the contractors, and audit logs. Our security team is asking.',
      'We are growing the team by about {seats} people this year.',
      'After our renewal is signed. Our head of procurement, {colleague}, will want the numbers first.',
    ],
  },
  // Feature-launch feedback
  {
    moment: 'feature_launch',
    language: 'en',
    story: 'steady',
    respondent: 'end user',
    uses: 3,
    answers: [
      'I asked the new AI insights why trial conversion dropped in {month}.',
      'It found the drop and pointed at the pricing page change. That was great, it took me minutes instead of an afternoon.',
      'It could not explain where the numbers came from. I would like to see the query behind each insight before I show it to {colleague}.',
      'Yes. {colleague} wants it for the weekly ops review too.',
    ],
  },
  {
    moment: 'feature_launch',
    language: 'en',
    story: 'steady',
    respondent: 'admin',
    uses: 1,
    answers: [
      'Checking whether the new {integration} sync could replace our nightly script.',
      'Half of it. The sync runs, but custom fields are ignored.',
      "The sync doesn't support custom objects, so we keep the script as a workaround for now.",
      'Probably, once custom objects work. {colleague} is waiting on it for the finance dashboards.',
    ],
  },
  {
    moment: 'feature_launch',
    language: 'en',
    story: 'growing',
    respondent: 'champion',
    uses: 1,
    answers: [
      'Building the board pack with the new scheduled snapshots.',
      'Worked well first time. Smooth.',
      'All clear. Please add a PDF export with our logo on it.',
      'Definitely, and the {team} will start using it next month.',
    ],
  },
];

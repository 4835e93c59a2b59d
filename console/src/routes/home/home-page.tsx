import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, read } from '../../api';
import { Brief } from '../../components/brief';
import { formatDateTime, formatMoneyCompact, formatPercent } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { ReviewQueue } from '../../components/review-queue';
import { Empty, QueryView } from '../../components/states';
import { useMe } from '../../me';
import { GenerateBriefing } from './generate-briefing';
import { TeamBreakdown } from './team-breakdown';

/** "Monday 7 December" for a calendar date. */
const formatDay = (day: string) =>
  new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );

/** The CSM's start page: the numbers that matter, the briefing, and what needs a decision. */
export default function HomePage() {
  const { member } = useMe();
  const home = useQuery({ queryKey: ['home'], queryFn: () => read(api.GET('/home')) });
  const first = (member.name ?? member.email).split(/[\s@]/)[0];
  return (
    <>
      <PageHeader
        title={`Good to see you, ${first}`}
        subtitle={home.data?.scope === 'team' ? "The team's week at a glance" : 'Your book and week at a glance'}
      />
      <QueryView query={home}>
        {({ kpis, briefing, scope, team }) => (
          <>
            <section
              className="kpis"
              aria-label={scope === 'team' ? 'Key figures, whole team' : 'Key figures, my book'}
            >
              <Kpi
                label={scope === 'team' ? 'Accounts' : 'Accounts in my book'}
                value={kpis.accounts.toLocaleString()}
                hint={`${formatMoneyCompact(kpis.arr_cents)} ARR`}
              />
              <Kpi
                label="Response rate"
                value={formatPercent(kpis.response_rate)}
                hint={`${kpis.started_30d} of ${kpis.invited_30d} invited, 30 days`}
              />
              <Kpi
                label="Completion rate"
                value={formatPercent(kpis.completion_rate)}
                hint={`${kpis.completed_30d} of ${kpis.started_30d} started, 30 days`}
              />
              <Kpi
                label="Interviews this week"
                value={String(kpis.interviews_this_week)}
                hint="started in the last 7 days"
              />
              <Kpi
                label="Accounts at risk"
                value={String(kpis.accounts_at_risk)}
                hint={
                  <Link
                    to={`/accounts?health=${kpis.at_risk_states.join(',')}${scope === 'book' ? `&owner=${encodeURIComponent(member.email)}` : ''}`}
                  >
                    view them
                  </Link>
                }
              />
              <Kpi label="ARR at risk" value={formatMoneyCompact(kpis.arr_at_risk_cents)} hint="on accounts at risk" />
            </section>
            {team ? <TeamBreakdown team={team} /> : null}
            <div className="grid grid-2">
              <ReviewQueue title="My review queue" />
              <section className="card" aria-labelledby="briefing-h">
                <div className="card-title">
                  <h2 id="briefing-h">
                    {briefing?.week_of ? `My week of ${formatDay(briefing.week_of)}` : 'My weekly briefing'}
                  </h2>
                  <GenerateBriefing />
                </div>
                {briefing ? (
                  <>
                    <p className="meta">
                      Prepared {formatDateTime(briefing.created_at)}
                      {briefing.time_zone ? ` · times in ${briefing.time_zone}` : ''}
                    </p>
                    <Brief sections={briefing.sections} />
                  </>
                ) : (
                  <Empty title="No briefing yet">
                    Your briefing is prepared every Monday morning, or now with Generate now.
                  </Empty>
                )}
              </section>
            </div>
          </>
        )}
      </QueryView>
    </>
  );
}

function Kpi({ label, value, hint }: { label: string; value: string; hint?: React.ReactNode }) {
  return (
    <div className="kpi">
      <div className="label">{label}</div>
      <div className="value">{value}</div>
      {hint ? <div className="hint">{hint}</div> : null}
    </div>
  );
}

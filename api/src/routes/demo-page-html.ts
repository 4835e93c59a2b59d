/** The six demo buttons: the lifecycle event each one tracks, by moment. */
export const demoMoments: Record<string, { label: string; event: string; properties: Record<string, unknown> }> = {
  onboarding: { label: 'Finish onboarding', event: 'onboarding_completed', properties: { plan: 'growth' } },
  health_pulse: { label: '30 days in', event: 'health_check_due', properties: { days_active: 30 } },
  churn_risk: { label: 'Usage drops 60%', event: 'usage_dropped', properties: { drop_pct: 60, days: 14 } },
  pre_renewal: { label: 'Renewal in 60 days', event: 'renewal_approaching', properties: { days_left: 60 } },
  expansion: { label: 'Add 10 seats', event: 'seats_added', properties: { count: 10 } },
  feature_launch: {
    label: 'Try the new AI dashboards',
    event: 'feature_used',
    properties: { feature: 'ai_dashboards' },
  },
};

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
// JSON inside <script>: no way to close the tag from the data.
const scriptJson = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c');

const css = `
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f4f5f8;color:#1d2330}
header{display:flex;align-items:center;gap:16px;padding:12px 24px;background:#0f172a;color:#fff}
header b{font-size:17px}header nav{display:flex;gap:16px;margin-left:24px;color:#cbd5e1;font-size:14px}
header .me{margin-left:auto;font-size:14px;color:#cbd5e1}
.wrap{display:grid;grid-template-columns:220px 1fr;min-height:calc(100vh - 52px)}
aside{background:#fff;border-right:1px solid #e3e6ec;padding:20px;font-size:14px;color:#475569}
aside a{display:block;padding:6px 10px;border-radius:8px;color:inherit;text-decoration:none}aside a.on{background:#eef2ff;color:#3730a3;font-weight:600}
main{padding:28px;max-width:1040px}
h1{margin:0 0 4px;font-size:24px}.sub{margin:0 0 24px;color:#64748b}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(180px,1fr));gap:16px;margin-bottom:24px}
.card{background:#fff;border:1px solid #e3e6ec;border-radius:12px;padding:18px}
.kpi span{display:block;color:#64748b;font-size:13px}.kpi strong{font-size:26px}
.try h2{margin:0 0 4px;font-size:18px}.try p{margin:0 0 16px;color:#475569}
.btns{display:flex;flex-wrap:wrap;gap:10px}
button{font:inherit;padding:9px 14px;border-radius:9px;border:1px solid #c7d2fe;background:#eef2ff;color:#312e81;cursor:pointer}
button:hover{background:#e0e7ff}button:focus-visible{outline:3px solid #4338ca;outline-offset:2px}
#status{min-height:24px;margin-top:14px;color:#334155}
code{background:#eef0f4;padding:2px 5px;border-radius:5px}
@media (max-width:720px){.wrap{grid-template-columns:1fr}aside{display:none}}
`;

function shell(nonce: string, title: string, head: string, body: string) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style nonce="${nonce}">${css}</style>
${head}
</head>
<body>
${body}
</body>
</html>`;
}

type DemoPage = {
  nonce: string;
  init: Record<string, unknown>;
  product: string;
  person: { name: string; role: string; account: string };
  publicUrl: string;
};

/** The fake SaaS app: the widget snippet exactly as a customer pastes it, plus lifecycle buttons. */
export function renderDemoPage(p: DemoPage): string {
  const head = `<script async src="/widget.js"></script>
<script nonce="${p.nonce}">
  window.Candor = window.Candor || function () { (Candor.q = Candor.q || []).push(arguments) };
  Candor('init', ${scriptJson(p.init)});
  Candor('track', 'page_viewed', { page: 'dashboard' });
</script>
<script defer src="/demo/app.js"></script>`;
  const buttons = Object.entries(demoMoments)
    .map(
      ([moment, m]) =>
        `<button type="button" data-moment="${moment}" data-event="${m.event}" data-props="${esc(JSON.stringify(m.properties))}">${esc(m.label)}</button>`,
    )
    .join('\n      ');
  const body = `<header><b>${esc(p.product)}</b><nav aria-label="Product"><span>Dashboards</span><span>Reports</span><span>Alerts</span></nav>
<span class="me">${esc(p.person.name)} · ${esc(p.person.account)}</span></header>
<div class="wrap">
  <aside><nav aria-label="Sections"><a class="on" href="/demo">Overview</a><a href="/demo">Pipelines</a><a href="/demo">Team</a><a href="/demo">Settings</a></nav></aside>
  <main>
    <h1>Welcome back, ${esc(p.person.name.split(' ')[0] ?? '')}</h1>
    <p class="sub">${esc(p.person.account)} workspace · signed in as ${esc(p.person.role || 'a user')}</p>
    <section class="kpis" aria-label="This week">
      <div class="card kpi"><span>Active users</span><strong>1,284</strong></div>
      <div class="card kpi"><span>Dashboards viewed</span><strong>9,517</strong></div>
      <div class="card kpi"><span>Reports exported</span><strong>312</strong></div>
      <div class="card kpi"><span>Alerts resolved</span><strong>47</strong></div>
    </section>
    <section class="card try" aria-labelledby="try">
      <h2 id="try">Try Candor: fire a lifecycle moment</h2>
      <p>This page embeds the Candor widget exactly as a customer would. Each button sends the event your product would send; the invitation for that moment appears in a few seconds. Answers show up in the <a href="/">console</a>.</p>
      <div class="btns">
      ${buttons}
      </div>
      <p id="status" role="status"></p>
    </section>
  </main>
</div>`;
  return shell(p.nonce, `${p.product} — Candor demo`, head, body);
}

/** Shown when there is no demo workspace yet. */
export function renderDemoMissing(nonce: string): string {
  return shell(
    nonce,
    'Candor demo',
    '',
    '<main><h1>The demo workspace is not there yet</h1><p class="sub">It is created on the first <code>npm start</code>, or with <code>npm run candor -- seed-demo</code>. Reload this page once it exists.</p></main>',
  );
}

/** Wires the buttons: invite through the demo endpoint, then track the event like the product would. */
export const demoAppScript = `(() => {
  const status = document.getElementById('status');
  const say = (text) => { if (status) status.textContent = text; };
  Candor('on', 'shown', () => say('The invitation is open in the corner. Start it, or try "Not now".'));
  Candor('on', 'completed', () => say('Interview completed. Its answers and signals are in the console.'));
  Candor('on', 'declined', (d) => say(d && d.reason === 'dont_ask_again' ? 'Declined for good: this moment will not be asked again.' : 'Dismissed. Fire another moment any time.'));
  for (const button of document.querySelectorAll('button[data-moment]')) {
    button.addEventListener('click', async () => {
      say('Inviting…');
      try {
        const res = await fetch('/demo/invite', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ moment: button.dataset.moment }) });
        if (!res.ok) {
          const body = await res.json().catch(() => null);
          return say((body && body.error && body.error.message) || 'Could not invite.');
        }
        Candor('track', button.dataset.event, JSON.parse(button.dataset.props || '{}'));
      } catch { say('Candor is not reachable.'); }
    });
  }
})();
`;

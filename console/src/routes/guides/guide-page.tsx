import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, read } from '../../api';
import { formatDateTime, humanize } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { QueryView } from '../../components/states';
import { useMe } from '../../me';
import { GuideEditor } from './guide-editor';
import { GuidePreview } from './guide-preview';

type Topic = { key?: string; question?: string; probing?: string; required?: boolean };
type Definition = {
  objective?: string;
  opening_message?: string;
  closing_message?: string;
  topics?: Topic[];
  limits?: { max_turns?: number; max_minutes?: number };
  taxonomy?: { churn_reasons?: { key: string; label: string }[]; expansion_kinds?: { key: string; label: string }[] };
};

/** One guide: its design as saved, and every saved version. */
export default function GuidePage() {
  const { id = '' } = useParams();
  const guide = useQuery({
    queryKey: ['guide', id],
    queryFn: () => read(api.GET('/guides/{id}', { params: { path: { id } } })),
  });
  const [picked, setPicked] = useState<number | null>(null);
  const { member } = useMe();
  return (
    <QueryView query={guide}>
      {({ guide: g, versions }) => {
        const shown = versions.find((v) => v.version === (picked ?? g.current_version)) ?? versions[0];
        const def = (shown?.definition ?? {}) as Definition;
        const current = versions.find((v) => v.version === g.current_version);
        return (
          <>
            <p className="meta">
              <Link to="/guides">Guides</Link> / {g.name}
            </p>
            <PageHeader title={g.name} subtitle={`${humanize(g.moment)} · current version v${g.current_version}`} />
            <div className="grid grid-3">
              <section className="card" aria-labelledby="design-h">
                <h2 id="design-h">Design {shown ? `(v${shown.version})` : ''}</h2>
                <dl className="facts">
                  <dt>Objective</dt>
                  <dd>{def.objective ?? '—'}</dd>
                  <dt>Opening</dt>
                  <dd>{def.opening_message ?? '—'}</dd>
                  <dt>Limits</dt>
                  <dd>
                    {def.limits ? `${def.limits.max_turns} customer turns, ${def.limits.max_minutes} minutes` : '—'}
                  </dd>
                  <dt>Closing</dt>
                  <dd>{def.closing_message ?? '—'}</dd>
                </dl>
                <h3 style={{ marginTop: 16 }}>Topics</h3>
                <ol>
                  {(def.topics ?? []).map((t) => (
                    <li key={t.key ?? t.question} style={{ marginBottom: 8 }}>
                      <strong>{t.question}</strong>{' '}
                      {t.required ? <span className="pill pill-info">Required</span> : null}
                      {t.probing ? <div className="meta">Probing: {t.probing}</div> : null}
                    </li>
                  ))}
                </ol>
                {def.taxonomy ? (
                  <>
                    <h3>Taxonomy</h3>
                    <p>
                      <span className="meta">Churn reasons: </span>
                      {(def.taxonomy.churn_reasons ?? []).map((c) => c.label).join(', ') || '—'}
                    </p>
                    <p>
                      <span className="meta">Expansion kinds: </span>
                      {(def.taxonomy.expansion_kinds ?? []).map((c) => c.label).join(', ') || '—'}
                    </p>
                  </>
                ) : null}
              </section>
              <section className="card" aria-labelledby="versions-h">
                <h2 id="versions-h">Versions</h2>
                <ul className="list">
                  {versions.map((v) => (
                    <li key={v.id}>
                      <button
                        type="button"
                        className="button"
                        aria-pressed={v.version === shown?.version}
                        onClick={() => setPicked(v.version)}
                      >
                        v{v.version}
                      </button>{' '}
                      {v.version === g.current_version ? <span className="pill pill-good">Current</span> : null}
                      <div className="meta">{formatDateTime(v.created_at)}</div>
                    </li>
                  ))}
                </ul>
              </section>
            </div>
            {member.role === 'admin' && current ? (
              <div className="grid grid-2" style={{ marginTop: 16 }}>
                <section className="card" aria-labelledby="edit-h">
                  <h2 id="edit-h">Edit</h2>
                  <GuideEditor key={g.id} guideId={g.id} definition={current.definition} version={g.current_version} />
                </section>
                <section className="card" aria-labelledby="preview-h">
                  <h2 id="preview-h">Preview</h2>
                  <GuidePreview guideId={g.id} />
                </section>
              </div>
            ) : null}
          </>
        );
      }}
    </QueryView>
  );
}

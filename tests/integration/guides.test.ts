import { guideTemplates } from '@candor/api/guides/templates/index';
import { guideBodySchema, moments } from '@candor/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';
import { invite, seedWorkspace } from '../support/interview-fixtures';

describe('guide templates', () => {
  it('ships one valid template per lifecycle moment', () => {
    expect(guideTemplates.map((t) => t.body.moment).sort()).toEqual([...moments].sort());
    for (const template of guideTemplates) {
      const parsed = guideBodySchema.safeParse(template.body);
      expect(parsed.success, `${template.key}: ${parsed.error?.message}`).toBe(true);
      const { topics, limits, taxonomy } = template.body;
      expect(topics.length).toBeGreaterThanOrEqual(3);
      expect(topics.length).toBeLessThanOrEqual(6);
      expect(topics.some((t) => t.required)).toBe(true);
      expect(new Set(topics.map((t) => t.key)).size).toBe(topics.length);
      expect(limits.max_turns).toBeLessThanOrEqual(8);
      expect(limits.max_minutes).toBeLessThanOrEqual(5);
      expect(taxonomy.churn_reasons.map((r) => r.key)).toEqual([
        'price_value',
        'missing_capability',
        'performance_reliability',
        'adoption_onboarding',
        'support_experience',
        'champion_left',
        'budget_cut',
        'switched_competitor',
        'consolidation',
      ]);
      expect(taxonomy.expansion_kinds.map((k) => k.key)).toEqual([
        'seats',
        'new_team_use_case',
        'plan_upgrade',
        'add_on',
      ]);
      for (const entry of [...taxonomy.churn_reasons, ...taxonomy.expansion_kinds]) {
        expect(entry.keywords.length, entry.key).toBeGreaterThan(5);
      }
      // One question per interviewer message: a scripted question never asks two things at once.
      for (const topic of topics) expect(topic.question.split('?').length - 1, topic.key).toBe(1);
    }
  });
});

describe(`guides API (${databaseKind})`, () => {
  let t: TestApp;
  let key: string;
  beforeAll(async () => {
    t = await startTestApp();
    key = (await createTestWorkspace(t)).secret_key;
  });
  afterAll(() => t?.close());

  it('installs the six templates at version 1 in a new workspace', async () => {
    const res = await t.request('/v1/guides', { token: key });
    expect(res.status).toBe(200);
    const { guides } = await readJson(res);
    expect(guides).toHaveLength(6);
    expect(guides.map((g: { moment: string }) => g.moment).sort()).toEqual([...moments].sort());
    for (const g of guides) {
      expect(g.version).toBe(1);
      expect(g.template_key).toBe(g.moment);
      expect(Object.keys(g).sort()).toEqual(['id', 'moment', 'name', 'template_key', 'updated_at', 'version']);
    }
    const one = await readJson(await t.request(`/v1/guides/${guides[2].id}`, { token: key }));
    expect(guideBodySchema.parse(one.body)).toEqual(one.body);
    expect(one.body.moment).toBe(guides[2].moment);
  });

  it('keeps guides per workspace', async () => {
    const other = await createTestWorkspace(t, 'Other Co');
    const mine = (await readJson(await t.request('/v1/guides', { token: key }))).guides;
    const theirs = (await readJson(await t.request('/v1/guides', { token: other.secret_key }))).guides;
    expect(theirs).toHaveLength(6);
    const myIds = new Set(mine.map((g: { id: string }) => g.id));
    for (const g of theirs) expect(myIds.has(g.id)).toBe(false);
    const cross = await t.request(`/v1/guides/${mine[0].id}`, { token: other.secret_key });
    expect(cross.status).toBe(404);
  });

  it('stores an edit as version 2 and leaves version 1 unchanged', async () => {
    const { guides } = await readJson(await t.request('/v1/guides', { token: key }));
    const id = guides.find((g: { moment: string }) => g.moment === 'health_pulse').id;
    const before = await readJson(await t.request(`/v1/guides/${id}`, { token: key }));
    const topics = [...before.body.topics];
    topics[0] = { ...topics[0], question: 'What is the one thing you rely on us for every week?' };
    const res = await t.request(`/v1/guides/${id}`, {
      method: 'PATCH',
      token: key,
      json: { name: 'Quarterly pulse', topics },
    });
    expect(res.status).toBe(200);
    const after = await readJson(res);
    expect(after.version).toBe(2);
    expect(after.version_id).not.toBe(before.version_id);
    expect(after.name).toBe('Quarterly pulse');
    expect(after.body.topics[0].question).toBe('What is the one thing you rely on us for every week?');
    // Fields left out of the patch keep their values, defaults included.
    expect(after.body.tone).toBe(before.body.tone);
    expect(after.body.closing_message).toBe(before.body.closing_message);

    const { versions } = await readJson(await t.request(`/v1/guides/${id}/versions`, { token: key }));
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions[1].id).toBe(before.version_id);
    expect(versions[1].body).toEqual(before.body);

    const list = (await readJson(await t.request('/v1/guides', { token: key }))).guides;
    expect(list.find((g: { id: string }) => g.id === id)).toMatchObject({ version: 2, name: 'Quarterly pulse' });
  });

  it('keeps an invited interview on the version it was created with after the guide is edited', async () => {
    const { ws, guideId } = await seedWorkspace(t, guideTemplates[1]!.body);
    const { id } = await invite(t, ws, guideId);
    const edited = await t.request(`/v1/guides/${guideId}`, {
      method: 'PATCH',
      token: ws.secret_key,
      json: { closing_message: 'Thanks a lot, that is all for today.' },
    });
    expect((await readJson(edited)).version).toBe(2);
    const interview = await readJson(await t.request(`/v1/interviews/${id}`, { token: ws.secret_key }));
    expect(interview.guide).toMatchObject({ id: guideId, version: 1 });
  });

  it('creates a guide from a full body at version 1', async () => {
    const body = { ...guideTemplates[0]!.body, name: 'Admin onboarding' };
    const res = await t.request('/v1/guides', { method: 'POST', token: key, json: body });
    expect(res.status).toBe(201);
    const created = await readJson(res);
    expect(created).toMatchObject({ name: 'Admin onboarding', version: 1, template_key: null });
    expect(created.body).toEqual(body);
  });

  it('rejects an invalid body with the field path and writes nothing', async () => {
    const { guides } = await readJson(await t.request('/v1/guides', { token: key }));
    const id = guides[0].id;
    const bad = await t.request(`/v1/guides/${id}`, {
      method: 'PATCH',
      token: key,
      json: { limits: { max_turns: 0, max_minutes: 5 } },
    });
    expect(bad.status).toBe(400);
    expect((await readJson(bad)).error.message).toContain('limits.max_turns');
    const created = await t.request('/v1/guides', {
      method: 'POST',
      token: key,
      json: { ...guideTemplates[0]!.body, topics: [] },
    });
    expect(created.status).toBe(400);
    expect((await readJson(created)).error.message).toContain('topics');
    const after = await readJson(await t.request(`/v1/guides/${id}`, { token: key }));
    expect(after.version).toBe(guides[0].version);
    const count = (await readJson(await t.request('/v1/guides', { token: key }))).guides.length;
    expect(count).toBe(guides.length);
  });

  it('requires the secret key and answers unknown ids with 404', async () => {
    expect((await t.request('/v1/guides')).status).toBe(401);
    const missing = await t.request('/v1/guides/00000000-0000-4000-8000-000000000000', { token: key });
    expect(missing.status).toBe(404);
    expect((await readJson(missing)).error.code).toBe('not_found');
  });

  it('documents the guide endpoints in the OpenAPI document', async () => {
    const doc = await readJson(await t.request('/openapi.json'));
    expect(Object.keys(doc.paths['/v1/guides'])).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(doc.paths['/v1/guides/{id}'])).toEqual(expect.arrayContaining(['get', 'patch']));
    expect(doc.paths['/v1/guides/{id}/versions'].get).toBeDefined();
  });
});

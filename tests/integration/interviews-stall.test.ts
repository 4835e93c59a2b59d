import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson, startAiTestApp, type TestApp } from '../support/harness';
import { answer, guideFixture, identify, invite, longAnswer, seedWorkspace } from '../support/interview-fixtures';

// A real server on loopback, not msw: giving up on a response mid-body is what this tests,
// and msw's emulated socket ends such a response instead of dropping it.
describe('a model stream that stalls after its first words', () => {
  let t: TestApp;
  let model: Server;
  let calls = 0;
  beforeAll(async () => {
    model = createServer(async (req, res) => {
      let body = '';
      for await (const chunk of req) body += chunk;
      // Only the interviewer's streamed replies are counted; an answer judgement is refused.
      if (!JSON.parse(body || '{}').stream) {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'Invalid request.', type: 'invalid_request_error' } }));
        return;
      }
      calls++;
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const chunk = { id: 'c', object: 'chat.completion.chunk', created: 0, model: 'm', choices: [] as unknown[] };
      const delta = (content: string) => ({
        ...chunk,
        choices: [{ index: 0, delta: { content }, finish_reason: null }],
      });
      res.write(`data: ${JSON.stringify(delta('Thanks for that. '))}\n\n`);
      // The rest would come, and make a good reply, but only after the 1 s budget.
      const rest = setTimeout(() => {
        res.write(`data: ${JSON.stringify(delta('What changed since then?'))}\n\n`);
        res.end(
          `data: ${JSON.stringify({ ...chunk, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\ndata: [DONE]\n\n`,
        );
      }, 1500);
      res.on('close', () => clearTimeout(rest));
    });
    await new Promise<void>((resolve) => model.listen(0, '127.0.0.1', resolve));
    t = await startAiTestApp(`http://127.0.0.1:${(model.address() as AddressInfo).port}/v1`);
  });
  afterAll(async () => {
    await t?.close();
    model?.close();
  });

  it('is given up like one that never starts: retried, then answered in scripted mode', async () => {
    const guide = guideFixture();
    const { ws, guideId } = await seedWorkspace(t, guide);
    const { id } = await invite(t, ws, guideId);
    const { token } = await identify(t, ws);
    const r = await answer(t, id, token, 's1', longAnswer('reporting'));
    // Each attempt is dropped 1 s after its first words; waited out, it would have been a good reply.
    expect(calls).toBe(3);
    expect(r.reply?.text).toBe(guide.topics[1]?.question);
    expect(r.deltas).toBe(guide.topics[1]?.question);
    const detail = await readJson(await t.request(`/v1/interviews/${id}`, { token: ws.secret_key }));
    expect(detail.messages.at(-1)).toMatchObject({ role: 'interviewer', mode: 'scripted' });
  });
});

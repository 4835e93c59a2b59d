import { run as runRules, table } from '../api/src/extraction/eval/report';
import { evalAiWithStub } from './extraction-ai-stub';

/** `npm run eval -- extraction`: rules on the labelled and held-out sets, then the AI path with a stub model. */
export async function run(): Promise<boolean> {
  const ok = await runRules();
  table(
    'AI extraction with a stub model (answers with the rules findings; measures the AI path, not a model)',
    await evalAiWithStub(),
  );
  return ok;
}

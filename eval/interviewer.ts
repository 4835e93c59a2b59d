import '@hono/zod-openapi';
import { ConfigError, loadConfig } from '../api/src/config';
import { type StubBehaviour, stubBehaviours } from './interviewer/interviewer-stub';
import { personas } from './interviewer/personas';
import { type CustomerSide, type InterviewerSide, runInterviewerEval } from './interviewer/run-eval';
import { formatScorecard, GOALS, overall, passes } from './interviewer/scorecard';

const usage = `npm run eval -- interviewer [options]
  (no model configured)        the app's scripted interviewer, scripted personas
  OPENAI_API_KEY / OPENAI_BASE_URL set
                               the configured model interviews and extracts; a model plays the personas
  --model <name>               the interviewer model (default CANDOR_INTERVIEW_MODEL)
  --persona-model <name>       the model playing the personas (default: the interviewer model)
  --scripted-personas          scripted personas even with a model configured
  --stub[=probing|lazy|rule-breaking]
                               a deterministic stub model interviews (no key needed); scripted personas
  --personas <id,id>           only these personas
  --max-violations <n>         fail above this many rule violations (default ${GOALS.maxViolations})
  --max-false-closes <n>       fail above this many false closes and false hand-offs (default ${GOALS.maxFalseCloses})`;

/** `npm run eval -- interviewer`: every persona through the real app, then the scorecard. */
export async function run(args: string[] = []): Promise<boolean> {
  const option = (name: string) => {
    const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
    if (i < 0) return undefined;
    const arg = args[i] ?? '';
    return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : (args[i + 1] ?? '');
  };
  if (args.includes('--help')) {
    console.log(usage);
    return true;
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    // The same variables the app reads; the eval's own choices come from its flags.
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) console.error(err.message);
    return false;
  }
  const modelConfigured = Boolean(config.openai.apiKey || config.openai.baseUrl);
  const stubFlag = args.find((a) => a === '--stub' || a.startsWith('--stub='));
  const behaviour = stubFlag?.includes('=') ? stubFlag.slice('--stub='.length) : 'probing';
  if (stubFlag && !stubBehaviours.includes(behaviour as StubBehaviour)) {
    console.error(`--stub takes one of ${stubBehaviours.join(', ')}`);
    return false;
  }
  const interviewModel = option('--model') ?? config.openai.interviewModel;
  const interviewer: InterviewerSide = stubFlag
    ? { kind: 'stub', behaviour: behaviour as StubBehaviour }
    : modelConfigured
      ? {
          kind: 'model',
          apiKey: config.openai.apiKey,
          baseUrl: config.openai.baseUrl,
          model: interviewModel,
          synthesisModel: config.openai.synthesisModel,
        }
      : { kind: 'scripted' };
  const personaModel = option('--persona-model') ?? interviewModel;
  const customer: CustomerSide =
    modelConfigured && !stubFlag && !args.includes('--scripted-personas')
      ? { kind: 'model', config: loadConfig({ ...process.env, CANDOR_SYNTHESIS_MODEL: personaModel }) }
      : { kind: 'scripted' };
  const only = option('--personas')?.split(',').filter(Boolean);
  const chosen = only ? personas.filter((p) => only.includes(p.id)) : personas;
  if (only && chosen.length !== only.length) {
    console.error(`Unknown persona. Known: ${personas.map((p) => p.id).join(', ')}`);
    return false;
  }
  const thresholds = {
    maxViolations: Number(option('--max-violations') ?? GOALS.maxViolations),
    maxFalseCloses: Number(option('--max-false-closes') ?? GOALS.maxFalseCloses),
  };

  const side =
    interviewer.kind === 'stub'
      ? `stub model (${interviewer.behaviour})`
      : interviewer.kind === 'model'
        ? `model ${interviewer.model}`
        : 'scripted mode';
  console.log(
    `Interviewer eval: ${chosen.length} personas; interviewer: ${side}; customers: ${customer.kind === 'model' ? `model ${personaModel}` : 'scripted'}`,
  );
  const { scores } = await runInterviewerEval({ interviewer, customer, personas: chosen });
  console.log(formatScorecard(scores, thresholds));
  for (const s of scores)
    for (const v of s.violations) console.log(`  ${s.persona} message ${v.message} [${v.kinds.join(', ')}]: ${v.text}`);
  return passes(overall(scores), thresholds);
}

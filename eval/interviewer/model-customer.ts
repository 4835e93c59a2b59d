import type { Config } from '@candor/api/config';
import { generateStructured } from '@candor/api/model-access/model-provider';
import { z } from 'zod';
import type { CustomerTurn, SimulatedCustomer } from './customer';
import type { PersonaCard } from './persona-card';

const languageNames = { en: 'English', de: 'German', fr: 'French', es: 'Spanish', pt: 'Portuguese', ja: 'Japanese' };

/** The system text that casts the model as the persona: who they are, what they hide, and when they tell it. */
export function personaInstructions(card: PersonaCard): string {
  const facts = card.facts
    .map(
      (f) =>
        `- [${f.id}] ${f.truth}\n  Tell it only when the interviewer's latest message is about: ${f.triggerTopics.join('; ')}.` +
        (f.needsProbe
          ? ' The first time such a question comes, give only a vague non-answer (like "it\'s fine"); tell it when they follow up on that answer.'
          : ''),
    )
    .join('\n');
  const forced = (card.forced ?? []).map(
    (f) => `- In your answer number ${f.turn}, say (in your own words, but keeping its point): "${f.text}"`,
  );
  if (card.wantsToStopAt !== undefined)
    forced.push(
      `- From your answer number ${card.wantsToStopAt} on, you want to stop; if asked whether to stop, say yes.`,
    );
  if (card.wantsPerson) forced.push('- If offered a conversation with a person, accept it.');
  else forced.push('- If offered a conversation with a person, decline politely: you are fine answering here.');
  return [
    'You play a customer in a simulated interview, to test an interviewer. Stay in character; never mention that this is a test.',
    `Who you are: ${card.name}. ${card.profile}`,
    `How you talk: ${card.behaviour}`,
    `Write only in ${languageNames[card.language]}, as a chat message: plain text, no lists.`,
    `Hidden facts (never volunteer them; tell one only when its condition is met):\n${facts || '- none'}`,
    `Fixed moments:\n${forced.join('\n')}`,
    'Answer the interviewer\'s latest message. In "revealed", list the ids of the hidden facts your message tells (none if it tells none).',
  ].join('\n\n');
}

/** A persona played by a model from its card (OpenAI-compatible, through the app's own model access). */
export class ModelCustomer implements SimulatedCustomer {
  private readonly schema;

  constructor(
    private readonly card: PersonaCard,
    private readonly config: Config,
  ) {
    const ids = ['none', ...card.facts.map((f) => f.id)] as [string, ...string[]];
    this.schema = z.object({ message: z.string().min(1).max(2000), revealed: z.array(z.enum(ids)) });
  }

  async answer(
    question: string,
    turn: number,
    transcript: { role: 'interviewer' | 'customer'; text: string }[],
  ): Promise<CustomerTurn> {
    const conversation = transcript
      .map((m) => `${m.role === 'interviewer' ? 'Interviewer' : 'You'}: ${m.text}`)
      .join('\n\n');
    const prompt = `The conversation so far:\n\n${conversation}\n\nThis is your answer number ${turn}. The interviewer's latest message: ${question}`;
    let lastError: unknown;
    for (let attempt = 1; attempt <= 2; attempt++) {
      try {
        const { output } = await generateStructured(this.config, {
          instructions: personaInstructions(this.card),
          prompt,
          schema: this.schema,
          abortSignal: AbortSignal.timeout(60_000),
        });
        return { text: output.message, reveals: output.revealed.filter((id) => id !== 'none') };
      } catch (err) {
        lastError = err;
      }
    }
    throw new Error(
      `the persona model did not answer: ${lastError instanceof Error ? lastError.name : 'unknown error'}`,
    );
  }
}

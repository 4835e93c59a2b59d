import type { CustomerTurn, SimulatedCustomer } from './customer';
import type { HiddenFact, PersonaCard } from './persona-card';

// A follow-up on the last answer rather than a new topic: "why", "what happened", "an example"…
const PROBE =
  /\b(why|what happened|what made|behind (that|this|it)|tell me more|say more|a bit more|more about|example|specific|what do you mean|how so|how come|when did|what exactly)\b|warum|wieso|was ist passiert|genauer|beispiel|woran liegt|was steckt/i;
// "Would you like to stop here?"
const CONFIRM_STOP =
  /\b(stop here|end (the|this|our) (interview|conversation|chat)|would you like to (stop|end)|want to (stop|end) here)\b|aufhören|beenden/i;
// The interviewer offering a person: "Would it help to talk this through with someone from our team?"
const OFFERS_PERSON =
  /\b(talk (this|it|that) through with|talk (to|with) (someone|a person)|someone from (our|the) team|connect you|put you in touch|reach out to you)\b|mit jemandem|in kontakt|verbinden/i;

const lines = {
  en: {
    goOn: "No, let's go on.",
    stop: 'Yes, please stop.',
    stopAgain: 'Please stop.',
    yes: 'Yes, please.',
    no: 'No thanks, not needed.',
  },
  de: {
    goOn: 'Nein, weiter.',
    stop: 'Ja, bitte aufhören.',
    stopAgain: 'Stopp.',
    yes: 'Ja, bitte.',
    no: 'Nein danke, nicht nötig.',
  },
};

/**
 * A persona played from its card without a model: fixed lines at fixed answers, hidden facts
 * told only when a question is on their topic (and, for facts that need it, only on the
 * follow-up after a non-answer), and fillers for everything else.
 */
export class ScriptedCustomer implements SimulatedCustomer {
  private readonly told = new Set<string>();
  /** Facts that got their non-answer: the next question on the topic, or a probe right after, tells them. */
  private readonly dodged = new Set<string>();
  private lastDodged: HiddenFact | undefined;
  private fillers = 0;

  constructor(private readonly card: PersonaCard) {}

  async answer(question: string, turn: number): Promise<CustomerTurn> {
    const say = lines[this.card.language === 'de' ? 'de' : 'en'];
    const stopAt = this.card.wantsToStopAt;
    const lastDodged = this.lastDodged;
    this.lastDodged = undefined;
    if (stopAt !== undefined && turn > stopAt)
      return { text: CONFIRM_STOP.test(question) ? say.stop : say.stopAgain, reveals: [] };
    if (CONFIRM_STOP.test(question)) return { text: say.goOn, reveals: [] };
    const forced = this.card.forced?.find((f) => f.turn === turn);
    if (forced) return { text: forced.text, reveals: [] };
    if (OFFERS_PERSON.test(question)) return { text: this.card.wantsPerson ? say.yes : say.no, reveals: [] };

    const open = this.card.facts.filter((f) => !this.told.has(f.id));
    const probed = lastDodged && !this.told.has(lastDodged.id) && PROBE.test(question) ? lastDodged : undefined;
    const fact = probed ?? open.find((f) => f.topic.test(question));
    if (fact) {
      if (fact.needsProbe && fact !== probed && !this.dodged.has(fact.id)) {
        this.dodged.add(fact.id);
        this.lastDodged = fact;
        return { text: fact.surface ?? this.filler(), reveals: [] };
      }
      this.told.add(fact.id);
      return { text: fact.reveal, reveals: [fact.id] };
    }
    return { text: this.filler(), reveals: [] };
  }

  private filler(): string {
    const list = this.card.fillers;
    return list[Math.min(this.fillers++, list.length - 1)] ?? '…';
  }
}

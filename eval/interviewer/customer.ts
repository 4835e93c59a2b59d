/** What the simulated customer says next, and which hidden facts that message tells. */
export type CustomerTurn = { text: string; reveals: string[] };

/** The customer side of an eval conversation: played from a script or by a model. */
export interface SimulatedCustomer {
  /** The customer's answer to the interviewer's latest message; `turn` counts answers from 1. */
  answer(
    interviewerText: string,
    turn: number,
    transcript: { role: 'interviewer' | 'customer'; text: string }[],
  ): Promise<CustomerTurn>;
}

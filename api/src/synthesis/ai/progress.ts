/** Reports how far a generation has come: the stage it is in and steps done out of a total. */
export type Progress = (stage: string, done: number, total: number) => Promise<void> | void;

/** For generations nobody watches (the daily and weekly jobs, the synchronous POST). */
export const noProgress: Progress = () => {};

// The API's trade rows carry no evaluation id; a fill belongs to the evaluation of its bot and mode that was
// running when the fill was written (the window the decision trace uses to list its fills).

export interface EvaluationWindow {
  readonly id: string;
  readonly mode: "paper" | "live";
  readonly marketId: string | null;
  readonly outcome?: string;
  readonly startedAt: string;
  readonly finishedAt: string | null;
}

export interface FillMoment {
  readonly mode: "paper" | "live";
  readonly marketId: string;
  /** ISO time the fill was written. */
  readonly at: string;
}

/**
 * The evaluation that made the fill, from a bot's evaluations (any order): of those in the fill's mode that
 * started by then, one whose window holds the fill, then one of the same market, then one that filled, then
 * the latest to start. Null when none had started.
 */
export function evaluationOfFill(
  evaluations: readonly EvaluationWindow[],
  fill: FillMoment,
  now: number = Date.now(),
): string | null {
  const at = Date.parse(fill.at);
  const holds = (e: EvaluationWindow) => at <= (e.finishedAt ? Date.parse(e.finishedAt) : now);
  const score = (e: EvaluationWindow) =>
    (holds(e) ? 4 : 0) + (e.marketId === fill.marketId ? 2 : 0) + (e.outcome === "filled" ? 1 : 0);
  const started = evaluations.filter((e) => e.mode === fill.mode && Date.parse(e.startedAt) <= at);
  started.sort((a, b) => score(b) - score(a) || Date.parse(b.startedAt) - Date.parse(a.startedAt));
  return started[0]?.id ?? null;
}

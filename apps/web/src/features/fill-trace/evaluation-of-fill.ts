// The API's trade rows carry no evaluation id; a fill belongs to the evaluation of its bot and mode that was
// running when the fill was written (the same window the decision trace uses to list its fills).

export interface EvaluationWindow {
  readonly id: string;
  readonly mode: "paper" | "live";
  readonly marketId: string | null;
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
 * The evaluation that made the fill, from a bot's evaluations (any order); null when none contains it. One
 * evaluation may consider several markets and record only one, so its market is a tie-breaker, not a filter.
 */
export function evaluationOfFill(
  evaluations: readonly EvaluationWindow[],
  fill: FillMoment,
  now: number = Date.now(),
): string | null {
  const at = Date.parse(fill.at);
  const containing = evaluations.filter(
    (e) =>
      e.mode === fill.mode &&
      Date.parse(e.startedAt) <= at &&
      at <= (e.finishedAt ? Date.parse(e.finishedAt) : now),
  );
  // Same market first; then the latest to start (the innermost window), should two ever overlap.
  const rank = (e: EvaluationWindow) => (e.marketId === fill.marketId ? 0 : 1);
  containing.sort((a, b) => rank(a) - rank(b) || Date.parse(b.startedAt) - Date.parse(a.startedAt));
  return containing[0]?.id ?? null;
}

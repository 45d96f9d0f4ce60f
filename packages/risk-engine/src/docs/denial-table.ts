import { DENIAL_CODES, DENIAL_CONTEXT_FIELDS, DENIAL_DESCRIPTIONS } from "../risk/denial.ts";
import { RISK_CHECKS } from "../risk/risk-checks.ts";

export const DOCS_START =
  "<!-- generated:risk-docs:start (pnpm --filter @open-trade/risk-engine run docs) -->";
export const DOCS_END = "<!-- generated:risk-docs:end -->";

/** A markdown table with padded columns (at least 3 wide), exactly as the repository's formatter (Biome) lays it out. */
function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, c) => Math.max(3, h.length, ...rows.map((row) => (row[c] ?? "").length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(" | ")} |`;
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)];
}

/** The check order and the denial-code table, rendered from the code so the README cannot drift. */
export function renderRiskDocs(): string {
  const order = RISK_CHECKS.map(({ name, unit, measures, codes }, i) => [
    String(i + 1),
    name,
    unit,
    measures,
    codes.map((code) => `\`${code}\``).join(", "),
  ]);
  const rows = DENIAL_CODES.map((code) => {
    const fields: readonly string[] = DENIAL_CONTEXT_FIELDS[code];
    const context = fields.length === 0 ? "—" : fields.map((f) => `\`${f}\``).join(", ");
    return [`\`${code}\``, DENIAL_DESCRIPTIONS[code], context, fields.includes("maxShares") ? "yes" : "no"];
  });
  return [
    "Check order (`RISK_CHECKS`), with what `explain` reports for each:",
    "",
    ...markdownTable(["#", "Check", "Unit", "Limit and value", "Codes"], order),
    "",
    ...markdownTable(["Code", "Meaning", "Context", "Reducible"], rows),
  ].join("\n");
}

/** Replaces what lies between the markers; throws when they are missing so a broken README is noticed. */
export function withRiskDocs(readme: string): string {
  const start = readme.indexOf(DOCS_START);
  const end = readme.indexOf(DOCS_END);
  if (start < 0 || end < start) {
    throw new Error(
      `README needs the markers ${DOCS_START} and ${DOCS_END}; add them where the tables belong.`,
    );
  }
  return `${readme.slice(0, start + DOCS_START.length)}\n\n${renderRiskDocs()}\n\n${readme.slice(end)}`;
}

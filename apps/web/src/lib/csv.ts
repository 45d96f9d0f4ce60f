// CSV as RFC 4180 describes it: every field quoted, quotes doubled, CRLF between records.

const quote = (field: string) => `"${field.replaceAll('"', '""')}"`;

/** One CSV document from a header and rows of exact strings (nothing is re-formatted or rounded here). */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((row) => row.map(quote).join(",")).join("\r\n");
}

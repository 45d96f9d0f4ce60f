// A keyset cursor over (created_at, id), with created_at in epoch microseconds so no precision is lost to JS Dates.

export interface Cursor {
  readonly micros: string;
  readonly id: string;
}

const CURSOR = /^(\d{1,20})_([0-9a-f-]{36})$/;

export function encodeCursor(cursor: Cursor): string {
  return `${cursor.micros}_${cursor.id}`;
}

/** Null for anything that is not a cursor this module wrote. */
export function decodeCursor(text: string): Cursor | null {
  const match = CURSOR.exec(text);
  return match?.[1] && match[2] ? { micros: match[1], id: match[2] } : null;
}

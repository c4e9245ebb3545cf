import type { HeaderInput, HeaderView } from '@switchboard/shared';
import { secretField, secretInputFor, type SecretFieldState } from './secret-field';

/** One header in the form. `row` keys the row in the list, so a removal keeps the others' typing where it is. */
export interface HeaderRow {
  row: number;
  name: string;
  secret: boolean;
  /** A plain header's value, as typed. */
  value: string;
  /** A secret header's value: never shown back once stored. */
  secretValue: SecretFieldState;
}

let nextRow = 0;

export function blankHeaderRow(): HeaderRow {
  return { row: (nextRow += 1), name: '', secret: false, value: '', secretValue: secretField(false) };
}

export function headerRowOf(view: HeaderView): HeaderRow {
  return { ...blankHeaderRow(), name: view.name, secret: view.secret, value: view.secret ? '' : (view.value ?? ''), secretValue: secretField(view.secret && view.hasValue) };
}

/** What is sent: rows with no name are left out, a secret's value follows the key's grammar. */
export function headerInputs(rows: readonly HeaderRow[]): HeaderInput[] {
  return rows
    .filter((row) => row.name.trim() !== '')
    .map((row) =>
      row.secret ? { name: row.name.trim(), secret: true, secretValue: secretInputFor(row.secretValue) } : { name: row.name.trim(), secret: false, value: row.value },
    );
}

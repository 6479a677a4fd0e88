// CSV/formula injection (OWASP, ASVS 5.0 1.2.10): a cell that starts with = + - @ TAB CR
// LF or NUL is run as a formula when the file is opened in a spreadsheet app, so exported
// cells get a leading `'`.
//
// One exception: a cell that is only an optional sign and digits (with an optional decimal
// part), e.g. the E.164 phone `+919876543210` or the amount `-1500.50`. Excel reads it as a
// number literal; with no letters, operators or references it cannot call a function or
// reach another cell, so escaping it would only make phones unreadable. `+91 98765 43210`
// or `-2+3` are not exempt: Excel would evaluate them.

const FORMULA_TRIGGER = /^[=+\-@\t\r\n\0]/;
const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/** The cell text to write into an exported CSV/XLSX cell. */
export function escapeFormula(value: string): string {
  return FORMULA_TRIGGER.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/**
 * Undoes escapeFormula on import, so an error report that was fixed and re-uploaded
 * does not store `'=…` or `'+91…`. Any `'` followed by a trigger character is treated
 * as an escape: a real value starting that way is far rarer than a round-tripped file.
 */
export function stripFormulaEscape(value: string): string {
  return value.length > 1 && value[0] === "'" && FORMULA_TRIGGER.test(value.slice(1)) ? value.slice(1) : value;
}

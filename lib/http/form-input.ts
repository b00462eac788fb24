import { minorToDecimal, parseMoneyInput, parsePercentInput } from '@/lib/money';
import { AppError, type FieldErrors } from '@/lib/errors';
import { isUuid } from '@/lib/fields';

/**
 * A submitted form, read into the shape of the API's JSON body. Text goes on
 * as typed, for the API's schema to trim and judge; numbers, amounts and
 * percentages are converted here. An amount or a percentage that does not
 * parse is a problem on its input (never a 500), reported with the schema's
 * own findings.
 */
export class FormInput {
  /** Inputs that could not be read, by input name. */
  readonly problems: FieldErrors = {};

  constructor(private readonly form: FormData) {}

  /** The text of an input, '' when it is absent. */
  text(name: string): string {
    const value = this.form.get(name);
    return typeof value === 'string' ? value : '';
  }

  /** The text, or undefined when left blank (an optional field is then left out). */
  optional(name: string): string | undefined {
    const value = this.text(name);
    return value.trim() === '' ? undefined : value;
  }

  has(name: string): boolean {
    return this.form.has(name);
  }

  /** Every value of a repeated input (a multiple select, rows of inputs), in order, blanks included. */
  all(name: string): string[] {
    return this.form.getAll(name).filter((v): v is string => typeof v === 'string');
  }

  /** A whole number; other text goes on as it is, so the schema refuses it in its own words. Undefined when blank. */
  integer(name: string): number | string | undefined {
    const value = this.text(name).trim();
    if (value === '') return undefined;
    return /^-?\d{1,15}$/.test(value) ? Number(value) : value;
  }

  /** An amount typed in the currency's major unit ("12.50" GBP, "500" JPY), as minor units. Undefined when blank. */
  money(name: string, currency: string): number | undefined {
    const value = this.text(name).trim();
    if (value === '') return undefined;
    const amount = parseMoneyInput(value, currency);
    if (amount === null) this.problem(name, `Enter an amount like ${minorToDecimal(1250, currency)}.`);
    return amount ?? undefined;
  }

  /** A percentage ("15", "12.5") as basis points. Undefined when blank. */
  percent(name: string): number | undefined {
    const value = this.text(name).trim();
    if (value === '') return undefined;
    const bps = parsePercentInput(value);
    if (bps === null) this.problem(name, 'Enter a percentage from 0 to 100, like 15 or 12.5.');
    return bps ?? undefined;
  }

  /** The id of what the action is about, judged like an id in an API path: anything else is not found. */
  id(name: string, notFound: string): string {
    const value = this.text(name);
    if (!isUuid(value)) throw new AppError('not_found', notFound);
    return value;
  }

  /** What was typed into these inputs. */
  values(names: readonly string[]): Record<string, string> {
    return Object.fromEntries(names.map((name) => [name, this.text(name)]));
  }

  private problem(name: string, message: string): void {
    (this.problems[name] ??= []).push(message);
  }
}

/**
 * API field paths as the form names its inputs: the longest mapped path that
 * is the field or one of its parents (`scope.class_ids` covers
 * `scope.class_ids.3`), else the path itself.
 */
export function toFormFields(fields: FieldErrors, names: Readonly<Record<string, string>> = {}): FieldErrors {
  const paths = Object.keys(names).sort((a, b) => b.length - a.length);
  const out: FieldErrors = {};
  for (const [path, messages] of Object.entries(fields)) {
    const mapped = paths.find((p) => path === p || path.startsWith(`${p}.`));
    (out[mapped === undefined ? path : (names[mapped] ?? path)] ??= []).push(...messages);
  }
  return out;
}

/**
 * Escaping for the HTML report. Everything that comes from a report (frames, ids, titles, reasons, SUT names)
 * reaches the page either through `html` (which escapes every interpolated value unless it is already SafeHtml)
 * or through `jsonForScript` (the embedded data block). Nothing else builds markup from data.
 */

/** Markup that is known to be safe: built by `html` from escaped parts. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** C0 controls except tab/newline/carriage return, DEL and C1 controls: parse errors in HTML, shown as U+FFFD. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an element's content or a double- or single-quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITY[ch]!).replace(CONTROL, '\uFFFD');
}

function renderValue(value: unknown): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(renderValue).join('');
  if (value === undefined || value === null || value === false) return '';
  return escapeHtml(String(value));
}

/** Tagged template: the literal parts are markup, every `${value}` is escaped (arrays are joined, SafeHtml kept). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += renderValue(values[i]) + strings[i + 1]!;
  return new SafeHtml(out);
}

/**
 * JSON to embed in `<script type="application/json">`: `<`, `>` and `&` as \u escapes so that no `</script>`,
 * `<!--` or entity can form, and U+2028/U+2029 escaped as well. JSON.parse of the element's text gives the value back.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

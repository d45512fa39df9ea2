/**
 * XML 1.0 escaping for junit.xml. Characters XML 1.0 cannot carry at all (C0 controls other than tab, newline and
 * carriage return; U+FFFE, U+FFFF; unpaired surrogates) are removed, because no escape can represent them.
 * Text is escaped, never wrapped in CDATA, so a `]]>` in the data is just text (`]]&gt;`).
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with every character XML 1.0 forbids removed. */
export function stripInvalidXml(text: string): string {
  return text.replace(NOT_XML, '');
}

const TEXT_ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const ATTR_ENTITY: Record<string, string> = { ...TEXT_ENTITY, '"': '&quot;', "'": '&apos;', '\n': '&#10;', '\t': '&#9;' };

/** Element content: `&`, `<`, `>` escaped (so `]]>` cannot occur), carriage returns kept as `&#13;`. */
export function xmlText(text: string): string {
  return stripInvalidXml(text).replace(/[&<>\r]/g, (ch) => TEXT_ENTITY[ch]!);
}

/** A quoted attribute value: also quotes, and tab/newline/CR as character references so they survive normalization. */
export function xmlAttr(text: string): string {
  return stripInvalidXml(text).replace(/[&<>"'\t\n\r]/g, (ch) => ATTR_ENTITY[ch]!);
}

/**
 * Where a JSON text goes wrong: Node 20's JSON.parse does not always say, so the runner's file errors find the
 * first offending character themselves with this small recursive-descent reader (grammar of RFC 8259).
 */
export interface SyntaxProblem {
  offset: number;
  line: number;
  column: number;
  message: string;
}

export function locateJsonError(text: string): SyntaxProblem | undefined {
  let i = 0;
  const fail = (message: string): never => {
    throw Object.assign(new Error(message), { offset: i });
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(`unexpected ${describe(text, i)}`);
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      const c = text.charCodeAt(i);
      if (c < 0x20) fail('a control character inside a string (write it as an escape)');
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail('a \\u escape needs four hex digits');
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? '')) fail(`an unknown escape \\${text[i] ?? ''}`);
      }
      i++;
    }
    if (i >= text.length) fail('a string that is not closed');
    i++;
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) fail(`unexpected ${describe(text, i)}`);
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    fail(c === undefined ? 'the text ends where a value should be' : `unexpected ${describe(text, i)} where a value should be`);
  };
  const object = () => {
    i++;
    ws();
    if (text[i] === '}') return void i++;
    for (;;) {
      ws();
      if (text[i] !== '"') fail(`unexpected ${describe(text, i)} where a property name in double quotes should be`);
      string();
      ws();
      if (text[i] !== ':') fail(`unexpected ${describe(text, i)} where ':' should be`);
      i++;
      value();
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') return void i++;
      fail(`unexpected ${describe(text, i)} where ',' or '}' should be`);
    }
  };
  const array = () => {
    i++;
    ws();
    if (text[i] === ']') return void i++;
    for (;;) {
      value();
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') return void i++;
      fail(`unexpected ${describe(text, i)} where ',' or ']' should be`);
    }
  };
  try {
    value();
    ws();
    if (i < text.length) fail(`unexpected ${describe(text, i)} after the end of the value`);
    return undefined;
  } catch (e) {
    const offset = (e as { offset: number }).offset;
    const before = text.slice(0, offset).split('\n');
    return { offset, line: before.length, column: before[before.length - 1].length + 1, message: (e as Error).message };
  }
}

function describe(text: string, i: number): string {
  if (i >= text.length) return 'end of text';
  const word = /^[^\s,:{}[\]"]+/.exec(text.slice(i))?.[0];
  return word ? `"${word.slice(0, 20)}"` : `'${text[i]}'`;
}

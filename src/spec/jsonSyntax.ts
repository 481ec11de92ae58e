// A strict JSON syntax check (RFC 8259) that says what is wrong and where, before the text goes to the
// YAML parser for its ranges: YAML would accept comments, single quotes or bare words that JSON does not.

export interface JsonSyntaxError {
  message: string;
  offset: number;
  length: number;
}

class JsonSyntaxFailure extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly length: number,
  ) {
    super(message);
  }
}

const MAX_DEPTH = 1000;

class JsonScanner {
  private pos = 0;

  constructor(private readonly text: string) {}

  check(): void {
    this.skipSpace();
    if (this.pos >= this.text.length) this.fail('the file is empty; a JSON spec is one object', 0);
    this.value(0);
    this.skipSpace();
    if (this.pos < this.text.length) this.fail('unexpected text after the end of the JSON value');
  }

  private fail(message: string, length = 1): never {
    throw new JsonSyntaxFailure(message, this.pos, Math.max(0, Math.min(length, this.text.length - this.pos)));
  }

  private skipSpace(): void {
    for (;;) {
      const c = this.text[this.pos];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') this.pos++;
      else if (c === '/' && (this.text[this.pos + 1] === '/' || this.text[this.pos + 1] === '*')) {
        this.fail('comments are not allowed in JSON', 2);
      } else return;
    }
  }

  private value(depth: number): void {
    if (depth > MAX_DEPTH) this.fail(`nesting deeper than ${MAX_DEPTH} levels`);
    const c = this.text[this.pos];
    if (c === '{') this.object(depth);
    else if (c === '[') this.array(depth);
    else if (c === '"') this.string();
    else if (c === '-' || (c >= '0' && c <= '9')) this.number();
    else if (this.text.startsWith('true', this.pos)) this.pos += 4;
    else if (this.text.startsWith('false', this.pos)) this.pos += 5;
    else if (this.text.startsWith('null', this.pos)) this.pos += 4;
    else if (c === undefined) this.fail('unexpected end of the file: a value is missing', 0);
    else if (c === "'") this.fail('strings in JSON use double quotes');
    else if (c === '}' || c === ']' || c === ',') this.fail(`expected a value before '${c}'`);
    else this.fail(`unexpected '${this.word()}': JSON values are objects, arrays, "strings", numbers, true, false or null`, this.word().length);
  }

  private word(): string {
    const m = /^[^\s,:{}[\]"]+/.exec(this.text.slice(this.pos, this.pos + 40));
    return m ? m[0] : this.text[this.pos];
  }

  private object(depth: number): void {
    this.pos++; // {
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return;
    }
    for (;;) {
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === '}') this.fail("trailing comma before '}'");
      if (c === undefined) this.fail("unexpected end of the file: the object is not closed with '}'", 0);
      if (c !== '"') this.fail('property names in JSON are double-quoted strings', c === "'" ? 1 : this.word().length);
      this.string();
      this.skipSpace();
      if (this.text[this.pos] !== ':') this.fail("expected ':' after the property name");
      this.pos++;
      this.skipSpace();
      this.value(depth + 1);
      if (this.closes('}', 'object', 'a property value')) return;
    }
  }

  /** After a member: ',' (false, another member follows) or the closing bracket (true); else an error. */
  private closes(close: '}' | ']', what: string, member: string): boolean {
    this.skipSpace();
    const next = this.text[this.pos];
    if (next === ',' || next === close) {
      this.pos++;
      return next === close;
    }
    if (next === undefined) this.fail(`unexpected end of the file: the ${what} is not closed with '${close}'`, 0);
    this.fail(`expected ',' or '${close}' after ${member}`);
  }

  private array(depth: number): void {
    this.pos++; // [
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] === ']') this.fail("trailing comma before ']'");
      this.value(depth + 1);
      if (this.closes(']', 'array', 'an array element')) return;
    }
  }

  private string(): void {
    const start = this.pos;
    this.pos++; // opening quote
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined || c === '\n') {
        this.pos = start;
        this.fail('the string is not closed with "', 1);
      }
      if (c === '"') {
        this.pos++;
        return;
      }
      if (c < ' ') this.fail('control characters must be escaped in JSON strings');
      if (c === '\\') {
        const e = this.text[this.pos + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) this.fail('\\u must be followed by four hex digits', 6);
          this.pos += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) this.fail(`invalid escape '\\${e ?? ''}' in a JSON string`, 2);
        this.pos += 2;
        continue;
      }
      this.pos++;
    }
  }

  private number(): void {
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?/.exec(this.text.slice(this.pos, this.pos + 400));
    if (!m) this.fail(`invalid number '${this.word()}'`, this.word().length);
    const after = this.text[this.pos + m[0].length];
    if (after !== undefined && /[0-9A-Za-z.]/.test(after)) this.fail(`invalid number '${this.word()}'`, this.word().length);
    this.pos += m[0].length;
  }
}

/** The first JSON syntax error of `text`, or undefined when it is valid JSON. */
export function checkJsonSyntax(text: string): JsonSyntaxError | undefined {
  try {
    new JsonScanner(text).check();
    return undefined;
  } catch (e) {
    if (e instanceof JsonSyntaxFailure) return { message: `JSON: ${e.message}`, offset: e.offset, length: e.length };
    throw e;
  }
}

/** A comparison operator of an XLSForm expression. */
export type Comparison = "=" | "!=" | "<" | "<=" | ">" | ">=";

/** A parsed XLSForm expression: parsed once when the form is read, evaluated for every answer. */
export type Expression =
  | { kind: "reference"; name: string; position: number }
  | { kind: "self" }
  | { kind: "column"; name: string; position: number }
  | { kind: "string"; value: string }
  | { kind: "number"; value: number }
  | { kind: "compare"; operator: Comparison; left: Expression; right: Expression }
  | { kind: "and" | "or"; left: Expression; right: Expression }
  | { kind: "not"; operand: Expression }
  | { kind: "selected"; answer: Expression; option: Expression }
  | { kind: "count-selected"; answer: Expression };

/** An answer as expressions see it: the chosen option, the chosen options, a number, a text; absent = empty. */
export type FormValue = string | number | readonly string[];

/** What an expression is evaluated against. */
export interface EvaluationContext {
  /** Answers given so far, by question name. */
  answers: Readonly<Record<string, FormValue | undefined>>;
  /** The value `.` stands for: the answer being checked by a constraint. */
  self?: FormValue;
  /** The row of a choice a choice_filter is deciding on, by column of the choices sheet. */
  choice?: Readonly<Record<string, string>>;
}

/** Why an expression could not be parsed; `position` is the 1-based character where the problem starts. */
export interface ExpressionError {
  position: number;
  message: string;
}

export type ParsedExpression = { ok: true; expression: Expression } | { ok: false; error: ExpressionError };

export interface ParseOptions {
  /** Bare names stand for columns of the choices sheet, as in a choice_filter. */
  choiceColumns?: boolean;
}

type Token =
  | { kind: "reference"; name: string; position: number }
  | { kind: "name"; name: string; position: number }
  | { kind: "string"; value: string; position: number }
  | { kind: "number"; value: number; position: number }
  | { kind: "symbol"; symbol: string; position: number }
  | { kind: "end"; position: number };

class ExpressionSyntaxError extends Error {
  constructor(
    readonly position: number,
    message: string,
  ) {
    super(message);
  }
}

const FUNCTION_ARITY: Readonly<Record<string, number>> = { not: 1, selected: 2, "count-selected": 1 };
const SYMBOLS = ["!=", "<=", ">=", "=", "<", ">", "(", ")", ",", "."];
const NAME_START = /[A-Za-z_]/;
const NAME_PART = /[A-Za-z0-9_.-]/;

/**
 * Parses an XLSForm expression of the supported subset: `${q}`, `.`, string and number literals,
 * comparisons, `and`, `or`, `not(…)`, parentheses, `selected(${q}, 'v')` and `count-selected(${q})`.
 *
 * @example
 * parseExpression("selected(${barriers}, 'language') and ${experience} >= 5"); // { ok: true, expression: … }
 * parseExpression("today() > 3"); // { ok: false, error: { position: 1, message: "unknown function today()" } }
 */
export function parseExpression(text: string, options: ParseOptions = {}): ParsedExpression {
  try {
    const parser = new Parser(tokenize(text), options);
    const expression = parser.parseOr();
    parser.expectEnd();
    return { ok: true, expression };
  } catch (error) {
    if (error instanceof ExpressionSyntaxError) {
      return { ok: false, error: { position: error.position, message: error.message } };
    }
    throw error;
  }
}

/**
 * The question names an expression refers to with `${…}`, each once, in order of appearance.
 *
 * @example
 * referencedQuestions(parsed); // ["region", "experience"] for "${region} = 'almaty' or ${experience} > 3"
 */
export function referencedQuestions(expression: Expression): string[] {
  const names = new Set<string>();
  visit(expression, (node) => {
    if (node.kind === "reference") names.add(node.name);
  });
  return [...names];
}

/** The choices-sheet columns a choice_filter refers to by bare name, each once. */
export function referencedColumns(expression: Expression): string[] {
  const names = new Set<string>();
  visit(expression, (node) => {
    if (node.kind === "column") names.add(node.name);
  });
  return [...names];
}

/** Whether the expression refers to `.`, the answer being checked. */
export function refersToSelf(expression: Expression): boolean {
  let found = false;
  visit(expression, (node) => {
    if (node.kind === "self") found = true;
  });
  return found;
}

/**
 * Evaluates an expression as a condition (relevant, constraint, choice_filter), XPath's way: a missing answer
 * is empty, an empty text or no choice is false, comparing with a number compares numbers.
 *
 * @example
 * isTrue(parsed, { answers: { barriers: ["language", "cost"] } }); // true for "count-selected(${barriers}) >= 2"
 */
export function isTrue(expression: Expression, context: EvaluationContext): boolean {
  return toBoolean(evaluate(expression, context));
}

type Value = string | number | boolean | readonly string[];

/** The value of an expression: a text, a number, a truth value, or the options of a select_multiple. */
export function evaluate(expression: Expression, context: EvaluationContext): Value {
  switch (expression.kind) {
    case "reference":
      return context.answers[expression.name] ?? "";
    case "self":
      return context.self ?? "";
    case "column":
      return context.choice?.[expression.name] ?? "";
    case "string":
    case "number":
      return expression.value;
    case "compare":
      return compare(
        expression.operator,
        evaluate(expression.left, context),
        evaluate(expression.right, context),
      );
    case "and":
      return isTrue(expression.left, context) && isTrue(expression.right, context);
    case "or":
      return isTrue(expression.left, context) || isTrue(expression.right, context);
    case "not":
      return !isTrue(expression.operand, context);
    case "selected":
      return selectedOptions(evaluate(expression.answer, context)).includes(
        toText(evaluate(expression.option, context)),
      );
    case "count-selected":
      return selectedOptions(evaluate(expression.answer, context)).length;
  }
}

function compare(operator: Comparison, left: Value, right: Value): boolean {
  if (operator === "=" || operator === "!=") {
    const equal =
      typeof left === "boolean" || typeof right === "boolean"
        ? toBoolean(left) === toBoolean(right)
        : typeof left === "number" || typeof right === "number"
          ? toNumber(left) === toNumber(right)
          : toText(left) === toText(right);
    return operator === "=" ? equal : !equal;
  }
  const a = toNumber(left);
  const b = toNumber(right);
  switch (operator) {
    case "<":
      return a < b;
    case "<=":
      return a <= b;
    case ">":
      return a > b;
    case ">=":
      return a >= b;
  }
}

function selectedOptions(value: Value): readonly string[] {
  if (Array.isArray(value)) return value;
  return toText(value)
    .split(" ")
    .filter((option) => option !== "");
}

function toText(value: Value): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return value.join(" ");
}

function toNumber(value: Value): number {
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  const text = toText(value).trim();
  return text === "" ? Number.NaN : Number(text);
}

function toBoolean(value: Value): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0 && !Number.isNaN(value);
  return value.length > 0;
}

function visit(expression: Expression, seen: (node: Expression) => void): void {
  seen(expression);
  switch (expression.kind) {
    case "compare":
    case "and":
    case "or":
      visit(expression.left, seen);
      visit(expression.right, seen);
      return;
    case "not":
      visit(expression.operand, seen);
      return;
    case "selected":
      visit(expression.answer, seen);
      visit(expression.option, seen);
      return;
    case "count-selected":
      visit(expression.answer, seen);
      return;
    default:
      return;
  }
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    const position = index + 1;
    if (/\s/.test(char)) {
      index++;
    } else if (text.startsWith("${", index)) {
      const close = text.indexOf("}", index);
      const name = close === -1 ? "" : text.slice(index + 2, close);
      if (!isName(name))
        throw new ExpressionSyntaxError(position, `a reference is written \${question_name}`);
      tokens.push({ kind: "reference", name, position });
      index = close + 1;
    } else if (char === "'" || char === '"') {
      const close = text.indexOf(char, index + 1);
      if (close === -1)
        throw new ExpressionSyntaxError(position, `the text starting here has no closing ${char}`);
      tokens.push({ kind: "string", value: text.slice(index + 1, close), position });
      index = close + 1;
    } else if (/[0-9]/.test(char) || (char === "." && /[0-9]/.test(text[index + 1] ?? ""))) {
      const literal = /^[0-9]*\.?[0-9]+|^[0-9]+/.exec(text.slice(index))![0];
      tokens.push({ kind: "number", value: Number(literal), position });
      index += literal.length;
    } else if (char === "-" && /[0-9.]/.test(text[index + 1] ?? "") && startsOperand(tokens.at(-1))) {
      const literal = /^-[0-9]*\.?[0-9]+/.exec(text.slice(index))?.[0];
      if (!literal) throw new ExpressionSyntaxError(position, "unexpected “-”");
      tokens.push({ kind: "number", value: Number(literal), position });
      index += literal.length;
    } else if (NAME_START.test(char)) {
      let end = index + 1;
      while (end < text.length && NAME_PART.test(text[end]!)) end++;
      tokens.push({ kind: "name", name: text.slice(index, end), position });
      index = end;
    } else {
      const symbol = SYMBOLS.find((candidate) => text.startsWith(candidate, index));
      if (!symbol) throw new ExpressionSyntaxError(position, `unexpected “${char}”`);
      tokens.push({ kind: "symbol", symbol, position });
      index += symbol.length;
    }
  }
  tokens.push({ kind: "end", position: text.length + 1 });
  return tokens;
}

/** A minus sign opens a negative number where an operand is expected, not after one. */
function startsOperand(previous: Token | undefined): boolean {
  if (!previous) return true;
  if (previous.kind === "symbol") return previous.symbol !== ")" && previous.symbol !== ".";
  return previous.kind === "name" && (previous.name === "and" || previous.name === "or");
}

/** A name as XLSForm allows it for questions, choices and forms. */
export function isName(text: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(text);
}

class Parser {
  private index = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly options: ParseOptions,
  ) {}

  parseOr(): Expression {
    let left = this.parseAnd();
    while (this.takeKeyword("or")) left = { kind: "or", left, right: this.parseAnd() };
    return left;
  }

  expectEnd(): void {
    const token = this.peek();
    if (token.kind !== "end")
      throw new ExpressionSyntaxError(token.position, `unexpected ${describe(token)}`);
  }

  private parseAnd(): Expression {
    let left = this.parseEquality();
    while (this.takeKeyword("and")) left = { kind: "and", left, right: this.parseEquality() };
    return left;
  }

  private parseEquality(): Expression {
    let left = this.parseRelation();
    for (let operator = this.takeSymbol("=", "!="); operator; operator = this.takeSymbol("=", "!=")) {
      left = { kind: "compare", operator, left, right: this.parseRelation() };
    }
    return left;
  }

  private parseRelation(): Expression {
    let left = this.parsePrimary();
    for (
      let operator = this.takeSymbol("<", "<=", ">", ">=");
      operator;
      operator = this.takeSymbol("<", "<=", ">", ">=")
    ) {
      left = { kind: "compare", operator, left, right: this.parsePrimary() };
    }
    return left;
  }

  private parsePrimary(): Expression {
    const token = this.next();
    switch (token.kind) {
      case "reference":
        return { kind: "reference", name: token.name, position: token.position };
      case "string":
      case "number":
        return { kind: token.kind, value: token.value } as Expression;
      case "name":
        return this.parseName(token);
      case "symbol":
        if (token.symbol === ".") return { kind: "self" };
        if (token.symbol === "(") {
          const inner = this.parseOr();
          if (!this.takeSymbol(")")) {
            throw new ExpressionSyntaxError(token.position, "this parenthesis is never closed");
          }
          return inner;
        }
        throw new ExpressionSyntaxError(token.position, `unexpected ${describe(token)}`);
      case "end":
        throw new ExpressionSyntaxError(token.position, "the expression ends too early");
    }
  }

  private parseName(token: Extract<Token, { kind: "name" }>): Expression {
    const open = this.peek();
    if (!(open.kind === "symbol" && open.symbol === "(")) {
      if (token.name === "and" || token.name === "or") {
        throw new ExpressionSyntaxError(token.position, `unexpected “${token.name}”`);
      }
      if (this.options.choiceColumns) return { kind: "column", name: token.name, position: token.position };
      throw new ExpressionSyntaxError(
        token.position,
        `unexpected “${token.name}”; a question is referred to as \${${token.name}}`,
      );
    }
    const arity = FUNCTION_ARITY[token.name];
    if (arity === undefined)
      throw new ExpressionSyntaxError(token.position, `unknown function ${token.name}()`);
    this.next();
    const args: Expression[] = [];
    if (!this.takeSymbol(")")) {
      do args.push(this.parseOr());
      while (this.takeSymbol(","));
      if (!this.takeSymbol(")")) {
        throw new ExpressionSyntaxError(open.position, "this parenthesis is never closed");
      }
    }
    if (args.length !== arity) {
      throw new ExpressionSyntaxError(
        token.position,
        `${token.name}() takes ${arity} argument${arity === 1 ? "" : "s"}, not ${args.length}`,
      );
    }
    const [first, second] = args as [Expression, Expression];
    if (token.name === "not") return { kind: "not", operand: first };
    if (token.name === "selected") return { kind: "selected", answer: first, option: second };
    return { kind: "count-selected", answer: first };
  }

  private takeKeyword(keyword: string): boolean {
    const token = this.peek();
    if (token.kind !== "name" || token.name !== keyword) return false;
    this.index++;
    return true;
  }

  private takeSymbol<S extends string>(...symbols: S[]): S | undefined {
    const token = this.peek();
    if (token.kind !== "symbol" || !symbols.includes(token.symbol as S)) return undefined;
    this.index++;
    return token.symbol as S;
  }

  private peek(): Token {
    return this.tokens[this.index]!;
  }

  private next(): Token {
    const token = this.tokens[this.index]!;
    if (token.kind !== "end") this.index++;
    return token;
  }
}

function describe(token: Token): string {
  switch (token.kind) {
    case "reference":
      return `\${${token.name}}`;
    case "name":
      return `“${token.name}”`;
    case "string":
      return `text '${token.value}'`;
    case "number":
      return `number ${token.value}`;
    case "symbol":
      return `“${token.symbol}”`;
    case "end":
      return "end";
  }
}

// Issue 12 item 3: no user-facing string hard-coded outside public/_locales. The shipped source
// (src/**, not tests, fixtures or notes) is parsed with the TypeScript compiler and every string a
// person sees or hears is reported as `file:line: "text"`, so the test names what is left to move
// into the catalogues. What counts (the Rule type below) is deliberately narrower than "every
// literal with letters": Keyward's source is full of words it READS from pages (exchange
// vocabularies, page signals, label patterns in many languages), codes, CSS, selectors and log
// lines, and a check that flagged those would be silenced rather than obeyed. The rules were
// refined on the real tree until what they report is speech; the tests show each one, and each
// thing left out, on small sources.
//
// Never counted: import paths, types, console.* and other calls that never show their arguments
// (selectors, patterns, classList, string lookups), comparisons, property keys, CSS classes (in
// class-named places), style sheets, selectors, addresses, brand names and technical tokens on
// their own, and the page-vocabulary modules and properties (DATA_MODULES, UNSHOWN_PROPERTIES).
//
// A real exception takes `// i18n-exempt: <why>` (or `{/* i18n-exempt: <why> */}` in JSX) on its
// line or the line before; an exemption without a reason, or with nothing to exempt, is itself a
// problem.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { EXCHANGES } from '../../../src/exchanges/registry';
import { PLATFORMS } from '../../../src/platforms/registry';

export type Rule =
  /** (a) JSX text, or a literal given as a JSX child, with letters. */
  | 'jsx-text'
  /**
   * (b) a literal with letters in a JSX attribute people see or hear (title, aria-label, …), or a
   * phrase or capitalised word given to a component's prop that carries no code (action="Reveal").
   */
  | 'jsx-attribute'
  /** (c) a literal given to a user-facing sink: an error's message, textContent, a notification, … */
  | 'sink'
  /**
   * (c) a phrase (letters and a space) under a property, prop, variable or parameter named for
   * people: message, reason, hint, label, …, apiKeyHint; in the UI code a single word too.
   */
  | 'people-property'
  /**
   * (d) in the UI code (popup, picker, content scripts): any other sentence-like literal (a
   * capital and two words, or a sentence's end) or phrase (two words, not CSS classes); and the
   * single words of a table of words that holds one ({ spot: 'Spot', both: 'Spot and futures' }).
   */
  | 'sentence'
  /** (e) anywhere in the shipped code: a whole sentence (three words or more, ending in . ! or ?). */
  | 'statement'
  /** (f) text in an extension page's HTML (its <title>, shown as the window's or tab's name). */
  | 'html-text'
  /** (g) any word in a module of words (`*-words.ts`, `*-text.ts`): "expires", "today". */
  | 'words-module';

export interface Finding {
  /** Path from the repository root, with forward slashes. */
  file: string;
  line: number;
  /** The literal as written (a template's `${…}` kept), white space collapsed. */
  text: string;
  rule: Rule;
}

export interface CheckResult {
  findings: Finding[];
  /** Misused exemptions: no reason, or nothing on their lines to exempt. */
  problems: string[];
}

export interface CheckOptions {
  /** Apply rule (d), every sentence-like literal, to this file (the UI code). */
  sentences: boolean;
  /** Apply rule (g), every word but codes, to this file (a module of words). */
  everyWord?: boolean;
  /** Names that stay as they are in every language (Keyward, exchanges, platforms). */
  brands: readonly string[];
}

/**
 * Names that stay as they are in every language: Keyward's, the exchanges' and the platforms'
 * (not the generic platform's "Other site", which is words).
 */
export const BRANDS: readonly string[] = ['Keyward', ...EXCHANGES.map((exchange) => exchange.name), ...PLATFORMS.filter((platform) => platform.id !== 'generic').map((platform) => platform.name)];

/**
 * Where rule (d) applies: Keyward's own screens and notes. All of src/content, not only
 * src/content/ui: the fill refusals (fill/safety.ts), the leak and lookalike warnings and the
 * picker's status lines are written in the content scripts themselves, and the page vocabulary
 * there lives in the data modules below.
 */
export const SENTENCE_AREAS: readonly string[] = ['src/popup/', 'src/picker/', 'src/content/'];

/** Modules of words by their name: what they hold is said, word by word (deadline-words.ts). */
export const WORDS_MODULE = /-(?:words|text)\.tsx?$/;

/**
 * Modules that only hold what Keyward reads from pages: words and patterns matched against
 * exchange and platform pages, in the languages those pages use. Data, not Keyward's speech.
 */
export const DATA_MODULES: readonly string[] = [
  // Anchored label patterns for the platforms' forms (and their "(optional)" markers).
  'src/platforms/words.ts',
  // The lookalike guard's api-key / secret patterns, on every site.
  'src/content/generic-vocabulary.ts',
  // The word lists every exchange reader adds to the exchange's own vocabulary.
  'src/exchanges/readers/generic-words.ts',
  // The light script's API-page signals and secret labels.
  'src/content/api-signals.ts',
  // Tolerant matching of page labels against a vocabulary.
  'src/dom/words.ts',
];

/**
 * Properties whose values are never Keyward's speech, wherever they appear. Most hold page
 * vocabulary (the exchange and platform definitions mix it with user-facing hints): words matched
 * against pages. `apiKeyLabel` / `secretLabel` / `passphraseLabel` are the exchange's own names for
 * its fields ("Access Key", "Secret Key"), shown as the exchange writes them. `justification` is
 * the offscreen document's reason, read by the browser's reviewers, never shown.
 */
export const UNSHOWN_PROPERTIES: ReadonlySet<string> = new Set([
  'justification',
  'signals',
  'vocabulary',
  'platformNames',
  'hosts',
  'brand',
  'apiKeyLabel',
  'secretLabel',
  'passphraseLabel',
  'fixtures',
  'apiPages',
]);

/** JSX attributes people see or hear. `value` only on buttons (below). */
const SHOWN_ATTRIBUTES: ReadonlySet<string> = new Set(['title', 'placeholder', 'aria-label', 'aria-description', 'aria-placeholder', 'aria-roledescription', 'aria-valuetext', 'alt', 'label']);

/**
 * Property names that say "for people" (`message`, `hint`, …, and camelCase names ending in one:
 * `apiKeyHint`, `unboundRule`, `busyLabel`): a phrase under them is speech. `name` is there for
 * names that are not brands ("Other site"); brand names are left out by hasWords.
 */
const PEOPLE_PROPERTY = /^(?:message|reason|title|label|hint|text|summary|detail|error|rule|warning|advice|description|heading|name|noun|short|[a-z][A-Za-z0-9]*(?:Message|Reason|Title|Label|Hint|Text|Summary|Detail|Error|Rule|Warning|Advice|Description|Heading|Name|Noun))$/;
const isPeopleProperty = (name: string | null): name is string => name !== null && PEOPLE_PROPERTY.test(name);

/**
 * In the UI code a single word under such a name is speech too ({ label: 'Read' }, { label:
 * 'weak' }), but under a `name` only capitalised (<PermissionItem name="Read">): lower-case names
 * there are views, stages and events ({ name: 'list' }).
 */
const singleWordCounts = (name: string, words: string, options: CheckOptions): boolean => options.sentences && (!/(?:^n|N)ame$/.test(name) || /^\p{Lu}/u.test(words.trim()));

/** Errors whose message the popup or picker shows (src/popup/api.ts errorMessage). */
const ERROR_CLASSES: ReadonlySet<string> = new Set(['RefusedError', 'VaultError', 'KeywardError']);

/** DOM properties whose assigned value is shown or read aloud. */
const SHOWN_DOM_PROPERTIES: ReadonlySet<string> = new Set(['textContent', 'innerText', 'title', 'placeholder', 'ariaLabel', 'ariaDescription', 'alt', 'innerHTML', 'outerHTML']);

/** setAttribute names whose value is shown or read aloud. */
const SHOWN_DOM_ATTRIBUTES: ReadonlySet<string> = new Set(['aria-label', 'aria-description', 'title', 'placeholder', 'alt']);

/** Extension APIs whose options' title and message are shown (notifications, the toolbar button, menus). */
const SHOWN_API_CALL = /(?:^|\.)(?:notifications\.(?:create|update)|action\.setTitle|browserAction\.setTitle|(?:contextMenus|menus)\.(?:create|update))$/;

/** Calls whose string arguments are never shown: logs, selectors, patterns, lookups, classes. */
const UNSHOWN_CALL = /(?:^|\.)(?:console\.\w+|classList\.\w+|querySelector|querySelectorAll|closest|matches|getElementById|getElementsByClassName|getElementsByTagName|getAttribute|hasAttribute|removeAttribute|addEventListener|removeEventListener|createElement|RegExp|require|startsWith|endsWith|includes|indexOf|split|replace|replaceAll|test|match|localeCompare)$/;

/** Single technical tokens that read the same in every language. */
const TECHNICAL_TOKENS: ReadonlySet<string> = new Set(['api', 'ip', 'ips', 'ipv4', 'ipv6', 'url', 'https', 'http', 'id', 'uid', 'json', '2fa', 'totp', 'cidr', 'ok']);

const LETTER = /\p{L}/u;

/** HTML entities in JSX text ("&nbsp;") are not words. */
function withoutEntities(text: string): string {
  return text.replace(/&(?:[a-z]+|#\d+|#x[0-9a-f]+);/gi, ' ');
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * Style sheets and declarations (`a: b; c: d;`, `:host { … }`) and selectors (`[role=dialog],
 * dialog`, `input:not([type=hidden])`), which content scripts keep in constants.
 */
export function isCssOrSelector(text: string): boolean {
  if (/\{[^{}]*:[^{}]*\}/.test(text) || /(?:^|;)\s*[a-z-]+\s*:\s*[^;]+;/.test(text)) return true;
  return /\[[\w-]+(?:[~|^$*]?=[^\]]*)?\]|:(?:not|is|where|has)\(/.test(text);
}

/** Letters that are more than a brand or a technical token on their own. */
export function hasWords(text: string, brands: readonly string[]): boolean {
  const plain = collapse(withoutEntities(text)).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  if (!LETTER.test(plain)) return false;
  // An address (https://octobot.example.net:5001, www.htx.com) is the same in every language.
  if (/^(?:[a-z][a-z0-9+.-]*:\/\/\S*|[\w-]+(?:\.[\w-]+)+(?::\d+)?(?:\/\S*)?)$/i.test(plain)) return false;
  if (isCssOrSelector(collapse(text))) return false;
  const lower = plain.toLowerCase();
  if (TECHNICAL_TOKENS.has(lower)) return false;
  return !brands.some((brand) => brand.toLowerCase() === lower);
}

/** Letters and a space: what a property named for people holds when it holds speech. */
export function isPhrase(text: string, brands: readonly string[]): boolean {
  return hasWords(text, brands) && /\S\s+\S/.test(collapse(text));
}

/**
 * Sentence-like: starts with a capital and has at least two words, or ends as a sentence does
 * (. ! ? …), or is written in Chinese script (Keyward's own code holds none but page words).
 */
export function isSentence(text: string, brands: readonly string[]): boolean {
  const plain = collapse(text);
  if (!hasWords(plain, brands)) return false;
  if (/\p{Script=Han}/u.test(plain)) return true;
  if (/^\p{Lu}/u.test(plain) && plain.split(' ').length >= 2) return true;
  return /\p{L}[^\s]*[.!?…]$/u.test(plain) && !/^[\w.-]+\.\w+$/.test(plain);
}

/** A whole sentence: three words or more, ending as a sentence ends. Said, wherever it is written. */
export function isStatement(text: string): boolean {
  const plain = collapse(text);
  return LETTER.test(plain) && plain.split(' ').filter((word) => LETTER.test(word)).length >= 3 && /\p{L}[^\s]*[.!?]$/u.test(plain);
}

type Literal = ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression;

/** The words a literal holds, substitutions left out: "${n} keys" → " keys". */
function wordsOf(literal: Literal): string {
  if (!ts.isTemplateExpression(literal)) return literal.text;
  return [literal.head.text, ...literal.templateSpans.map((span) => span.literal.text)].join('0');
}

/** How a literal is reported: as written, substitutions kept, white space collapsed. */
function shownText(literal: Literal, source: ts.SourceFile): string {
  return collapse(ts.isStringLiteral(literal) ? literal.text : literal.getText(source).slice(1, -1));
}

/** Nodes a literal passes through unchanged on its way to where it is used. */
function passesThrough(node: ts.Node, child: ts.Node): boolean {
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isNonNullExpression(node)) return true;
  if (ts.isConditionalExpression(node)) return child !== node.condition;
  if (ts.isBinaryExpression(node)) {
    const kind = node.operatorToken.kind;
    return kind === ts.SyntaxKind.BarBarToken || kind === ts.SyntaxKind.QuestionQuestionToken || kind === ts.SyntaxKind.PlusToken || (kind === ts.SyntaxKind.AmpersandAmpersandToken && child === node.right);
  }
  return false;
}

/** The node that uses the literal's value, and the child of it the value arrives through. */
function useOf(literal: ts.Node): { user: ts.Node; via: ts.Node } {
  let via: ts.Node = literal;
  let user: ts.Node = literal.parent;
  while (passesThrough(user, via)) {
    via = user;
    user = user.parent;
  }
  return { user, via };
}

function propertyName(name: ts.PropertyName | ts.JsxAttributeName): string | null {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isJsxNamespacedName(name)) return `${name.namespace.text}:${name.name.text}`;
  return null;
}

function calleeName(call: ts.CallExpression | ts.NewExpression, source: ts.SourceFile): string {
  return call.expression.getText(source).replace(/\s+/g, '').replace(/\?\./g, '.');
}

/** Is this node somewhere a string is never shown: a type, an import, a log, a selector, a comparison? */
function neverShown(literal: ts.Node, source: ts.SourceFile): boolean {
  for (let node: ts.Node = literal; node.parent !== undefined; node = node.parent) {
    const parent = node.parent;
    if (ts.isLiteralTypeNode(parent) || ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isExternalModuleReference(parent) || ts.isImportTypeNode(parent)) return true;
    if (ts.isTaggedTemplateExpression(parent)) return true;
    if (ts.isElementAccessExpression(parent) && parent.argumentExpression === node) return true;
    if (ts.isCaseClause(parent) && parent.expression === node) return true;
    // A quoted property name ({ 'field-hidden': … }) is a key, not a value.
    if ((ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent) || ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent)) && parent.name === node) return true;
    if (ts.isBinaryExpression(parent)) {
      const kind = parent.operatorToken.kind;
      if (kind === ts.SyntaxKind.EqualsEqualsEqualsToken || kind === ts.SyntaxKind.ExclamationEqualsEqualsToken || kind === ts.SyntaxKind.EqualsEqualsToken || kind === ts.SyntaxKind.ExclamationEqualsToken || kind === ts.SyntaxKind.InKeyword) return true;
    }
    if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression !== node && UNSHOWN_CALL.test(calleeName(parent, source))) return true;
    if (ts.isPropertyAssignment(parent) && parent.initializer === node) {
      const name = propertyName(parent.name);
      if (name !== null && UNSHOWN_PROPERTIES.has(name)) return true;
    }
    // Statements end the walk: what a literal is part of is decided within its statement.
    if (ts.isStatement(parent) || ts.isSourceFile(parent)) return false;
  }
  return false;
}

/** Where a value is CSS classes: `class`, `className`, `onClass` and the like, or `.className =`. */
function classContext(user: ts.Node, via: ts.Node, source: ts.SourceFile): boolean {
  const classy = (name: string | null): boolean => name !== null && /(?:^c|C)lass(?:Name)?$/.test(name);
  if (ts.isBinaryExpression(user) && user.right === via && ts.isPropertyAccessExpression(user.left)) return classy(user.left.name.text);
  if ((ts.isPropertyAssignment(user) || ts.isVariableDeclaration(user) || ts.isParameter(user) || ts.isBindingElement(user)) && user.initializer === via) {
    return classy(ts.isIdentifier(user.name) || ts.isStringLiteral(user.name) ? user.name.text : null) || (ts.isBindingElement(user) && user.propertyName !== undefined && classy(user.propertyName.getText(source)));
  }
  if (ts.isJsxAttribute(user) || ts.isJsxExpression(user)) {
    const attribute = ts.isJsxAttribute(user) ? user : user.parent;
    return ts.isJsxAttribute(attribute) && classy(propertyName(attribute.name));
  }
  return false;
}

/** A single token with a code's characters: `spot-trading-removed`, `notes.words`, `apiKey`. */
function isCodeToken(text: string): boolean {
  const plain = collapse(text);
  return !/\s/.test(plain) && (/[-._/:@#]/.test(plain) || /\p{Ll}\p{Lu}/u.test(plain));
}

/** A value under a name that carries codes ({ tone: 'good' }, `kind = 'info'`). */
function codeContext(user: ts.Node, via: ts.Node): boolean {
  if ((ts.isPropertyAssignment(user) || ts.isVariableDeclaration(user) || ts.isParameter(user)) && user.initializer === via) {
    const name = ts.isIdentifier(user.name) || ts.isStringLiteral(user.name) ? user.name.text : null;
    return name !== null && CODE_PROP.test(name) && name !== 'name';
  }
  return false;
}

/** Component props that carry codes, ids, classes and links, never words. */
const CODE_PROP = /^(?:class|className|id|key|ref|type|role|rel|href|src|target|for|htmlFor|autocomplete|autoComplete|inputMode|pattern|tone|variant|level|size|kind|mode|field|name|data-.*|aria-hidden|aria-live|[a-z][A-Za-z]*(?:Id|Class|Name|Url|Href))$/;

function isIntrinsic(tag: ts.JsxTagNameExpression): boolean {
  return ts.isIdentifier(tag) && /^[a-z]/.test(tag.text);
}

/**
 * The words the file's own types name (`tense: 'coming' | 'done'`, `type Stage = 'list' | …`):
 * codes, whatever property or table holds them.
 */
function typeWords(source: ts.SourceFile): Set<string> {
  const words = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isLiteralTypeNode(node) && ts.isStringLiteralLike(node.literal)) words.add(node.literal.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return words;
}

/**
 * Rules that take a single word by where it stands alone (a module or a table of words), where a
 * word the file's types name is a code. Not a property named for people: { level: 'weak', label:
 * 'weak' } shows its label, however the level is typed.
 */
const GUESSED_RULES: ReadonlySet<Rule> = new Set(['sentence', 'words-module']);

/** A literal's rule, or null when it is not user-facing where it is. */
function ruleFor(literal: Literal, source: ts.SourceFile, options: CheckOptions, codes: ReadonlySet<string>): Rule | null {
  const rule = literalRule(literal, source, options);
  const words = collapse(wordsOf(literal));
  return rule !== null && GUESSED_RULES.has(rule) && !/\s/.test(words) && codes.has(words) ? null : rule;
}

function literalRule(literal: Literal, source: ts.SourceFile, options: CheckOptions): Rule | null {
  const words = wordsOf(literal);
  const { brands } = options;
  if (!hasWords(words, brands) || neverShown(literal, source)) return null;
  const { user, via } = useOf(literal);
  // In the UI code a phrase is speech too ("created today", "another exchange"), unless it is a
  // list of CSS classes ("msg info", "perm on"), which only class-named places hold.
  const sentence = options.sentences && (isSentence(words, brands) || (isPhrase(words, brands) && !classContext(user, via, source))) ? 'sentence' : null;

  if (ts.isJsxExpression(user)) {
    const owner = user.parent;
    if (ts.isJsxElement(owner) || ts.isJsxFragment(owner)) return 'jsx-text';
    if (ts.isJsxAttribute(owner)) return fromAttribute(attributeRule(owner, words, options), sentence);
    return sentence;
  }
  if (ts.isJsxAttribute(user)) return fromAttribute(attributeRule(user, words, options), sentence);

  if (ts.isNewExpression(user) && user.expression !== via) {
    const name = user.expression.getText(source);
    // Every error here takes (code, message): the code is one token, the message words.
    if (ERROR_CLASSES.has(name) && user.arguments?.[1] === via) return 'sink';
  }
  if (ts.isCallExpression(user) && user.expression !== via) {
    const callee = calleeName(user, source);
    if (/(?:^|\.)setAttribute$/.test(callee) && user.arguments[1] === via) {
      const name = user.arguments[0];
      if (name !== undefined && ts.isStringLiteralLike(name) && SHOWN_DOM_ATTRIBUTES.has(name.text)) return 'sink';
    }
    if (SHOWN_API_CALL.test(callee)) return 'sink';
  }
  if (ts.isBinaryExpression(user) && user.operatorToken.kind === ts.SyntaxKind.EqualsToken && user.right === via) {
    const target = user.left;
    if (ts.isPropertyAccessExpression(target) && SHOWN_DOM_PROPERTIES.has(target.name.text)) return 'sink';
  }
  if (ts.isPropertyAssignment(user) && user.initializer === via) {
    const name = propertyName(user.name);
    // A notification's or menu's options: shown whatever their shape.
    const call = user.parent.parent;
    if (isPeopleProperty(name) && ts.isCallExpression(call) && SHOWN_API_CALL.test(calleeName(call, source))) return 'sink';
    if (isPeopleProperty(name) && (isPhrase(words, brands) || singleWordCounts(name, words, options))) return 'people-property';
  }
  // A variable or parameter named the same way: `const message = '…'`, `exchangeName = 'This exchange'`.
  if ((ts.isVariableDeclaration(user) || ts.isParameter(user)) && user.initializer === via && ts.isIdentifier(user.name)) {
    const name = user.name.text;
    if (isPeopleProperty(name) && (isPhrase(words, brands) || singleWordCounts(name, words, options))) return 'people-property';
  }
  if (sentence !== null) return sentence;
  if (isStatement(words)) return 'statement';
  return options.everyWord === true && !codeContext(user, via) && !isCodeToken(words) ? 'words-module' : null;
}

/** 'unshown': an attribute of a DOM element that is never speech (class, id, data-*, type, role, href, …). */
function fromAttribute(rule: Rule | 'unshown' | null, sentence: Rule | null): Rule | null {
  return rule === 'unshown' ? null : (rule ?? sentence);
}

function attributeRule(attribute: ts.JsxAttribute, words: string, options: CheckOptions): Rule | 'unshown' | null {
  const name = propertyName(attribute.name) ?? '';
  const element = attribute.parent.parent;
  const intrinsic = isIntrinsic(element.tagName);
  if (SHOWN_ATTRIBUTES.has(name)) return 'jsx-attribute';
  if (name === 'value' && intrinsic && buttonLike(element)) return 'jsx-attribute';
  // A component's prop named for people (<Field hint="…">): as an object property would be.
  if (!intrinsic && isPeopleProperty(name) && (isPhrase(words, options.brands) || singleWordCounts(name, words, options))) return 'people-property';
  // Any other prop of a component that passes words on (<FieldAction action="Reveal">, what="backup
  // password"): a phrase, or a capitalised word.
  if (!intrinsic && !CODE_PROP.test(name) && (isPhrase(words, options.brands) || /^\p{Lu}\p{Ll}/u.test(words.trim()))) return 'jsx-attribute';
  if (intrinsic) return 'unshown';
  return null;
}

function buttonLike(element: ts.JsxOpeningLikeElement): boolean {
  if (!ts.isIdentifier(element.tagName)) return false;
  if (element.tagName.text === 'button') return true;
  if (element.tagName.text !== 'input') return false;
  return element.attributes.properties.some(
    (property) => ts.isJsxAttribute(property) && propertyName(property.name) === 'type' && property.initializer !== undefined && ts.isStringLiteral(property.initializer) && ['button', 'submit', 'reset'].includes(property.initializer.text),
  );
}

/** `// i18n-exempt: why` lines, by line number (1-based), with their reasons ('' when none). */
function exemptions(text: string): Map<number, string> {
  const found = new Map<number, string>();
  text.split('\n').forEach((line, index) => {
    const match = /(?:\/\/|\/\*)\s*i18n-exempt\b:?(.*)$/.exec(line);
    if (match) found.set(index + 1, collapse((match[1] ?? '').replace(/\*\/.*$/, '').replace(/^[\s}]*|[\s}]*$/g, '')));
  });
  return found;
}

/**
 * The object literal a literal is a value of (under a key not named for people), or the array
 * literal it is an element of; null for anything else.
 */
function tableOf(literal: Literal): ts.Node | null {
  const { user, via } = useOf(literal);
  if (ts.isArrayLiteralExpression(user)) return user;
  if (ts.isPropertyAssignment(user) && user.initializer === via && !isPeopleProperty(propertyName(user.name)) && ts.isObjectLiteralExpression(user.parent)) return user.parent;
  return null;
}

/** The user-facing literals of one source file. `file` is its path from the repository root. */
export function checkSource(file: string, text: string, options: CheckOptions): CheckResult {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const lineOf = (position: number): number => source.getLineAndCharacterOfPosition(position).line + 1;
  const found: Finding[] = [];
  /** Where each finding starts, to list them in the source's order. */
  const starts = new Map<Finding, number>();
  const add = (start: number, text: string, rule: Rule): void => {
    const finding: Finding = { file, line: lineOf(start), text, rule };
    found.push(finding);
    starts.set(finding, start);
  };
  /** Literals not reported, and where their values go: for the tables of words below. */
  const unreported: { literal: Literal; container: ts.Node }[] = [];
  /** Object and array literals in the UI code holding a phrase or a sentence under a code key. */
  const wordTables = new Set<ts.Node>();

  const codes = typeWords(source);

  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      const words = withoutEntities(node.text);
      if (hasWords(words, options.brands)) {
        const start = node.getStart(source) + (node.text.length - node.text.trimStart().length);
        add(start, collapse(node.text), 'jsx-text');
      }
      return;
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      const rule = ruleFor(node, source, options, codes);
      if (rule !== null) add(node.getStart(source), shownText(node, source), rule);
      const container = tableOf(node);
      if (container !== null && rule === 'sentence') wordTables.add(container);
      if (container !== null && rule === null && options.sentences && hasWords(wordsOf(node), options.brands) && !codes.has(collapse(wordsOf(node))) && !neverShown(node, source)) unreported.push({ literal: node, container });
      // A template not reported may hold literals of their own in its substitutions (`${n} ${n === 1
      // ? 'day' : 'days'}`); one reported already shows them.
      if (rule !== null || !ts.isTemplateExpression(node)) return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  // A table of words (`{ spot: 'Spot', both: 'Spot and futures' }`, code keys, word values) is
  // words throughout: its single words are as much speech as the phrase beside them.
  for (const { literal, container } of unreported) {
    if (wordTables.has(container)) add(literal.getStart(source), shownText(literal, source), 'sentence');
  }
  found.sort((a, b) => (starts.get(a) ?? 0) - (starts.get(b) ?? 0));

  const exempt = exemptions(text);
  const problems: string[] = [];
  const used = new Set<number>();
  // Only an exemption that says why exempts; one without a reason is reported and exempts nothing.
  const findings = found.filter((finding) => {
    const line = [finding.line, finding.line - 1].find((candidate) => (exempt.get(candidate) ?? '') !== '');
    if (line === undefined) return true;
    used.add(line);
    return false;
  });
  for (const [line, reason] of exempt) {
    if (reason === '') problems.push(`${file}:${line}: i18n-exempt needs a reason ("// i18n-exempt: why")`);
    else if (!used.has(line)) problems.push(`${file}:${line}: i18n-exempt with nothing to exempt`);
  }
  return { findings, problems };
}

export function formatFinding(finding: Finding): string {
  return `${finding.file}:${finding.line}: ${JSON.stringify(finding.text)}`;
}

/** Sorted by file, then line, then text. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => (a.file === b.file ? a.line - b.line || a.text.localeCompare(b.text) : a.file < b.file ? -1 : 1));
}

/**
 * The words in an extension page's HTML: element text (the <title> is the picker window's and the
 * tab's name) and the attributes people see or hear. Scripts and styles are not text.
 */
export function checkHtml(file: string, text: string, brands: readonly string[]): Finding[] {
  const found: Finding[] = [];
  const lineOf = (index: number): number => text.slice(0, index).split('\n').length;
  const bare = text.replace(/<(script|style)\b[\s\S]*?<\/\1>|<!--[\s\S]*?-->/gi, (block) => block.replace(/[^\n]/g, ' '));
  for (const match of bare.matchAll(/>([^<>]+)</g)) {
    const words = match[1] ?? '';
    if (hasWords(withoutEntities(words), brands)) found.push({ file, line: lineOf((match.index ?? 0) + 1 + (words.length - words.trimStart().length)), text: collapse(words), rule: 'html-text' });
  }
  for (const match of bare.matchAll(/\s(title|alt|placeholder|aria-label|aria-description)="([^"]*)"/gi)) {
    const words = match[2] ?? '';
    if (hasWords(words, brands)) found.push({ file, line: lineOf(match.index ?? 0), text: collapse(words), rule: 'html-text' });
  }
  return found;
}

/** The shipped extension pages (not fixtures; not the offscreen document, which nobody sees). */
export function shippedPages(root: string): string[] {
  const files: string[] = [];
  const walk = (directory: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'fixtures' && entry.name !== 'offscreen') walk(path);
      } else if (entry.name.endsWith('.html')) {
        files.push(relative(root, path).split(sep).join('/'));
      }
    }
  };
  walk(join(root, 'src'));
  return files.sort();
}

/** The shipped TypeScript: src/**, without tests, test helpers, fixtures, declarations or data modules. */
export function shippedSources(root: string): string[] {
  const files: string[] = [];
  const walk = (directory: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'fixtures' && entry.name !== 'node_modules') walk(path);
      } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$|\.d\.ts$/.test(entry.name) && entry.name !== 'test-helpers.ts') {
        files.push(relative(root, path).split(sep).join('/'));
      }
    }
  };
  walk(join(root, 'src'));
  return files.filter((file) => !DATA_MODULES.includes(file)).sort();
}

/** Every user-facing hard-coded string in the shipped source, and every misused exemption. */
export function checkTree(root: string, brands: readonly string[] = BRANDS): CheckResult {
  const findings: Finding[] = [];
  const problems: string[] = [];
  for (const file of shippedSources(root)) {
    const sentences = SENTENCE_AREAS.some((area) => file.startsWith(area));
    const result = checkSource(file, readFileSync(join(root, file), 'utf8'), { sentences, brands, everyWord: WORDS_MODULE.test(file) });
    findings.push(...result.findings);
    problems.push(...result.problems);
  }
  for (const file of shippedPages(root)) findings.push(...checkHtml(file, readFileSync(join(root, file), 'utf8'), brands));
  return { findings: sortFindings(findings), problems: problems.sort() };
}

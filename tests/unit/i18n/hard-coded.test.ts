import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BRANDS, checkHtml, checkSource, checkTree, formatFinding, isCssOrSelector, isSentence, isStatement, shippedSources, sortFindings, type CheckOptions, type Finding } from './hard-coded';

const root = fileURLToPath(new URL('../../../', import.meta.url));

const UI: CheckOptions = { sentences: true, brands: BRANDS };
const SHARED: CheckOptions = { sentences: false, brands: BRANDS };

/** What the checker reports in a synthetic source, as `line: "text" (rule)`. */
function report(source: string, options: CheckOptions = UI, file = 'src/popup/Example.tsx'): string[] {
  const { findings } = checkSource(file, source, options);
  return findings.map((finding) => `${finding.line}: ${finding.text} (${finding.rule})`);
}

const problems = (source: string, options: CheckOptions = UI): string[] => checkSource('src/popup/Example.tsx', source, options).problems;

describe('the shipped source', () => {
  // Every conversion is in: a string added outside the catalogues fails here.
  it('holds no user-facing string outside public/_locales', () => {
    const listed = checkTree(root).findings.map(formatFinding);
    // The whole list in the failure message, one `file:line: "text"` a line (a diff would cut it).
    expect(listed, `${listed.length} hard-coded user-facing strings:\n${listed.join('\n')}\n`).toEqual([]);
  });

  it('uses i18n-exempt only with a reason, and only where something is exempted', () => {
    expect(checkTree(root).problems).toEqual([]);
  });

  it('is read without tests, test helpers, fixtures or the page-vocabulary modules', () => {
    const files = shippedSources(root);
    expect(files).toContain('src/popup/App.tsx');
    expect(files).toContain('src/background/handlers.ts');
    expect(files.filter((file) => /\.test\.tsx?$|\/fixtures\/|test-helpers\.ts$/.test(file))).toEqual([]);
    expect(files).not.toContain('src/platforms/words.ts');
    expect(files).not.toContain('src/content/generic-vocabulary.ts');
  });
});

describe('the hard-coded string check', () => {
  describe('(a) JSX text', () => {
    it('reports text with letters, and literals given as children', () => {
      const source = [
        'export const A = () => (',
        '  <div>',
        '    <p>Your API keys</p>',
        '    <button>Save</button>',
        "    {busy ? 'Saving…' : 'Saved'}",
        '    <span>{`${count} keys`}</span>',
        '  </div>',
        ');',
      ].join('\n');
      expect(report(source, SHARED)).toEqual(['3: Your API keys (jsx-text)', '4: Save (jsx-text)', '5: Saving… (jsx-text)', '5: Saved (jsx-text)', '6: ${count} keys (jsx-text)']);
    });

    it('leaves out punctuation, entities, brand names and technical tokens on their own', () => {
      const source = ['export const A = () => (', '  <p>', "    {' · '}&nbsp;—", '    <b>Keyward</b> <i>HTX</i> <i>3Commas</i> <code>API</code> {`${a} / ${b}`}', '  </p>', ');'].join('\n');
      expect(report(source)).toEqual([]);
    });
  });

  describe('(b) JSX attributes people see or hear', () => {
    it('reports title, placeholder, aria-label, aria-description, alt and label, and the value of buttons', () => {
      const source = [
        'export const A = () => (',
        '  <form>',
        '    <button title="Lock Keyward" aria-label="Lock" />',
        '    <input placeholder="e.g. grid-bot-1" aria-description={`Show ${what}`} />',
        '    <img alt="Logo" />',
        '    <Field label="Master password" />',
        '    <input type="submit" value="Create vault" />',
        '  </form>',
        ');',
      ].join('\n');
      expect(report(source, SHARED)).toEqual([
        '3: Lock Keyward (jsx-attribute)',
        '3: Lock (jsx-attribute)',
        '4: e.g. grid-bot-1 (jsx-attribute)',
        '4: Show ${what} (jsx-attribute)',
        '5: Logo (jsx-attribute)',
        '6: Master password (jsx-attribute)',
        '7: Create vault (jsx-attribute)',
      ]);
    });

    it('leaves out classes, ids, data-*, types, roles, a text input\'s value, addresses and brands', () => {
      const source = [
        'export const A = () => (',
        '  <div class="card card-danger" id="offer-title" data-testid="Key list" role="alert">',
        '    <input type="text" value="Some Typed Value" name="label" autocomplete="off" />',
        '    <input placeholder="https://octobot.example.net:5001" />',
        '    <span title="Keyward" aria-label="HTX" />',
        '  </div>',
        ');',
      ].join('\n');
      expect(report(source)).toEqual([]);
    });
  });

  describe('(c) user-facing sinks', () => {
    it('reports the message of Keyward\'s errors, not their code', () => {
      const source = ["throw new VaultError('locked', 'The vault is locked. Unlock it first.');", "throw new RefusedError('forbidden', `Keyward cannot open ${what} here`);", "throw new KeywardError('bad-message', reason);"].join('\n');
      expect(report(source, SHARED, 'src/background/x.ts')).toEqual(['1: The vault is locked. Unlock it first. (sink)', '2: Keyward cannot open ${what} here (sink)']);
    });

    it('reports what is put in the DOM\'s text, titles and labels, and given to notifications and the toolbar', () => {
      const source = [
        "button.textContent = 'Fill';",
        "note.title = 'Fill API key and secret from Keyward';",
        "host.setAttribute('aria-label', 'Keyward key picker');",
        "host.setAttribute('class', 'keyward host');",
        "browser.notifications.create('id', { type: 'basic', title: 'Keyward', message: 'Key expiring', iconUrl: 'icon.png' });",
        "chrome.action.setTitle({ title: 'Locked' });",
      ].join('\n');
      expect(report(source, SHARED, 'src/background/x.ts')).toEqual(['1: Fill (sink)', '2: Fill API key and secret from Keyward (sink)', '3: Keyward key picker (sink)', '5: Key expiring (sink)', '6: Locked (sink)']);
    });

    it('reports phrases under properties, props, variables and parameters named for people', () => {
      const source = [
        "const found = { reason: 'Too many keys', code: 'Too many keys', tone: 'warn' };",
        "const hints = { apiKeyHint: '64 letters and digits', unboundRule: 'Gate keeps a key 90 days' };",
        "const message = `${label} is empty`;",
        "function list(text: string, exchangeName = 'This exchange') {}",
        "const platform = { name: 'Other site' };",
      ].join('\n');
      expect(report(source, SHARED, 'src/core/x.ts')).toEqual([
        '1: Too many keys (people-property)',
        '2: 64 letters and digits (people-property)',
        '2: Gate keeps a key 90 days (people-property)',
        '3: ${label} is empty (people-property)',
        '4: This exchange (people-property)',
        '5: Other site (people-property)',
      ]);
    });

    it('leaves out single tokens there, and page vocabulary however it is named', () => {
      const source = [
        "const found = { reason: 'too-many', message: 'vault.unlock', label: 'apiKey', title: 'Keyward' };",
        "const htx = { name: 'HTX', signals: ['API Management', 'Create API Key'], credentials: { apiKeyLabel: 'Access Key', secretLabel: 'Secret Key' } };",
        "const vocabulary = { apiKey: ['access key', 'api key'], hint: /^secret key$/i };",
        "offscreen.createDocument({ justification: 'Copy an API key or secret, and clear it after a delay.' });",
      ].join('\n');
      expect(report(source, SHARED, 'src/exchanges/x.ts')).toEqual([]);
    });

    it('in the UI, reports single words under such names too, but only capitalised ones under a name', () => {
      const source = ["const PERMS = [{ name: 'read', label: 'Read' }];", "setStage({ name: 'list' });", "const strength = { level: 'weak', label: 'weak' };", '<PermissionItem name="Trade" />;'].join('\n');
      expect(report(source)).toEqual(['1: Read (people-property)', '3: weak (people-property)', '4: Trade (people-property)']);
    });
  });

  describe('(d) sentence-like literals in the UI code', () => {
    it('reports them in the popup, picker and content code, not elsewhere', () => {
      const source = ["const SCOPE = { both: 'Spot and futures' };", "setNotice(`Rotation reminder set to ${days} days`);", "const busy = 'Saving…';"].join('\n');
      const expected = ['1: Spot and futures (sentence)', '2: Rotation reminder set to ${days} days (sentence)', '3: Saving… (sentence)'];
      expect(report(source, UI, 'src/picker/x.ts')).toEqual(expected);
      expect(report(source, SHARED, 'src/core/x.ts')).toEqual([]);
    });

    it('leaves out imports, types, logs, selectors, patterns, comparisons, lookups and codes', () => {
      const source = [
        "import { Words } from './Some Module.';",
        "type Stage = 'Some Stage.' | 'list';",
        "console.warn('Keyward could not read the page.', error);",
        "document.querySelector('[aria-label=\"Close it\"]');",
        "new RegExp('Secret Key.');",
        "if (text === 'Create API Key.') send('vault.unlock');",
        "const value = TABLE['Some Entry.'];",
        "switch (key) { case 'Escape Key.': break; }",
        "const pattern = String.raw`Api Key.`;",
        "const address = 'https://www.htx.com/en-us/apikey';",
        "const code = 'wrong-password';",
      ].join('\n');
      expect(report(source)).toEqual([]);
    });

    it('reports phrases there too, but not lists of CSS classes, style sheets or selectors', () => {
      const source = [
        "if (days < 1) return 'created today';",
        "const [a, b] = ready ? ['btn btn-primary', 'chip chip-on'] : ['', ''];",
        "entry.message.className = tone === 'info' ? 'msg info' : 'msg';",
        "function Item({ onClass = 'perm on' }) { return <li class={on ? onClass : 'perm off'} />; }",
        "element.classList.add('is busy');",
        "const CSS = ':host { all: initial; display: block; } .note { font: 13px/1.4 system-ui, sans-serif; }';",
        "frame.style.cssText = 'width: 380px; border: 1px solid #0f766e;';",
        "const MODAL = '[role=dialog], [aria-modal=true], dialog';",
      ].join('\n');
      // The array's strings are classes by their look alone: no place names them. Hence lists
      // of classes belong in class attributes, not in loose arrays, in the UI code.
      expect(report(source)).toEqual(['1: created today (sentence)', '2: btn btn-primary (sentence)', '2: chip chip-on (sentence)']);
      expect(isCssOrSelector('input:not([type=hidden]), textarea')).toBe(true);
      expect(isCssOrSelector('Choose a key')).toBe(false);
    });

    it('reports the words a component is given, not its codes', () => {
      const source = ['<FieldAction action="Reveal" what="backup password" id="export-password" class="btn btn-small" tone="info" autoComplete="new-password" />;', '<DeleteCard noun="key" />;'].join('\n');
      expect(report(source)).toEqual(['1: Reveal (jsx-attribute)', '1: backup password (jsx-attribute)', '2: key (people-property)']);
    });

    it('reports the single words of a table that holds phrases: a table of words', () => {
      const source = [
        "const SCOPE_NAMES = { spot: 'Spot', futures: 'Futures', both: 'Spot and futures' };",
        "const SIDES = ['Top', 'Right', 'Bottom', 'Left'];",
        "const words = { tone: 'good', short: 'Confirmed', text: 'It works.' };",
        "const REFUSALS = { 'field-hidden': 'A field is hidden', 'not-https': 'Not https' };",
      ].join('\n');
      expect(report(source)).toEqual([
        '1: Spot (sentence)',
        '1: Futures (sentence)',
        '1: Spot and futures (sentence)',
        '3: Confirmed (people-property)',
        '3: It works. (people-property)',
        '4: A field is hidden (sentence)',
        '4: Not https (sentence)',
      ]);
    });

    it('knows a sentence when it sees one', () => {
      expect(isSentence('Choose a key', BRANDS)).toBe(true);
      expect(isSentence('Saved.', BRANDS)).toBe(true);
      expect(isSentence('Loading…', BRANDS)).toBe(true);
      expect(isSentence('Which key?', BRANDS)).toBe(true);
      expect(isSentence('复制', BRANDS)).toBe(true);
      expect(isSentence('Spot', BRANDS)).toBe(false);
      expect(isSentence('btn btn-primary', BRANDS)).toBe(false);
      expect(isSentence('index.ts', BRANDS)).toBe(false);
      expect(isSentence('Keyward.', BRANDS)).toBe(false);
    });
  });

  describe('(e) whole sentences anywhere', () => {
    it('reports a literal of three words or more that ends as a sentence ends, outside the UI too', () => {
      const source = ["const REFUSALS = { 'field-hidden': 'A field is hidden.' };", "return ok ? 'The key is not risky.' : 'GET /api/v3/account';", "throw new Error('Unknown exchange: ' + id);"].join('\n');
      expect(report(source, SHARED, 'src/core/x.ts')).toEqual(['1: A field is hidden. (statement)', '2: The key is not risky. (statement)']);
    });

    it('knows a whole sentence', () => {
      expect(isStatement('A field is hidden.')).toBe(true);
      expect(isStatement('bitexbit documents no endpoint for that.')).toBe(true);
      expect(isStatement('Bad reserved block')).toBe(false);
      expect(isStatement('Saved.')).toBe(false);
    });
  });

  describe('(f) extension pages', () => {
    it('report the words of their HTML: the title and the attributes people see, not scripts, styles or the brand alone', () => {
      const html = [
        '<!doctype html>',
        '<html lang="en">',
        '  <head>',
        '    <title>Keyward: choose a key</title>',
        '    <style>body { font: 12px system-ui; }</style>',
        '    <script type="module" src="./main.tsx"></script>',
        '  </head>',
        '  <body><div id="app"></div><img alt="Keyward logo" /><p>Keyward</p></body>',
        '</html>',
      ].join('\n');
      expect(checkHtml('src/picker/window.html', html, BRANDS).map(formatFinding)).toEqual(['src/picker/window.html:4: "Keyward: choose a key"', 'src/picker/window.html:8: "Keyward logo"']);
    });
  });

  describe('(g) modules of words', () => {
    it('report every word in them but codes', () => {
      const source = [
        "const DEADLINE_WORDS = { 'spot-trading-removed': { coming: 'spot trading removed', done: 'expired' } };",
        "const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;",
        "const tone = { tone: 'good', kind: 'notes.words', key: 'noteLeak' };",
      ].join('\n');
      const words: CheckOptions = { ...SHARED, everyWord: true };
      expect(report(source, words, 'src/core/deadline-words.ts')).toEqual(['1: spot trading removed (words-module)', '1: expired (words-module)', '2: day (words-module)', '2: days (words-module)']);
      expect(report(source, SHARED, 'src/core/deadlines.ts')).toEqual([]);
    });

    it('leave out the words the file\'s own types name: codes', () => {
      const source = ["interface Phrase { tense: 'coming' | 'done' }", "const phrase: Phrase = { tense: 'coming' };", "const words = { coming: 'expires' };"].join('\n');
      expect(report(source, { ...SHARED, everyWord: true }, 'src/core/deadline-words.ts')).toEqual(['3: expires (words-module)']);
    });
  });

  describe('templates', () => {
    it('report one that holds words once, with what its substitutions hold', () => {
      const source = "const text = `${name} asks to slow down.${later ? ' Try again in a minute.' : ` Try again in ${s} s.`}`;";
      expect(report(source, SHARED, 'src/popup/x.ts')).toEqual(['1: ${name} asks to slow down.${later ? \' Try again in a minute.\' : ` Try again in ${s} s.`} (people-property)']);
    });

    it('look inside one that holds no words of its own', () => {
      expect(report("const line = `${a}${b === 1 ? 'Add a key' : 'Add keys'}`;")).toEqual(['1: Add a key (sentence)', '1: Add keys (sentence)']);
    });

    it('do not count a substitution as a space: a file name is not a phrase', () => {
      expect(report("return { fileName: `keyward-backup-${date}.json` };", SHARED, 'src/background/x.ts')).toEqual([]);
    });
  });

  describe('i18n-exempt', () => {
    it('exempts its own line or the next, with a reason', () => {
      const source = [
        '// i18n-exempt: the product name with its trademark sign',
        "const brand = 'Keyward Pro Edition';",
        "const other = 'Keyward Lite Edition'; // i18n-exempt: shown only in the developer build",
        'export const A = () => (',
        '  <p>',
        '    {/* i18n-exempt: an example address, the same in every language */}',
        '    e.g. my bot',
        '  </p>',
        ');',
      ].join('\n');
      expect(report(source)).toEqual([]);
      expect(problems(source)).toEqual([]);
    });

    it('is a problem without a reason, and then exempts nothing', () => {
      const source = ['// i18n-exempt', "const brand = 'Keyward Pro Edition';", "const other = 'Keyward Lite Edition'; // i18n-exempt:   "].join('\n');
      expect(report(source)).toEqual(['2: Keyward Pro Edition (sentence)', '3: Keyward Lite Edition (sentence)']);
      expect(problems(source)).toEqual([
        'src/popup/Example.tsx:1: i18n-exempt needs a reason ("// i18n-exempt: why")',
        'src/popup/Example.tsx:3: i18n-exempt needs a reason ("// i18n-exempt: why")',
      ]);
    });

    it('is a problem where there is nothing to exempt', () => {
      expect(problems(['// i18n-exempt: left over', "const code = 'wrong-password';"].join('\n'))).toEqual(['src/popup/Example.tsx:1: i18n-exempt with nothing to exempt']);
    });
  });

  describe('the report', () => {
    it('lists file:line: "text", sorted by file then line', () => {
      const findings: Finding[] = [
        { file: 'src/popup/b.tsx', line: 3, text: 'Save', rule: 'jsx-text' },
        { file: 'src/popup/a.tsx', line: 12, text: 'Say "hi"', rule: 'sentence' },
        { file: 'src/popup/a.tsx', line: 2, text: 'Back', rule: 'jsx-text' },
      ];
      expect(sortFindings(findings).map(formatFinding)).toEqual(['src/popup/a.tsx:2: "Back"', 'src/popup/a.tsx:12: "Say \\"hi\\""', 'src/popup/b.tsx:3: "Save"']);
    });

    it('reads a tree: src only, tests, fixtures and data modules left out, the rules by area', () => {
      const tree = mkdtempSync(join(tmpdir(), 'keyward-hard-coded-'));
      const write = (path: string, text: string): void => {
        mkdirSync(dirname(join(tree, path)), { recursive: true });
        writeFileSync(join(tree, path), text);
      };
      try {
        write('src/popup/View.tsx', 'export const V = () => <p>Hello there</p>;\n');
        write('src/popup/View.test.tsx', 'export const T = () => <p>Not shipped</p>;\n');
        write('src/popup/test-helpers.ts', "export const h = 'Not shipped either.';\n");
        write('src/exchanges/htx/fixtures/page.ts', "export const f = 'Page text here.';\n");
        write('src/platforms/words.ts', "export const w = 'Secret key here.';\n");
        write('src/core/risk.ts', "export const r = { summary: 'No risky keys' };\nexport const s = 'Choose a key';\n");
        write('src/core/deadline-words.ts', "export const w = 'expires';\n");
        write('src/picker/window.html', '<html><head><title>Choose a key</title></head></html>\n');
        write('src/offscreen/offscreen.html', '<html><head><title>Keyward clipboard</title></head></html>\n');
        write('scripts/tool.ts', "export const x = 'Not in src.';\n");
        const result = checkTree(tree);
        expect(result.findings.map(formatFinding)).toEqual(['src/core/deadline-words.ts:1: "expires"', 'src/core/risk.ts:1: "No risky keys"', 'src/picker/window.html:1: "Choose a key"', 'src/popup/View.tsx:1: "Hello there"']);
        expect(result.problems).toEqual([]);
      } finally {
        rmSync(tree, { recursive: true, force: true });
      }
    });
  });
});

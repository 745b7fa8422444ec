import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { packageProblems, zipFileName } from '../../../scripts/package';
import { zipEntries } from '../../../scripts/zip';

/**
 * The checks `npm run package` runs on each store zip (scripts/package.ts), on made-up packages:
 * each kind of fault must be named. tests/e2e/package.test.ts runs them on the real zips.
 */

const file = (text: string) => Buffer.from(text, 'utf8');
const manifest = (version: string) => file(JSON.stringify({ manifest_version: 3, name: 'Keyward', version }));

function build(): Map<string, Buffer> {
  return new Map([
    ['manifest.json', manifest('1.2.3')],
    ['src/background/index.js', file('console.log(1)')],
    ['icons/keyward-16.png', Buffer.from([0x89, 0x50, 0x4e, 0x47])],
  ]);
}

describe('packageProblems', () => {
  it('passes a package that is exactly the build, at package.json’s version', () => {
    expect(packageProblems(build(), build(), '1.2.3')).toEqual([]);
  });

  it('names a file that is not in the build, and what it is', () => {
    const zip = build();
    zip.set('src/background/index.js.map', file('{}'));
    zip.set('src/exchanges/htx/fixtures/www.htx.com/index.html', file('<p>'));
    zip.set('src/vault/kdf.ts', file('export {}'));
    zip.set('src/exchanges/htx/NOTES.md', file('#'));
    expect(packageProblems(zip, build(), '1.2.3')).toEqual([
      'src/background/index.js.map is not in the build',
      'src/background/index.js.map is a source map',
      'src/exchanges/htx/fixtures/www.htx.com/index.html is not in the build',
      'src/exchanges/htx/fixtures/www.htx.com/index.html is a test fixture',
      'src/vault/kdf.ts is not in the build',
      'src/vault/kdf.ts is TypeScript source',
      'src/exchanges/htx/NOTES.md is not in the build',
      'src/exchanges/htx/NOTES.md is notes',
    ]);
  });

  it('refuses a source map even when the build itself made one', () => {
    const dist = build();
    dist.set('src/popup/popup.js.map', file('{}'));
    expect(packageProblems(dist, dist, '1.2.3')).toEqual(['src/popup/popup.js.map is a source map']);
  });

  it('refuses a script that points at a source map', () => {
    const dist = build();
    dist.set('src/popup/popup.js', file('x();\n//# sourceMappingURL=popup.js.map\n'));
    expect(packageProblems(dist, dist, '1.2.3')).toEqual(['src/popup/popup.js points at a source map']);
  });

  it('names a file left out, and one whose bytes differ', () => {
    const zip = build();
    zip.delete('icons/keyward-16.png');
    zip.set('src/background/index.js', file('console.log(2)'));
    expect(packageProblems(zip, build(), '1.2.3')).toEqual([
      "src/background/index.js differs from the build's",
      'icons/keyward-16.png is in the build but not in the package',
    ]);
  });

  it('refuses a manifest whose version is not package.json’s, or none at all', () => {
    expect(packageProblems(build(), build(), '1.2.4')).toEqual(['manifest.json says version 1.2.3, package.json 1.2.4']);
    const bare = build();
    bare.delete('manifest.json');
    expect(packageProblems(bare, bare, '1.2.3')).toEqual(['no manifest.json']);
  });

  it('names the zips by browser and version', () => {
    expect(zipFileName('chrome', '1.2.3')).toBe('keyward-chrome-1.2.3.zip');
    expect(zipFileName('firefox', '1.2.3')).toBe('keyward-firefox-1.2.3.zip');
  });
});

/** A zip as web-ext writes one: a local header and data per file, then the central directory. */
function makeZip(files: readonly { name: string; data: Buffer; deflate: boolean }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data, deflate } of files) {
    const body = deflate ? deflateRawSync(data) : data;
    const nameBytes = file(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(deflate ? 8 : 0, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(deflate ? 8 : 0, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, body);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

describe('zipEntries', () => {
  it('reads stored and deflated files by their paths', () => {
    const text = file('keyward '.repeat(200));
    const zip = makeZip([
      { name: 'manifest.json', data: manifest('1.2.3'), deflate: false },
      { name: 'src/popup/popup.js', data: text, deflate: true },
    ]);
    const entries = zipEntries(zip);
    expect([...entries.keys()]).toEqual(['manifest.json', 'src/popup/popup.js']);
    expect(entries.get('manifest.json')?.equals(manifest('1.2.3'))).toBe(true);
    expect(entries.get('src/popup/popup.js')?.equals(text)).toBe(true);
  });

  it('refuses what is not a zip, and a file listed twice', () => {
    expect(() => zipEntries(Buffer.alloc(100))).toThrow(/not a zip/);
    const twice = makeZip([
      { name: 'a.js', data: file('1'), deflate: false },
      { name: 'a.js', data: file('2'), deflate: false },
    ]);
    expect(() => zipEntries(twice)).toThrow(/twice/);
  });
});

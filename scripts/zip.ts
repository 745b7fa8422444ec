import { readFile } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';

/**
 * Reads the entries of a zip file into memory: enough for checking a store package (npm run
 * package) against the build it came from. Written here rather than taken from a zip library:
 * none is a declared dependency (web-ext's own are its business), the system `unzip` is not one
 * either, and the format's stored and deflated entries need only node:zlib.
 *
 * Covers what web-ext build writes: no zip64 (a package is a few MB), no encryption, no spanning.
 * Anything else is refused with an error rather than read wrongly.
 */

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

function findEndOfCentralDirectory(zip: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535: search backwards from the end.
  const earliest = Math.max(0, zip.length - 22 - 0xffff);
  for (let at = zip.length - 22; at >= earliest; at--) {
    if (zip.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw new Error('not a zip file: no end-of-central-directory record');
}

/** Every file in the zip (directories left out), by its path inside the zip, with its bytes. */
export function zipEntries(zip: Buffer): Map<string, Buffer> {
  const end = findEndOfCentralDirectory(zip);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL_ENTRY) throw new Error(`zip central directory damaged at entry ${i}`);
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localHeader = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if ((flags & 1) !== 0) throw new Error(`${name}: encrypted zip entries are not read`);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localHeader === 0xffffffff) throw new Error(`${name}: zip64 is not read`);
    if (name.endsWith('/')) continue;
    if (zip.readUInt32LE(localHeader) !== LOCAL_HEADER) throw new Error(`${name}: local header missing`);
    // The local header's own name and extra field may differ in length from the central copy's.
    const dataStart = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
    const raw = zip.subarray(dataStart, dataStart + compressedSize);
    let data: Buffer;
    if (method === STORED) data = Buffer.from(raw);
    else if (method === DEFLATED) data = inflateRawSync(raw);
    else throw new Error(`${name}: compression method ${method} is not read`);
    if (data.length !== size) throw new Error(`${name}: ${data.length} bytes read, the directory says ${size}`);
    if (entries.has(name)) throw new Error(`${name} is in the zip twice`);
    entries.set(name, data);
  }
  return entries;
}

export async function readZip(path: string): Promise<Map<string, Buffer>> {
  return zipEntries(await readFile(path));
}

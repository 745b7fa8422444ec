#!/usr/bin/env node
// Draws Keyward's toolbar and store icons and writes them as PNGs, with no dependencies beyond
// Node's zlib: a shield with a keyhole cut through it, teal (#0f766e) on a transparent
// background, and a "locked" variant, a grey (#64748b) shield with a padlock cut through it.
//
//   node scripts/make-icons.mjs [output directory, default public/icons]
//
// Shapes are point-in-shape tests in a unit square (x right, y down); each pixel is the share of
// an N x N grid of sample points that fall inside, so edges are anti-aliased at every size.
// Straight edges sit on multiples of 1/16, so they land on whole pixels at every size and stay
// crisp at 16 px.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 128];
const TEAL = [0x0f, 0x76, 0x6e];
const SLATE = [0x64, 0x74, 0x8b];
const SAMPLES = 8;

// ---------------------------------------------------------------------------------------------
// PNG encoding

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  typeAndData.copy(out, 4);
  out.writeUInt32BE(crc32(typeAndData), 8 + data.length);
  return out;
}

/** rgba: Uint8Array of width * height * 4, straight (not premultiplied) alpha. */
function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // compression
  header[11] = 0; // filter method
  header[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y += 1) {
    raw[y * (stride + 1)] = 0; // filter type: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Geometry (unit square)

const CX = 0.5;

/** A heater shield: rounded top corners, straight sides, curving in to a point at the bottom. */
function inShield(x, y) {
  const top = 1 / 16;
  const shoulder = 0.47; // where the sides start curving in
  const bottom = 0.97;
  const half = 7 / 16;
  const corner = 0.11;
  if (y < top || y > bottom) return false;
  const dx = Math.abs(x - CX);
  if (y <= shoulder) {
    if (dx > half) return false;
    if (y < top + corner && dx > half - corner) {
      const cx = half - corner;
      const cy = top + corner;
      return (dx - cx) ** 2 + (y - cy) ** 2 <= corner * corner;
    }
    return true;
  }
  const t = (y - shoulder) / (bottom - shoulder);
  return dx <= half * (1 - t ** 1.7);
}

/** A keyhole: a round head over a slot that widens downwards. */
function inKeyhole(x, y) {
  const headY = 6 / 16;
  const headR = 2 / 16;
  if ((x - CX) ** 2 + (y - headY) ** 2 <= headR * headR) return true;
  const slotTop = headY;
  const slotBottom = 11 / 16;
  if (y < slotTop || y > slotBottom) return false;
  const t = (y - slotTop) / (slotBottom - slotTop);
  return Math.abs(x - CX) <= 1 / 16 + 0.03 * t;
}

function inRoundedRect(x, y, left, top, right, bottom, r) {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + r), right - r);
  const cy = Math.min(Math.max(y, top + r), bottom - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** A padlock: a rounded body under a shackle (the upper half of a ring plus two short legs). */
function inPadlock(x, y) {
  const bodyTop = 7 / 16;
  if (inRoundedRect(x, y, 5 / 16, bodyTop, 11 / 16, 12 / 16, 0.03)) return true;
  const ringY = 5 / 16;
  const outer = 2 / 16;
  const inner = 1 / 16;
  const dx = x - CX;
  if (y <= ringY) {
    const d2 = dx * dx + (y - ringY) ** 2;
    return d2 <= outer * outer && d2 >= inner * inner;
  }
  return y <= bodyTop + 0.01 && Math.abs(dx) <= outer && Math.abs(dx) >= inner;
}

const GLYPHS = {
  keyward: { colour: TEAL, inside: (x, y) => inShield(x, y) && !inKeyhole(x, y) },
  'keyward-locked': { colour: SLATE, inside: (x, y) => inShield(x, y) && !inPadlock(x, y) },
};

// ---------------------------------------------------------------------------------------------
// Rasterising

function render(size, { colour, inside }) {
  const rgba = new Uint8Array(size * size * 4);
  const total = SAMPLES * SAMPLES;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let hits = 0;
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          if (inside(x, y)) hits += 1;
        }
      }
      const i = (py * size + px) * 4;
      if (hits > 0) {
        rgba[i] = colour[0];
        rgba[i + 1] = colour[1];
        rgba[i + 2] = colour[2];
        rgba[i + 3] = Math.round((hits / total) * 255);
      }
    }
  }
  return rgba;
}

function main() {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const outDir = resolve(process.argv[2] ?? join(root, 'public', 'icons'));
  mkdirSync(outDir, { recursive: true });
  for (const [name, glyph] of Object.entries(GLYPHS)) {
    for (const size of SIZES) {
      const file = join(outDir, `${name}-${size}.png`);
      writeFileSync(file, encodePng(size, size, render(size, glyph)));
      console.log(`wrote ${file}`);
    }
  }
}

main();

#!/usr/bin/env node
// Renders resources/icon.svg into the raster icons electron-builder packages:
//   resources/icon.png   1024×1024 PNG (Linux, and the master raster)
//   resources/icon.ico   Windows: 16–64 px as 32-bit BMP entries + 256 px as a PNG entry
//   resources/icon.icns  macOS: PNG entries from 16 px to 1024 px (incl. @2x variants)
//   resources/icons/NxN.png  Linux: one PNG per freedesktop hicolor size (16–512; hicolor has no
//                        1024 directory, so a lone 1024 px PNG would be installed where no desktop looks)
//
// Why pre-render .ico/.icns instead of letting electron-builder convert icon.png:
// electron-builder 26 converts icons with a separate "icons" toolset it downloads at build time.
// Shipping ready-made files keeps release builds free of that download and makes the result
// reviewable in the repo.
//
// Needs a local Chromium (Debian: `apt-get install -y chromium`); it runs fully offline.
// Usage: node resources/scripts/render-icon.mjs   (CHROMIUM_PATH overrides /usr/bin/chromium)
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const resourcesDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const svgPath = join(resourcesDir, 'icon.svg');

const ICO_BMP_SIZES = [16, 20, 24, 32, 40, 48, 64];
const ICO_PNG_SIZES = [256];
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
// ICNS element types that hold PNG data, and the pixel size each one expects.
const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024], // 512@2x
  ['ic11', 32], // 16@2x
  ['ic12', 64], // 32@2x
  ['ic13', 256], // 128@2x
  ['ic14', 512], // 256@2x
];

/** Rasterises the SVG at each size in Chromium; returns Map<size, {png: Buffer, rgba: Buffer}>. */
async function rasterise(svg, sizes) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    const out = await page.evaluate(
      // Runs inside Chromium, hence the browser globals.
      /* global document, Image */
      async ({ svgBase64, sizeList }) => {
        const img = new Image();
        img.src = 'data:image/svg+xml;base64,' + svgBase64;
        await img.decode();
        const result = {};
        for (const size of sizeList) {
          const canvas = document.createElement('canvas');
          canvas.width = size;
          canvas.height = size;
          const ctx = canvas.getContext('2d');
          ctx.imageSmoothingQuality = 'high';
          ctx.drawImage(img, 0, 0, size, size);
          const rgba = ctx.getImageData(0, 0, size, size).data;
          let bin = '';
          for (let i = 0; i < rgba.length; i += 0x8000) {
            bin += String.fromCharCode.apply(null, rgba.subarray(i, i + 0x8000));
          }
          result[size] = btoa(bin);
        }
        return result;
      },
      { svgBase64: Buffer.from(svg, 'utf8').toString('base64'), sizeList: sizes },
    );
    const map = new Map();
    for (const size of sizes) {
      const rgba = Buffer.from(out[size], 'base64');
      if (rgba.length !== size * size * 4) throw new Error(`unexpected pixel buffer for ${size} px`);
      map.set(size, { rgba, png: encodePng(size, rgba) });
    }
    return map;
  } finally {
    await browser.close();
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function pngChunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([len, typeAndData, crc]);
}
/**
 * Encodes RGBA pixels as an 8-bit RGBA PNG. Chromium's own encoder favours speed; this one picks a
 * filter per row (minimum sum of absolute differences) and deflates at level 9, so the files are
 * about a third of the size.
 */
function encodePng(size, rgba) {
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  const candidate = Buffer.alloc(stride);
  const paeth = (a, b, c) => {
    const p = a + b - c;
    const pa = Math.abs(p - a);
    const pb = Math.abs(p - b);
    const pc = Math.abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
  };
  for (let y = 0; y < size; y++) {
    const row = y * stride;
    let best = -1;
    let bestScore = Infinity;
    for (let filter = 0; filter <= 4; filter++) {
      let score = 0;
      for (let i = 0; i < stride; i++) {
        const x = rgba[row + i];
        const a = i >= 4 ? rgba[row + i - 4] : 0;
        const b = y > 0 ? rgba[row - stride + i] : 0;
        const c = i >= 4 && y > 0 ? rgba[row - stride + i - 4] : 0;
        const pred = filter === 0 ? 0 : filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : paeth(a, b, c);
        const v = (x - pred) & 0xff;
        candidate[i] = v;
        score += v < 128 ? v : 256 - v;
      }
      if (score < bestScore) {
        bestScore = score;
        best = filter;
        raw[y * (stride + 1)] = filter;
        candidate.copy(raw, y * (stride + 1) + 1);
      }
    }
    if (best < 0) throw new Error('unreachable');
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A 32-bit BGRA DIB (BITMAPINFOHEADER + XOR bitmap + AND mask), as stored inside an .ico file. */
function icoBmpEntry(size, rgba) {
  const header = Buffer.alloc(40);
  const maskRowBytes = Math.ceil(size / 32) * 4;
  const xorBytes = size * size * 4;
  const andBytes = maskRowBytes * size;
  header.writeUInt32LE(40, 0); // biSize
  header.writeInt32LE(size, 4); // biWidth
  header.writeInt32LE(size * 2, 8); // biHeight: XOR + AND bitmaps
  header.writeUInt16LE(1, 12); // biPlanes
  header.writeUInt16LE(32, 14); // biBitCount
  header.writeUInt32LE(0, 16); // BI_RGB
  header.writeUInt32LE(xorBytes + andBytes, 20);
  const xor = Buffer.alloc(xorBytes);
  const and = Buffer.alloc(andBytes);
  for (let y = 0; y < size; y++) {
    const srcRow = y * size * 4;
    const dstRow = (size - 1 - y) * size * 4; // DIBs are stored bottom-up
    for (let x = 0; x < size; x++) {
      const s = srcRow + x * 4;
      const d = dstRow + x * 4;
      xor[d] = rgba[s + 2]; // B
      xor[d + 1] = rgba[s + 1]; // G
      xor[d + 2] = rgba[s]; // R
      xor[d + 3] = rgba[s + 3]; // A
      if (rgba[s + 3] === 0) {
        const maskRow = (size - 1 - y) * maskRowBytes;
        and[maskRow + (x >> 3)] |= 0x80 >> (x & 7);
      }
    }
  }
  return Buffer.concat([header, xor, and]);
}

function buildIco(images) {
  // images: Array<{size, data}>, ascending size
  const dir = Buffer.alloc(6 + 16 * images.length);
  dir.writeUInt16LE(0, 0);
  dir.writeUInt16LE(1, 2); // type 1 = icon
  dir.writeUInt16LE(images.length, 4);
  let offset = dir.length;
  images.forEach(({ size, data }, i) => {
    const e = 6 + 16 * i;
    dir.writeUInt8(size >= 256 ? 0 : size, e); // 0 means 256
    dir.writeUInt8(size >= 256 ? 0 : size, e + 1);
    dir.writeUInt8(0, e + 2); // palette size
    dir.writeUInt8(0, e + 3);
    dir.writeUInt16LE(1, e + 4); // colour planes
    dir.writeUInt16LE(32, e + 6); // bits per pixel
    dir.writeUInt32LE(data.length, e + 8);
    dir.writeUInt32LE(offset, e + 12);
    offset += data.length;
  });
  return Buffer.concat([dir, ...images.map((i) => i.data)]);
}

function buildIcns(elements) {
  // elements: Array<{type, data}>
  const parts = elements.map(({ type, data }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

const svg = await readFile(svgPath, 'utf8');
const sizes = [
  ...new Set([...ICO_BMP_SIZES, ...ICO_PNG_SIZES, ...LINUX_SIZES, ...ICNS_TYPES.map(([, s]) => s), 1024]),
].sort(
  (a, b) => a - b,
);
const raster = await rasterise(svg, sizes);
const get = (size) => {
  const r = raster.get(size);
  if (!r) throw new Error(`size ${size} was not rendered`);
  return r;
};

await writeFile(join(resourcesDir, 'icon.png'), get(1024).png);
await writeFile(
  join(resourcesDir, 'icon.ico'),
  buildIco([
    ...ICO_BMP_SIZES.map((size) => ({ size, data: icoBmpEntry(size, get(size).rgba) })),
    ...ICO_PNG_SIZES.map((size) => ({ size, data: get(size).png })),
  ]),
);
await writeFile(join(resourcesDir, 'icon.icns'), buildIcns(ICNS_TYPES.map(([type, size]) => ({ type, data: get(size).png }))));
const linuxDir = join(resourcesDir, 'icons');
await rm(linuxDir, { recursive: true, force: true });
await mkdir(linuxDir);
for (const size of LINUX_SIZES) await writeFile(join(linuxDir, `${size}x${size}.png`), get(size).png);
console.log(`wrote icon.png (1024), icon.ico (${[...ICO_BMP_SIZES, ...ICO_PNG_SIZES].join(', ')}), icon.icns (${ICNS_TYPES.length} entries), icons/ (${LINUX_SIZES.join(', ')})`);

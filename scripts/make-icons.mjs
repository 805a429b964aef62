// Draws the toolbar icons (a blue rounded square with a white speech bubble holding two quote marks)
// into extension/icons/iconN.png. Pure Node: a tiny PNG encoder over zlib. Run: node scripts/make-icons.mjs
import { deflateSync } from "node:zlib";
import { writeFileSync, mkdirSync } from "node:fs";

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

function roundRect(x, y, x0, y0, x1, y1, r) {
  const cx = Math.max(x0 + r, Math.min(x, x1 - r));
  const cy = Math.max(y0 + r, Math.min(y, y1 - r));
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= x0 && x <= x1 && y >= y0 && y <= y1;
}
// Shape in unit coordinates: 0 = transparent, 1 = blue, 2 = white, 3 = blue mark.
function shape(x, y) {
  if (!roundRect(x, y, 0.02, 0.02, 0.98, 0.98, 0.2)) return 0;
  const bubble = roundRect(x, y, 0.16, 0.2, 0.84, 0.68, 0.14) || (x > 0.26 && x < 0.44 && y >= 0.6 && y < 0.84 && x - 0.26 < (0.84 - y) * 0.9);
  if (!bubble) return 1;
  // Two quote marks: a dot and a tail each.
  for (const qx of [0.38, 0.6]) {
    if ((x - qx) ** 2 + (y - 0.42) ** 2 < 0.075 ** 2) return 3;
    if (x > qx - 0.005 && x < qx + 0.07 && y > 0.42 && y < 0.56 && x - qx > (y - 0.42) * 0.2 - 0.01 && x - qx < 0.075 - (y - 0.42) * 0.35) return 3;
  }
  return 2;
}
const COL = { 1: [31, 111, 209, 255], 2: [255, 255, 255, 255], 3: [31, 111, 209, 255] };

mkdirSync("extension/icons", { recursive: true });
for (const size of [16, 32, 48, 128]) {
  const ss = 4;
  const buf = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const s = shape((x + (sx + 0.5) / ss) / size, (y + (sy + 0.5) / ss) / size);
          if (!s) continue;
          const c = COL[s];
          for (let i = 0; i < 3; i++) acc[i] += c[i];
          acc[3] += 255;
        }
      }
      const n = ss * ss;
      const covered = acc[3] / 255;
      const o = (y * size + x) * 4;
      if (covered) for (let i = 0; i < 3; i++) buf[o + i] = Math.round(acc[i] / covered);
      buf[o + 3] = Math.round(acc[3] / n);
    }
  }
  writeFileSync(`extension/icons/icon${size}.png`, png(size, buf));
}
console.log("icons written");

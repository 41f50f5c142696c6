/**
 * Draws the extension's icons (public/icon/16|32|48|128.png) in the installed Chromium: a blue
 * rounded square with a white 审 (审核) and a green tick, simplified at 16 px so it stays
 * readable in the toolbar. Run: npx tsx scripts/make-icons.ts (the PNGs are committed).
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { findChromium } from '../cli/chromium';
import { ROOT } from '../cli/runner';

const SIZES = [16, 32, 48, 128];

/** Runs in the page: returns the icon as a PNG data URL. */
async function draw(s: number): Promise<string> {
  const tick = s >= 32;
  const font = `900 ${Math.round(s * (tick ? 0.7 : 0.86))}px "Noto Sans CJK SC", "Noto Sans SC", sans-serif`;
  await document.fonts.load(font, '审');
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = s;
  const c = canvas.getContext('2d')!;
  c.fillStyle = '#1a56db';
  c.beginPath();
  c.roundRect(0, 0, s, s, s * 0.2);
  c.fill();
  c.fillStyle = '#fff';
  c.textAlign = 'center';
  c.textBaseline = 'middle';
  c.font = font;
  c.fillText('审', s * (tick ? 0.44 : 0.5), s * (tick ? 0.47 : 0.53));
  if (tick) {
    c.fillStyle = '#2e7d32';
    c.beginPath();
    c.arc(s * 0.76, s * 0.76, s * 0.22, 0, Math.PI * 2);
    c.fill();
    c.strokeStyle = '#fff';
    c.lineWidth = s * 0.07;
    c.lineCap = 'round';
    c.lineJoin = 'round';
    c.beginPath();
    c.moveTo(s * 0.66, s * 0.76);
    c.lineTo(s * 0.74, s * 0.84);
    c.lineTo(s * 0.87, s * 0.68);
    c.stroke();
  }
  return canvas.toDataURL('image/png');
}

const exe = findChromium();
if (!exe.path) throw new Error(exe.error);
const browser = await chromium.launch({ executablePath: exe.path, args: ['--no-sandbox'] });
const page = await browser.newPage();
const dir = path.join(ROOT, 'public/icon');
fs.mkdirSync(dir, { recursive: true });
for (const size of SIZES) {
  const png = await page.evaluate(draw, size);
  fs.writeFileSync(path.join(dir, `${size}.png`), Buffer.from(png.split(',')[1]!, 'base64'));
}
await browser.close();
console.log(`icons written to ${dir}`);

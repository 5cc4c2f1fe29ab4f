/**
 * The photo suites' photos, drawn in the page (no files ship for them): light shapes on black,
 * three kinds a model can tell apart, each photo shifted a little from the last.
 */
import type { Page } from '@playwright/test';

export type Kind = 'bars' | 'boxes' | 'rings';

/** Draws the test's photos in the page: light shapes on black, each kind its own, shifted a little photo by photo. */
export async function photoMaker(page: Page): Promise<void> {
  await page.addInitScript(() => {
    (window as unknown as { makePhoto: (kind: string, i: number) => Promise<Blob> }).makePhoto = (kind, i) => {
      const canvas = new OffscreenCanvas(64, 48);
      const x = canvas.getContext('2d')!;
      x.fillStyle = '#000';
      x.fillRect(0, 0, 64, 48);
      const shade = 170 + ((i * 37) % 80);
      x.fillStyle = x.strokeStyle = `rgb(${shade}, ${shade}, ${shade})`;
      const [dx, dy] = [((i * 5) % 9) - 4, ((i * 3) % 7) - 3];
      if (kind === 'bars') {
        x.fillRect(24 + dx, 6 + dy, 7, 36);
        x.fillRect(34 + dx, 6 + dy, 7, 36);
      } else if (kind === 'boxes') x.fillRect(14 + dx, 14 + dy, 36, 22);
      else {
        x.lineWidth = 6;
        x.beginPath();
        x.arc(32 + dx, 24 + dy, 14, 0, 2 * Math.PI);
        x.stroke();
      }
      return canvas.convertToBlob({ type: 'image/png' });
    };
  });
}

/** `count` PNG files of a kind, as Playwright hands files to an input. */
export async function photoFiles(page: Page, kind: Kind, count: number, from = 0): Promise<{ name: string; mimeType: string; buffer: Buffer }[]> {
  const bytes = await page.evaluate(
    async ([k, n, first]) => {
      const make = (window as unknown as { makePhoto: (kind: string, i: number) => Promise<Blob> }).makePhoto;
      return Promise.all(Array.from({ length: n as number }, async (_, i) => Array.from(new Uint8Array(await (await make(k as string, (first as number) + i)).arrayBuffer()))));
    },
    [kind, count, from] as const,
  );
  return bytes.map((b, i) => ({ name: `${kind}-${from + i}.png`, mimeType: 'image/png', buffer: Buffer.from(b) }));
}

/** Adds photos through the element's method, in the page. */
export async function addImages(page: Page, kind: Kind, count: number, from = 0): Promise<void> {
  await page.evaluate(
    async ([k, n, first]) => {
      const make = (window as unknown as { makePhoto: (kind: string, i: number) => Promise<Blob> }).makePhoto;
      const el = document.querySelector('#tp') as unknown as { addImages(c: string, b: Blob[]): Promise<void> };
      await el.addImages(k as string, await Promise.all(Array.from({ length: n as number }, (_, i) => make(k as string, (first as number) + i))));
    },
    [kind, count, from] as const,
  );
}

/** The API reference page the build generates from custom-elements.json, linked from the demo. */
import { readFileSync } from 'node:fs';
import { expect, test } from './test';

test('the API reference lists every attribute, event, part and custom property the manifest has, and the demo links to it', async ({ page }) => {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as {
    modules: { declarations?: { tagName?: string; attributes?: { name: string }[]; events?: { name: string }[]; cssParts?: { name: string }[]; cssProperties?: { name: string }[] }[] }[];
  };
  const element = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'training-playground')!;
  await page.goto('/');
  await page.getByRole('link', { name: /API reference/ }).click();
  await expect(page).toHaveURL(/api\.html$/);
  const names = [...element.attributes!, ...element.events!, ...element.cssParts!, ...element.cssProperties!].map((x) => x.name);
  expect(names).toEqual(expect.arrayContaining(['view', 'speed', 'what-if', 'diagnosis', 'chart', '--tp-accent']));
  for (const name of names) await expect(page.locator('td code', { hasText: new RegExp(`^${name.replace(/[-]/g, '\\-')}$`) }).first()).toBeVisible();
});

/** pt-BR and the dark theme reach every visible string and colour, and switch live. */
import { expect, nextRun, openPlayground, test } from './test';

test('pt-BR from the page: every label, button and the diagnosis in Portuguese', async ({ page }) => {
  const playground = await openPlayground(page, { scenario: 'line', epochs: '3', schedule: 'constant', 'page-lang': 'pt-BR', controls: 'epochs max-lr schedule lr-find' });
  const run = await nextRun(page, 0);
  expect(run.code).toBe('too-few-epochs');
  await expect(playground.locator('[part="diagnosis"]')).toContainText('Poucas épocas');
  await expect(playground.locator('[part="diagnosis"]')).toContainText('perda na validação termina em');
  await expect(playground.locator('[part="diagnosis"]')).toContainText('testado com variações');
  await expect(playground.getByRole('button', { name: /Experimente: 3× as épocas/ })).toBeVisible();
  await expect(playground.locator('.chart-host .u-legend')).toContainText('3× épocas');
  await expect(playground.getByText('Taxa de aprendizado máxima (max_lr)')).toBeVisible();
  await expect(playground.getByRole('button', { name: 'Treinar', exact: true })).toBeVisible();
  await expect(playground.getByRole('button', { name: 'Encontrar a taxa de aprendizado' })).toBeVisible();
  await expect(playground.locator('.chart-host .u-legend')).toContainText('perda na validação');
  const text = await playground.evaluate((el) => el.shadowRoot!.textContent!);
  for (const english of ['Epochs', 'Train', 'Diagnosis', 'valid loss', 'Copy']) expect(text).not.toContain(english);
});

test('switching lang and theme on a live element changes its strings and colours', async ({ page }) => {
  const playground = await openPlayground(page, { scenario: 'line', epochs: '3' });
  await nextRun(page, 0);
  const background = () => playground.evaluate((el) => getComputedStyle(el.shadowRoot!.querySelector('.root')!).backgroundColor);
  expect(await background()).toBe('rgb(255, 255, 255)');
  await playground.evaluate((el) => el.setAttribute('theme', 'dark'));
  await expect.poll(background).toBe('rgb(17, 24, 39)');
  await playground.evaluate((el) => el.setAttribute('lang', 'pt-BR'));
  await expect(playground.getByRole('button', { name: 'Treinar', exact: true })).toBeVisible();
  // The canvas reads its colours again: the train-loss series takes the dark theme's blue.
  const stroke = await playground.evaluate((el) => getComputedStyle(el.shadowRoot!.querySelector('.root')!).getPropertyValue('--_train').trim());
  expect(stroke).toBe('#60a5fa');
  await playground.evaluate((el) => el.setAttribute('style', '--tp-train-color: rgb(0, 128, 0)'));
  await expect.poll(() => playground.evaluate((el) => getComputedStyle(el.shadowRoot!.querySelector('.root')!).getPropertyValue('--_train').trim())).toBe('rgb(0, 128, 0)');
});

test('theme="auto" follows prefers-color-scheme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const playground = await openPlayground(page, { scenario: 'line', epochs: '2', theme: 'auto' });
  await nextRun(page, 0);
  await expect(playground.locator('.root')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(playground.locator('.root')).toHaveAttribute('data-theme', 'light');
});

/**
 * The demo page: four playgrounds, presets for the notes' failure modes, English and
 * Portuguese, and every setting in the URL (`?lang=pt-BR&line.max-lr=3`) so a learner can
 * share exactly what they see.
 */
import '../index';
import { PRESETS, URL_SETTINGS } from './presets';
import { TEXTS } from './texts';
import type { Language } from '../engine/index';

const playgrounds = [...document.querySelectorAll('training-playground')];

function readUrl(): void {
  const params = new URLSearchParams(location.search);
  setLanguage(params.get('lang') === 'pt-BR' ? 'pt-BR' : 'en', false);
  for (const element of playgrounds) {
    for (const { attribute: name, kind } of URL_SETTINGS) {
      const value = params.get(`${element.id}.${name}`);
      if (value === null) continue;
      if (kind.type === 'boolean') element.toggleAttribute(name, value !== 'false');
      else element.setAttribute(name, value);
    }
  }
}

function writeUrl(): void {
  const params = new URLSearchParams();
  if (document.documentElement.lang === 'pt-BR') params.set('lang', 'pt-BR');
  for (const element of playgrounds) {
    for (const { attribute: name, kind } of URL_SETTINGS) {
      const value = element.getAttribute(name);
      if (value !== null) params.set(`${element.id}.${name}`, kind.type === 'boolean' ? 'true' : value);
    }
  }
  const query = params.toString();
  history.replaceState(null, '', query ? `?${query}` : location.pathname);
}

function setLanguage(lang: Language, write = true): void {
  document.documentElement.lang = lang;
  const texts = TEXTS[lang];
  document.querySelectorAll<HTMLElement>('[data-text]').forEach((el) => (el.textContent = texts[el.dataset.text!] ?? ''));
  document.querySelectorAll<HTMLButtonElement>('[data-lang]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.lang === lang)));
  for (const element of playgrounds) element.lang = lang;
  renderPresets(lang);
  if (write) writeUrl();
}

function renderPresets(lang: Language): void {
  const texts = TEXTS[lang];
  document.querySelector('#presets')!.replaceChildren(
    ...PRESETS.map((preset) => {
      const card = document.createElement('div');
      card.className = 'preset';
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.preset = preset.code;
      button.textContent = texts[preset.code]!;
      button.addEventListener('click', () => {
        const target = document.getElementById(preset.target)!;
        // A preset keeps the playground's data set and seed, and resets the rest.
        for (const { attribute: name } of URL_SETTINGS) if (name !== 'seed' && name !== 'scenario') target.removeAttribute(name);
        for (const [name, value] of Object.entries(preset.attributes)) target.setAttribute(name, value);
        target.scrollIntoView({ behavior: 'smooth', block: 'center' });
      });
      const text = document.createElement('p');
      text.textContent = texts[`${preset.code}-text`]!;
      card.append(button, text);
      return card;
    }),
  );
}

document.querySelectorAll<HTMLButtonElement>('[data-lang]').forEach((button) =>
  button.addEventListener('click', () => setLanguage(button.dataset.lang as Language)),
);
readUrl();
for (const element of playgrounds) element.addEventListener('train-start', writeUrl);

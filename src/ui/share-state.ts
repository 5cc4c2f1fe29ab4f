/**
 * `share`: the element's settings in the page URL's hash, as TensorFlow Playground keeps its
 * own (`#scenario=digits&epochs=8&max-lr=3e-3`), so a link opens the run a learner sees. On
 * connect the hash's settings are set as attributes: they win over the page's, and a bad value
 * is reported as a bad attribute is (resolve-settings.ts), there being no second validator.
 * After each update the hash is written with `history.replaceState`: no new history entry per
 * slider step. The keys are the training attributes and `controls`, never `src`: a CSV's rows
 * and a learner's photos stay out of the URL. Parts of the hash that are not such keys (a
 * page's own `#section`) are kept. Keys carry no element name: one element a page uses `share`.
 *
 * @example
 * import type { LitElement } from 'lit';
 * // given: const host: LitElement & { share: boolean }
 * new ShareState(host, () => host.share);
 * sharedHash((name) => (name === 'epochs' ? '8' : null), new Set(), '#intro'); // "#epochs=8&intro"
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { PER_SCENARIO, SETTINGS } from '../engine/index';

/** The settings a shared link carries: every one a run is trained with, and which controls show. */
export const SHARED_SETTINGS = SETTINGS.filter((s) => 'field' in s || s.attribute === 'controls');
const SHARED = new Map<string, (typeof SHARED_SETTINGS)[number]>(SHARED_SETTINGS.map((s) => [s.attribute, s]));

/** A hash's `&`-separated parts, each with its key decoded ('+' is a space, as in a query). */
function parts(hash: string): { key: string; value: string; text: string }[] {
  return hash
    .replace(/^#/, '')
    .split('&')
    .filter((text) => text !== '')
    .map((text) => {
      const at = text.indexOf('=');
      const decode = (s: string) => {
        try {
          return decodeURIComponent(s.replace(/\+/g, ' '));
        } catch {
          return s; // a stray % in a page's own anchor
        }
      };
      return { key: decode(at < 0 ? text : text.slice(0, at)), value: at < 0 ? '' : decode(text.slice(at + 1)), text };
    });
}

/** The shared settings a hash holds, as [attribute, value] in its order. */
export function readSharedHash(hash: string): [attribute: string, value: string][] {
  return parts(hash).flatMap(({ key, value }) => (SHARED.has(key) ? [[key, value] as [string, string]] : []));
}

/** A value as the hash writes it: commas (a slice, hidden's widths) kept readable, spaces as %20. */
const encode = (text: string) => encodeURIComponent(text).replace(/%2C/gi, ',');

/**
 * The hash for the settings `attribute` reads (null: absent), and the parts of `hash` that are
 * not shared settings. A setting at its table default is left out (the hash lists what was
 * chosen), unless the page itself set that attribute (`fromPage`): the link must then say so,
 * or the page's value would come back. A boolean the page set and the learner cleared is `false`.
 */
export function sharedHash(attribute: (name: string) => string | null, fromPage: ReadonlySet<string>, hash: string): string {
  const written = SHARED_SETTINGS.flatMap(({ attribute: name, kind, default: fallback }) => {
    const value = attribute(name);
    if (value === null) return kind.type === 'boolean' && fromPage.has(name) ? [`${name}=false`] : [];
    const text = kind.type === 'boolean' ? 'true' : value;
    const isDefault = fallback !== PER_SCENARIO && text === String(fallback);
    return isDefault && !fromPage.has(name) ? [] : [`${name}=${encode(text)}`];
  });
  const others = parts(hash).flatMap(({ key, text }) => (SHARED.has(key) ? [] : [text]));
  const all = [...written, ...others];
  return all.length ? `#${all.join('&')}` : '';
}

export class ShareState implements ReactiveController {
  /** The shared attributes the page set before the hash was read: a link always says what they became. */
  private fromPage: Set<string> | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly enabled: () => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (!this.enabled()) return;
    this.fromPage ??= new Set(SHARED_SETTINGS.map((s) => s.attribute).filter((name) => this.host.hasAttribute(name)));
    for (const [name, value] of readSharedHash(location.hash)) {
      if (SHARED.get(name)!.kind.type === 'boolean') this.host.toggleAttribute(name, value !== 'false');
      else this.host.setAttribute(name, value);
    }
  }

  hostUpdated(): void {
    if (!this.enabled() || !this.host.isConnected) return;
    this.fromPage ??= new Set();
    const hash = sharedHash((name) => this.host.getAttribute(name), this.fromPage, location.hash);
    if (hash === location.hash) return;
    history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
  }
}

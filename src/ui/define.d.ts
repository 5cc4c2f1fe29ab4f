/**
 * Registers a custom element unless its name is taken: two copies of the bundle on one page
 * (a course site's own, and a CDN tag in an embedded lesson) must not throw. The first copy's
 * class serves both.
 *
 * @example
 * defineOnce('training-playground', TrainingPlayground);
 */
export declare function defineOnce(name: string, element: CustomElementConstructor): void;

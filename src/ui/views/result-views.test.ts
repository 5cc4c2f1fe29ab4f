import { describe, expect, it } from 'vitest';
import { cellShade } from './confusion-view';
import { lossCaption } from './top-losses-view';

describe('the confusion matrix shading', () => {
  it('leaves an empty cell untinted and tints the largest count fully', () => {
    expect(cellShade(0, 40)).toBe(0);
    expect(cellShade(40, 40)).toBe(1);
  });

  it('tints a single mistake visibly beside a large one, and more counts more', () => {
    expect(cellShade(1, 200)).toBeGreaterThanOrEqual(0.12);
    expect(cellShade(50, 200)).toBeLessThan(cellShade(100, 200));
  });

  it('tints nothing where the largest count is zero', () => {
    expect(cellShade(0, 0)).toBe(0);
  });
});

describe('the top-loss caption', () => {
  const names = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt'];
  const top = { index: 17, actual: 0, predicted: 6, loss: 3.2149, probability: 0.0401 };

  it("reads as fastai's plot_top_losses: predicted/actual / loss / probability", () => {
    expect(lossCaption({ ...top, actual: 4, predicted: 3 }, names, 'en')).toBe('Dress/Coat / 3.21 / 0.04');
  });

  it('sets a name with a slash of its own in parentheses, so predicted and actual stay apart', () => {
    expect(lossCaption(top, names, 'en')).toBe('Shirt/(T-shirt/top) / 3.21 / 0.04');
    expect(lossCaption({ ...top, actual: 4, predicted: 0 }, names, 'en')).toBe('(T-shirt/top)/Coat / 3.21 / 0.04');
  });

  it('writes decimal commas in Portuguese', () => {
    expect(lossCaption(top, names, 'pt-BR')).toBe('Shirt/(T-shirt/top) / 3,21 / 0,04');
  });

  it('names a class by its number where the data name none', () => {
    expect(lossCaption({ ...top, actual: 3, predicted: 8 }, [], 'en')).toBe('8/3 / 3.21 / 0.04');
  });
});

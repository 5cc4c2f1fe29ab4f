import { it } from 'vitest';
import { createEngine } from './create-engine';

it('explore', async () => {
  const engine = await createEngine({ backend: 'cpu' });
  const found = await engine.lrFind({ scenario: 'spiral' });
  console.log(found.lrs.length, found.losses.map((l, i) => `${found.lrs[i]!.toExponential(1)}:${l.toFixed(3)}`).join(' '));
}, 60_000);

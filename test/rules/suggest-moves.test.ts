import { describe, expect, it } from 'vitest';
import collision from '../../src/rules/overlap/collision.js';
import density from '../../src/rules/overlap/density.js';
import silence from '../../src/rules/gap/silence.js';
import { runRules } from '../../src/rules/engine.js';
import { suggestMoves } from '../../src/rules/suggest-moves.js';
import { expandTimeline } from '../../src/timeline/expand.js';
import type { Config } from '../../src/config/config.js';
import type { Inventory } from '../../src/types.js';
import { config, inventory, scheduled, tp } from '../timeline/factory.js';

const RULES = [collision, density, silence];

function auditMoves(inv: Inventory, cfg: Config = config()) {
  const input = { inventory: inv, config: cfg, timeline: expandTimeline(inv, cfg), asOf: '2026-11-01' };
  return suggestMoves(runRules(RULES, input, ['audit']), RULES, input);
}

describe('suggestMoves', () => {
  it('moves the QBR off the renewal reminder’s day', () => {
    const inv = inventory({
      segments: ['enterprise'],
      touchpoints: [
        tp({ id: 'qbr', channel: 'video-call', timing: scheduled('renewal', -90) }),
        tp({ id: 'renewal-reminder-90', timing: scheduled('renewal', -90) }),
      ],
    });
    const found = auditMoves(inv);
    console.log(JSON.stringify(found.map((f) => [f.rule, f.message, f.data.suggestion, f.data.search]), null, 1));
  });
});

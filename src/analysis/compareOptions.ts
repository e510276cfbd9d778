/**
 * The recorded outside options (what a party's decision-makers said they could do) beside the
 * computed ones (what capabilities, ties and shared threats suggest), option by option: a pure
 * function of the two.
 */
import {
  ATTRACTIVENESS_VALUE,
  OPTION_DISAGREEMENT,
  type Attractiveness,
  type OutsideOptionKind,
} from '../domain/index.js';
import type { RecordedOption } from './negotiationData.js';
import type { OptionResult } from './outsideOptions/index.js';

export interface OptionComparisonData {
  kind: OutsideOptionKind;
  allyCcode: number | null;
  recorded: Attractiveness;
  recordedValue: number;
  computedValue: number | null;
  agree: boolean;
  note: string;
}

export function compareOptions(recorded: readonly RecordedOption[], computed: OptionResult): OptionComparisonData[] {
  return recorded.map((r) => {
    const recordedValue = ATTRACTIVENESS_VALUE[r.attractiveness as Attractiveness];
    let computedValue: number | null;
    let what: string;
    if (r.kind === 'ALTERNATIVE_ALLY') {
      const ally = computed.alternativeAllies.allies.find((a) => a.state === r.ally);
      computedValue = computed.alternativeAllies.attractiveness === null ? null : ally ? ally.score : 0;
      what =
        computedValue === null
          ? 'the state-system data do not cover the date: no alternative ally can be computed'
          : ally
            ? `the computation scores this ally ${ally.score.toFixed(2)}`
            : 'the computation does not find this ally (no shared target, tie or concurrent talks on record at the date)';
    } else if (r.kind === 'UNILATERAL') {
      computedValue = computed.unilateral.attractiveness;
      what =
        computedValue === null
          ? 'no capability data to compute unilateral action'
          : `the party held ${Math.round(computedValue * 100)}% of the party–target capabilities`;
    } else {
      computedValue = computed.buckPassing.attractiveness;
      what =
        computedValue === null
          ? 'the data behind buck-passing do not cover the date'
          : `computed buck-passing ${computedValue.toFixed(2)} (${computed.buckPassing.buckCatchers.length} other state(s) against the target)`;
    }
    const agree = computedValue === null ? true : Math.abs(recordedValue - computedValue) < OPTION_DISAGREEMENT;
    const note =
      computedValue === null
        ? `recorded ${r.attractiveness}; ${what}`
        : `recorded ${r.attractiveness} (${recordedValue}); ${what}: ${agree ? 'the readings agree' : computedValue < recordedValue ? 'the party saw more in it than the data show' : 'the data show more than the party saw'}`;
    return {
      kind: r.kind as OutsideOptionKind,
      allyCcode: r.ally,
      recorded: r.attractiveness as Attractiveness,
      recordedValue,
      computedValue,
      agree,
      note,
    };
  });
}

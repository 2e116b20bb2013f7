/**
 * Rules that need the document's facts or narrative, in checklist order. Each entry builds its
 * rules from the fact index.
 */
import type { FactIndex } from '../facts';
import { emptyTablesRule, imagePagesRule, mandatoryTablesRule, ocrUncertainRule } from './completeness';
import type { Rule } from './context';
import { codeNamesRule, departmentNameRule } from './naming';
import { narrativeRules, unitRules } from './narrative';
import { duplicatesRule, nilContradictionRule, numberingRule, templateRule, yearsRule } from './text';
import { cellOf } from './context';

export const RULES_AFTER_FACTS: readonly ((facts: FactIndex) => Rule[])[] = [
  narrativeRules,
  unitRules,
  () => [departmentNameRule, codeNamesRule, templateRule, yearsRule, duplicatesRule, numberingRule],
  (facts) => [
    nilContradictionRule((type, key) =>
      facts.byTable
        .filter((tf) => tf.t.type === type)
        .flatMap((tf) => {
          const f = tf.facts.get(key);
          return f ? [{ value: f.value, cell: cellOf(f.t, f.row, f.col) }] : [];
        }),
    ),
  ],
  () => [mandatoryTablesRule, emptyTablesRule, imagePagesRule, ocrUncertainRule],
];

/**
 * Rules that need the document's facts (narrative, names, completeness, units), in checklist
 * order. Each entry builds its rules from the fact index.
 */
import type { FactIndex } from '../facts';
import type { Rule } from './context';
import { narrativeRules } from './narrative';

export const RULES_AFTER_FACTS: readonly ((facts: FactIndex) => Rule[])[] = [narrativeRules];

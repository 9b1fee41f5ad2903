/**
 * Public API of the resolve engine (entity resolution and matching). Apps import from here only.
 *
 * @example
 * import { resolve, type ResolverConfig } from '../../engines/resolve/index.ts';
 * const config: ResolverConfig = {
 *   idField: 'id',
 *   comparisons: [
 *     { name: 'name', left: 'name', comparator: { kind: 'name' } },
 *     { name: 'birthDate', left: 'birthDate', comparator: { kind: 'date', tolerancesDays: [31, 366] } },
 *     { name: 'lossBeforeFound', left: 'lossDate', right: 'foundDate', comparator: { kind: 'dateOrder' } },
 *     { name: 'place', left: 'lossPlace', right: 'place', comparator: { kind: 'place' } },
 *     { name: 'marks', left: 'marks', comparator: { kind: 'text' } },
 *   ],
 *   blocking: [{ name: 'sex+year', keys: [{ field: 'sex' }, { field: 'birthDate', transform: 'year', window: 1 }] }],
 * };
 * const result = resolve(config, familyPosts, childPosts);   // EM-fitted Fellegi–Sunter
 * result.topK(0);            // best candidates of familyPosts[0], with weight and decision
 * result.explain(0, 42);     // field by field: values, level, m, u, weight
 */
export { ResolveErrors } from './errors.ts';
export type { BlockingKeyConfig, BlockingRuleConfig, BlockingTransform, ComparisonConfig, EmConfig, FieldRef, ResolverConfig, Row } from './config.ts';
export { compileConfig, readField } from './config.ts';
export { createComparator, registerComparator, type Comparator, type ComparatorSpec } from './comparators.ts';
export { blockingStats, buildBlockingIndex, forEachCandidate, rulesOfPair, type BlockingIndex, type BlockingStats } from './blocking.ts';
export { fitEm, fitLabelled, levelWeights, matchProbability, patternCoder, weightForProbability, type FieldParams, type FsModel } from './fellegiSunter.ts';
export { compareCandidates, comparePair, comparePatterns, fitModel, patternCounts, prepare, scoreCandidates, uFromRandomPairs, type CandidateSet, type Prepared, type ScoredPair } from './resolver.ts';
export { clusterMatches, resolve, type ResolveOptions, type ResolveResult } from './matchRanker.ts';
export type { PhaseTime, ResolvePhase, ResolveTimings } from './timing.ts';
export { explainPair, type FieldExplanation, type PairExplanation } from './explain.ts';
export { pairCompleteness, pairKey, pairMetrics, pairsOfClusters, type PairMetrics } from './evaluate.ts';
export { jaro, jaroWinkler, levenshtein, levenshteinSimilarity, soundex, withinOneEdit } from './compare/string.ts';
export { compareDates, compareOrder, dateRange, toDateRange, type DateRange, type PartialDateLike } from './compare/dates.ts';
export { comparePlaces, divisionPrefix, haversineKm, preparePlace, PLACE_LEVELS, type PlaceFeatures, type PlaceLike } from './compare/place.ts';
export { prepareTexts, segment, textCosine, textJaccard, type TextFeatures } from './compare/text.ts';
export { compareNames, nameLevel, NAME_LEVELS, prepareName, type NameFeatures, type NameLevel } from './names/nameMatch.ts';
export { nameReadings, romanKey, surnameReadingsOf } from './names/pinyin.ts';
export { NAME_DOT, normalizeName, splitName, type SplitName } from './names/split.ts';
export { charsEquivalent, variantClass, variantEqual, variantKey } from './names/variants.ts';

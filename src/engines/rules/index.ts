/**
 * The tag-rule engine: YAML rules in a small DSL → frozen AST → type check against an app's fact
 * catalogue → SQL (SQLite and PostgreSQL, through Kysely) or a JS evaluator; the same AST explains
 * every hit. See README.md for the grammar and the public API.
 */
export * from './ast.ts';
export { parseExpression, type ParseResult, type SourceOrigin } from './parser.ts';
export { parseDuration } from './duration.ts';
export { parseRuleFile, ruleFromExpression, type RuleDef } from './ruleFile.ts';
export { checkRule, type CheckedRule, type FactCatalogue, type FactType, type FieldDef, type RecordKindDef, type ScalarFactDef } from './catalogue.ts';
export { explain, and3, or3, not3, compare3, in3, type Truth, type Explanation, type ConditionExplanation, type EvidenceRef, type ValueSource, type AggregateValue } from './evaluate.ts';
export { memorySource, RecordIndex, readPath, aggregateInMemory, type InMemoryData, type RecordRow, type RunContext } from './memory.ts';
export { runRulesInMemory, type Hit, type RuleRunResult, type RuleRunStats, type RunOptions, type RunResult } from './run.ts';
export { runRulesSql, rowSource, explainSubjectSql } from './sqlRun.ts';
export { compileRuleSql, type CompiledRuleSql, type SqlPlan } from './sqlCompile.ts';
export { compileColumnar, toColumns, columnarSource, isColumnar, type Column, type ColumnarFacts, type CompiledColumnar } from './columnar.ts';
export { hitToTag, tagIsLive, type Tag, type TagEvidence } from './tags.ts';
export { RuleErrors } from './errors.ts';

/**
 * VSS filters without string building. The API takes `filter=<field>,<operator>,<value>`, several joined
 * with `;` (VSS API v2 docs, "Filtering"); `in` matches any of several values separated by commas.
 */
import { ConfigurationError } from '@apiclients/core';

/** The operators VSS accepts. */
export const FILTER_OPERATORS = ['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'like', 'in'] as const;
/** One of the operators VSS accepts. */
export type FilterOperator = (typeof FILTER_OPERATORS)[number];
/** A value VSS compares against. */
export type FilterValue = string | number | boolean;

/** One filter clause on a field of the request type: `['status', 'eq', 'ERROR']`, `['id', 'in', [1, 2]]`. */
export type FilterClause<Field extends string = string> =
  | readonly [field: Field, operator: Exclude<FilterOperator, 'in'>, value: FilterValue]
  | readonly [field: Field, operator: 'in', values: readonly FilterValue[]];

/** A filter: the raw string VSS takes, or a list of clauses. */
export type Filter<Field extends string = string> = string | readonly FilterClause<Field>[];

// `,` separates a clause's parts and `;` separates clauses: a value holding either cannot be expressed.
const SEPARATORS = /[,;]/;

function valueText(value: unknown, where: string): string {
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
    throw new ConfigurationError(`${where}: a value must be a string, number or boolean, got ${JSON.stringify(value)}`);
  }
  const text = String(value);
  if (SEPARATORS.test(text)) throw new ConfigurationError(`${where}: a value cannot contain "," or ";" (VSS filter syntax), got ${JSON.stringify(text)}`);
  return text;
}

/** The `filter` query value for a filter, validated; throws a ConfigurationError naming the bad clause. */
export function filterParam(filter: Filter): string {
  if (typeof filter === 'string') return filter;
  if (!Array.isArray(filter)) throw new ConfigurationError(`filter must be a string or a list of clauses, got ${JSON.stringify(filter)}`);
  return filter
    .map((clause: unknown, index) => {
      const where = `filter[${index}]`;
      if (!Array.isArray(clause) || clause.length !== 3) {
        throw new ConfigurationError(`${where}: expected [field, operator, value], got ${JSON.stringify(clause)}`);
      }
      const [field, operator, value] = clause as [unknown, unknown, unknown];
      if (typeof field !== 'string' || field === '' || SEPARATORS.test(field)) {
        throw new ConfigurationError(`${where}: bad field ${JSON.stringify(field)}`);
      }
      if (!FILTER_OPERATORS.includes(operator as FilterOperator)) {
        throw new ConfigurationError(`${where}: unknown operator ${JSON.stringify(operator)}; VSS accepts ${FILTER_OPERATORS.join(', ')}`);
      }
      if (operator === 'in') {
        if (!Array.isArray(value) || value.length === 0) throw new ConfigurationError(`${where}: "in" takes a non-empty list of values`);
        return `${field},in,${value.map((v) => valueText(v, where)).join(',')}`;
      }
      if (Array.isArray(value)) throw new ConfigurationError(`${where}: only "in" takes a list of values`);
      return `${field},${operator},${valueText(value, where)}`;
    })
    .join(';');
}

/** A sort direction. */
export type SortDirection = 'asc' | 'desc';
/** One sort key: `['created_on', 'desc']`. */
export type SortKey<Field extends string = string> = readonly [field: Field, direction: SortDirection];
/** A sort: the raw string (`created_on,desc`), one key, or a list of keys. */
export type Sort<Field extends string = string> = string | SortKey<Field> | readonly SortKey<Field>[];

/** The `sort` query value; several keys are joined with `;` as the live clients do. */
export function sortParam(sort: Sort): string {
  if (typeof sort === 'string') return sort;
  const keys = (Array.isArray(sort) && Array.isArray(sort[0]) ? sort : [sort]) as unknown[];
  return keys
    .map((key, index) => {
      if (!Array.isArray(key) || key.length !== 2) throw new ConfigurationError(`sort[${index}]: expected [field, 'asc' | 'desc']`);
      const [field, direction] = key as [unknown, unknown];
      if (typeof field !== 'string' || field === '' || SEPARATORS.test(field)) throw new ConfigurationError(`sort[${index}]: bad field ${JSON.stringify(field)}`);
      if (direction !== 'asc' && direction !== 'desc') {
        throw new ConfigurationError(`sort[${index}]: direction must be "asc" or "desc", got ${JSON.stringify(direction)}`);
      }
      return `${field},${direction}`;
    })
    .join(';');
}

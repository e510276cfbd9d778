/**
 * The schema explains itself (issue 25, item 4): the explorer's Docs panel shows a description for
 * every type, field, argument and enum value, and a field's arguments come out in the order the
 * resolver declares them (type-graphql records parameter decorators last first; buildAppSchema
 * sorts them back).
 */
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  type GraphQLSchema,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAppSchema } from '../../src/buildAppSchema.js';

const BUILT_IN_SCALARS = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildAppSchema();
});

/** Every type, field, argument and enum value of the schema without a description, by kind. */
function undocumented(s: GraphQLSchema) {
  const found = { types: [] as string[], fields: [] as string[], args: [] as string[], enumValues: [] as string[] };
  for (const type of Object.values(s.getTypeMap())) {
    if (type.name.startsWith('__') || (isScalarType(type) && BUILT_IN_SCALARS.has(type.name))) continue;
    if (!type.description?.trim()) found.types.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description?.trim()) found.fields.push(`${type.name}.${field.name}`);
        if ('args' in field)
          for (const arg of field.args)
            if (!arg.description?.trim()) found.args.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isEnumType(type))
      for (const value of type.getValues())
        if (!value.description?.trim()) found.enumValues.push(`${type.name}.${value.name}`);
  }
  return found;
}

describe('schema documentation', () => {
  it('describes every type, field, argument and enum value', () => {
    expect(undocumented(schema)).toEqual({ types: [], fields: [], args: [], enumValues: [] });
  });

  it('gives arguments in declaration order', () => {
    const sharedTargets = schema.getQueryType()!.getFields()['sharedTargets']!;
    expect(sharedTargets.args.map((a) => a.name)).toEqual(['stateA', 'stateB', 'at', 'windowYears']);
    const capabilities = schema.getType('State');
    if (!isObjectType(capabilities)) throw new Error('State is not an object type');
    expect(capabilities.getFields()['capabilities']!.args.map((a) => a.name)).toEqual(['from', 'to']);
  });
});

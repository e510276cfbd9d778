import { Field, ObjectType } from 'type-graphql';
import { YearSpan } from './dataSet.type.js';
import { FIGURE_LAYERS } from '../domain/index.js';

const FIGURE_TEXT = Object.entries(FIGURE_LAYERS)
  .map(([f, layers]) => `${f} (${layers.join(', ')})`)
  .join(', ');

@ObjectType({
  description:
    'One layer a computed figure rests on — the curated record (its case universe, 1815–1949) or an imported data set — at the date asked: whether it is imported and whether the years it covers include the date. A figure none of whose layers covers the date is null (not covered), never zero.',
})
export class LayerCoverage {
  @Field(() => String, {
    description: '`record` (the curated record) or a data set name (`dataSets { name }`: atop, nmc, mid, …).',
  })
  layer!: string;
  @Field(() => Boolean, { description: 'The graph holds it (a data set may not have been imported).' })
  imported!: boolean;
  @Field(() => YearSpan, {
    nullable: true,
    description:
      'The years it covers (read from the data at import); null when not imported or its files give no years.',
  })
  years!: YearSpan | null;
  @Field(() => String, { nullable: true, description: 'Its release (`DataSet.version`); null for the record.' })
  version!: string | null;
  @Field(() => Boolean, { description: "Imported, and the date's year is within its years." }) covered!: boolean;
  @Field(() => [String], {
    description: `The kinds of figure of this answer that rest on it: ${FIGURE_TEXT}.`,
  })
  figures!: string[];
}

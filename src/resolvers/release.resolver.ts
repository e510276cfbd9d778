/**
 * `Query.release`: the record's version, date and citation (seed/release.yaml, through
 * src/releaseInfo.ts). It lives here, beside the data package that carries the same release, while
 * src/resolvers is being restructured; it reads no store.
 */
import { Query, Resolver } from 'type-graphql';
import { releaseInfo } from '../releaseInfo.js';
import { Release } from '../schema/release.type.js';

@Resolver(() => Release)
export class ReleaseResolver {
  @Query(() => Release, {
    description: 'The release of the curated record: version, date, citation, licence (as the data package carries).',
  })
  release(): Release {
    const r = releaseInfo();
    return { version: r.version, date: r.date, title: r.title, citation: r.citation, license: r.license };
  }
}

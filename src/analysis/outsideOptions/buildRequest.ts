/**
 * Building and validating outside-option requests. The errors are the client's: an unknown
 * negotiation is NOT_FOUND, a state that is not a party is BAD_USER_INPUT.
 */
import { BadInputError, NotFoundError, echoList } from '../../errors/index.js';
import { DEFAULT_WINDOW_YEARS, addYears } from '../../domain/index.js';
import { targetsOf, type NegotiationData } from '../negotiationData.js';
import type { OptionRequest } from './types.js';

/** A party's request at a historical negotiation: read at its start, concurrent talks in its span. */
export async function negotiationRequest(
  data: NegotiationData,
  negotiation: string,
  party: number,
  field = 'party',
): Promise<OptionRequest> {
  const [n, parties, plans] = await Promise.all([
    data.negotiation(negotiation),
    data.parties(negotiation),
    data.idealPlans(negotiation),
  ]);
  if (!n) throw new NotFoundError('Negotiation', negotiation);
  if (!parties.includes(party))
    throw new BadInputError(`state ${party} is not a party to ${negotiation} (parties: ${echoList(parties)})`, field);
  return {
    party,
    at: n.start,
    talksFrom: n.start,
    talksTo: n.end,
    atTable: parties.filter((c) => c !== party),
    targets: targetsOf(plans, party),
    negotiation,
    windowYears: DEFAULT_WINDOW_YEARS,
  };
}

/** A request at a date outside any recorded negotiation: concurrent talks in the year before it. */
export function dateRequest(
  party: number,
  at: string,
  options: { atTable?: number[]; targets?: number[]; windowYears?: number } = {},
): OptionRequest {
  return {
    party,
    at,
    talksFrom: addYears(at, -1),
    talksTo: at,
    atTable: (options.atTable ?? []).filter((c) => c !== party),
    targets: options.targets ?? [],
    negotiation: null,
    windowYears: options.windowYears ?? DEFAULT_WINDOW_YEARS,
  };
}

/** A stable key for a request (DataLoader's cacheKeyFn): field order and list order do not matter. */
export function requestKey(r: OptionRequest): string {
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b).join(',');
  return [
    r.party,
    r.at,
    r.talksFrom,
    r.talksTo,
    sorted(r.atTable),
    sorted(r.targets),
    r.negotiation ?? '',
    r.windowYears,
  ].join('|');
}

/**
 * The GraphQL operations behind the outside-options page, served at /options/queries.json: the page
 * posts them to /graphql, and its "open in the explorer" link opens the series at `/?query=…&variables=…`.
 * One request draws the chart: the state and its negotiations, the eras, the data sets and the years
 * each covers, and the series (from and to left out: the years of the alliance data), light enough
 * that 250 points fit under MAX_COST; a click on a point reads it in full (`point`, with its best
 * allies and reasons). The states of the searchable list come a page at a time. Tested against the schema.
 */
export const OPTIONS_QUERIES = {
  series: `# A state's outside options over time: overall and the three parts, which data sets cover each point, with the eras, the data sets' years and the state's negotiations.
query OptionsSeries($state: Int!, $from: Int, $to: Int, $step: SeriesStep!) {
  analysisSpan { from to }
  dataSets { name version coverage { from to } }
  state(ccode: $state) {
    ccode abbrev name
    negotiations { key name start end outcome }
  }
  eras { key name start end }
  outsideOptionsSeries(state: $state, from: $from, to: $to, step: $step) {
    year at from to
    era { key name }
    options {
      overall complete notCovered
      alternativeAllies { attractiveness }
      unilateral { attractiveness }
      buckPassing { attractiveness }
    }
  }
}
`,
  states: `# The states, by name and ccode, for the page's searchable list (a page at a time).
query OptionsStates($after: String) {
  states(first: 100, after: $after) {
    edges { node { ccode abbrev name } }
    pageInfo { hasNextPage endCursor }
  }
}
`,
  point: `# One point of the series, in full: exactly outsideOptions(party, at) on its date, with what covers it.
query OptionsAt($party: Int!, $at: Date!) {
  outsideOptions(party: $party, at: $at) {
    overall complete
    coverage { layer imported covered years { from to } figures }
    alternativeAllies { attractiveness reasons { text } allies { score state { ccode abbrev name } components { capability sharedTarget ties concurrentTalks } reasons { text } } }
    unilateral { attractiveness partyCinc targetCinc majorPower reasons { text } }
    buckPassing { attractiveness buckCatchers { cinc state { abbrev } } reasons { text } }
  }
}
`,
  negotiation: `# A negotiation marked on the chart: parties, outcome, span, and this party's outside options at it.
query NegotiationOptions($id: ID!, $party: Int!) {
  negotiation(id: $id) {
    key name start end outcome summary
    parties { ccode abbrev name }
  }
  outsideOptions(negotiation: $id, party: $party) { overall alternativeAllies { attractiveness } unilateral { attractiveness } buckPassing { attractiveness } }
}
`,
} as const;

/**
 * The GraphQL operation behind the outside-options page, served at /options/queries.json: the page
 * posts it to /graphql, and its "open in the explorer" link opens it at `/?query=…&variables=…`.
 * One request: the state and its negotiations, the eras, and the series. Tested against the schema.
 */
export const OPTIONS_QUERIES = {
  series: `# A state's outside options over time: overall and the three parts, the best alternative allies, with the eras and the state's negotiations.
query OptionsSeries($state: Int!, $from: Int!, $to: Int!, $step: SeriesStep!) {
  state(ccode: $state) {
    ccode abbrev name
    negotiations { key name start end outcome }
  }
  eras { key name start end }
  outsideOptionsSeries(state: $state, from: $from, to: $to, step: $step) {
    year at from to
    era { key name }
    options {
      overall
      alternativeAllies { attractiveness }
      unilateral { attractiveness }
      buckPassing { attractiveness }
    }
    topAllies { score state { abbrev } }
  }
}
`,
  point: `# One point of the series, in full: exactly outsideOptions(party, at) on its date.
query OptionsAt($party: Int!, $at: Date!) {
  outsideOptions(party: $party, at: $at) {
    overall
    alternativeAllies { attractiveness allies { score state { ccode abbrev name } components { capability sharedTarget ties concurrentTalks } reasons { text } } }
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

/**
 * The GraphQL operations behind what the network page shows, served at /network/queries.json. A
 * click on a state or an edge links to the explorer (/?query=…) with one of them and its variables, so the
 * reader can run (and change) the query that produced the details. Tested against the schema.
 */
export const NETWORK_QUERIES = {
  network: `# The network the page draws: states in the system at the date and the alliance ties between them.
query Network($at: Date!) {
  allianceNetwork(at: $at) {
    at
    nodes { ccode abbrev name cinc majorPower }
    edges { source target obligation treaties atopIds }
  }
}
`,
  state: `# One state at the date: system membership, major-power status and its allies.
query StateAt($ccode: Int!, $at: Date!) {
  state(ccode: $ccode) {
    ccode abbrev name
    inSystem(at: $at)
    majorPower(at: $at)
    systemMemberships { start end }
    allies(at: $at) {
      obligation
      state { ccode abbrev name }
      treaties { key name atopId signed }
    }
  }
}
`,
  tie: `# An alliance tie at the date: the treaties behind it, portfolio similarity and shared targets.
query Tie($a: Int!, $b: Int!, $at: Date!, $year: Int!) {
  state(ccode: $a) {
    abbrev
    allies(at: $at) {
      obligation
      state { ccode abbrev }
      treaties { key name atopId signed }
    }
  }
  portfolioSimilarity(stateA: $a, stateB: $b, year: $year) { value statesCompared }
  sharedTargets(stateA: $a, stateB: $b, at: $at) { strength target { abbrev name } }
}
`,
  negotiation: `# A negotiation of the layer: parties, outcome, span.
query NegotiationAt($id: ID!) {
  negotiation(id: $id) {
    key name start end outcome summary
    parties { ccode abbrev name }
  }
}
`,
  eras: `# The eras (the era box) and the years of the data (the slider's range).
query Eras { analysisSpan { from to } eras { key name start end } }
`,
} as const;

"""
The dyad-year reference for `npm run bench -- --only dyad-year --python scripts/reference/dyadYearPandas.py`:
what an analyst's pandas script does on the raw files (peacesciencer's recipe, create_dyadyears() +
add_atop_alliance()): the COW state-system spells (cow_states.csv) paired by year, the pairs without a
common day dropped (false_cow_dyads), ATOP's directed dyad-year obligations (atop5_1ddyr_obligations.csv)
merged on, 0 where a dyad has none; sorted by year, ccode1, ccode2 and written as CSV.

    python3 dyadYearPandas.py OUT.csv [--data DIR] [--from Y] [--to Y] [--directed]

It computes fewer columns than the export (the obligation columns only): a yardstick for speed, not a
second implementation of the export's rules.
"""
import argparse

import numpy as np
import pandas as pd

p = argparse.ArgumentParser()
p.add_argument("out")
p.add_argument("--data", default="../shared/data")
p.add_argument("--from", dest="start", type=int, default=1816)
p.add_argument("--to", dest="end", type=int, default=2018)
p.add_argument("--directed", action="store_true")
a = p.parse_args()

states = pd.read_csv(f"{a.data}/cow-states/cow_states.csv")
states = states[(states.styear <= a.end) & (states.endyear >= a.start)]
states["s"] = states.styear * 10000 + states.stmonth * 100 + states.stday
states["e"] = states.endyear * 10000 + states.endmonth * 100 + states.endday
# One row per state, spell and year, the spell clipped to the year.
n = (np.minimum(states.endyear, a.end) - np.maximum(states.styear, a.start) + 1).to_numpy()
sy = states.loc[states.index.repeat(n), ["ccode", "s", "e"]].reset_index(drop=True)
sy["year"] = np.concatenate([np.arange(max(s, a.start), min(e, a.end) + 1) for s, e in zip(states.styear, states.endyear)])
sy["s"] = np.maximum(sy.s, sy.year * 10000 + 101)
sy["e"] = np.minimum(sy.e, sy.year * 10000 + 1231)

d = sy.merge(sy, on="year", suffixes=("1", "2"))
d = d[(d.ccode1 != d.ccode2) if a.directed else (d.ccode1 < d.ccode2)]
d = d[(d.s1 <= d.e2) & (d.s2 <= d.e1)]  # a common day in the year
d = d[["ccode1", "ccode2", "year"]].drop_duplicates()

atop = pd.read_csv(f"{a.data}/atop-5.1/atop5_1ddyr_obligations.csv")
cols = ["atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul"]
if not a.directed:
    flipped = atop.rename(columns={"ccode1": "ccode2", "ccode2": "ccode1"})
    atop = pd.concat([atop, flipped]).groupby(["ccode1", "ccode2", "year"], as_index=False)[cols].max()
d = d.merge(atop, on=["ccode1", "ccode2", "year"], how="left")
d[cols] = d[cols].fillna(0).astype(int)
d = d.sort_values(["year", "ccode1", "ccode2"])
d.to_csv(a.out, index=False)

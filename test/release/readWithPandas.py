"""Reads every table of a data package with pandas, with the types its datapackage.json declares, and
the Parquet copy of the dyad-years with pyarrow; fails on any mismatch. Prints {table: rows} as JSON.

    python3 readWithPandas.py <package folder>
"""
import json
import sys

import pandas as pd

root = sys.argv[1]
dp = json.load(open(f"{root}/datapackage.json", encoding="utf-8"))
PANDAS = {"integer": "Int64", "number": "Float64", "string": "string", "date": "string"}
rows = {}
frames = {}
for r in dp["resources"]:
    if r.get("profile") != "tabular-data-resource":
        continue
    fields = r["schema"]["fields"]
    names = [f["name"] for f in fields]
    df = pd.read_csv(
        f"{root}/{r['path']}",
        dtype={f["name"]: PANDAS[f["type"]] for f in fields},
        keep_default_na=False,
        na_values=[""],
        encoding="utf-8",
    )
    assert list(df.columns) == names, (r["name"], list(df.columns))
    for f in fields:
        col = df[f["name"]]
        where = f"{r['name']}.{f['name']}"
        if f["type"] == "date":
            parsed = pd.to_datetime(col, format="%Y-%m-%d")  # raises on anything but ISO dates
            assert parsed.notna().sum() == col.notna().sum(), where
        constraints = f.get("constraints", {})
        if constraints.get("required"):
            assert col.notna().all(), f"{where} has empty cells"
        if "enum" in constraints:
            allowed = set(constraints["enum"])
            assert set(col.dropna().tolist()) <= allowed, f"{where}: {set(col.dropna().tolist()) - allowed}"
    pk = r["schema"].get("primaryKey")
    if pk:
        assert not df.duplicated(subset=pk).any(), f"{r['name']}: duplicate {pk}"
    rows[r["name"]] = len(df)
    frames[r["name"]] = df

# The Parquet copy: the same rows and values, with typed columns.
pq = pd.read_parquet(f"{root}/dyad_years.parquet")
csv = frames["dyad_years"]
assert list(pq.columns) == list(csv.columns), list(pq.columns)
assert len(pq) == len(csv), (len(pq), len(csv))
decl = {f["name"]: f["type"] for r in dp["resources"] if r["name"] == "dyad_years" for f in r["schema"]["fields"]}
for c in csv.columns:
    kind = pq[c].dtype.kind
    expected = {"integer": "iu", "number": "f", "string": "OUT"}[decl[c]]
    if decl[c] == "string":
        assert pd.api.types.is_string_dtype(pq[c]), (c, pq[c].dtype)
    elif c == "atop_shareob":  # integer with empty cells: float64 NaN in plain pandas, nullable in pyarrow
        assert kind in "iuf", (c, pq[c].dtype)
    else:
        assert kind in expected, (c, pq[c].dtype)
    assert pq[c].astype(csv[c].dtype).equals(csv[c]), f"dyad_years.parquet differs from the CSV in {c}"
rows["dyad_years_parquet"] = len(pq)
print(json.dumps(rows))

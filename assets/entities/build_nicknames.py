#!/usr/bin/env python3
"""Writes nicknames.tsv (given name<TAB>nickname, lowercase, sorted) from the
PyPI package `nicknames` 1.0.1 (Apache-2.0): its hand-curated names.csv.

    python3 -m venv /tmp/nn && /tmp/nn/bin/pip install nicknames==1.0.1
    /tmp/nn/bin/python assets/entities/build_nicknames.py > assets/entities/nicknames.tsv
"""
import csv
import importlib.resources

rows = set()
with importlib.resources.files("nicknames").joinpath("names.csv").open(encoding="utf-8") as f:
    for row in csv.DictReader(f):
        if row["relationship"] == "has_nickname" and row["name1"] != row["name2"]:
            rows.add((row["name1"].strip().lower(), row["name2"].strip().lower()))
print("# given name<TAB>nickname, from the PyPI package nicknames 1.0.1 (Apache-2.0);")
print("# rebuilt by build_nicknames.py. A nickname joins a character only when the book")
print("# has exactly one person with that given name.")
for name, nickname in sorted(rows):
    print(f"{name}\t{nickname}")

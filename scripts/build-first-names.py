#!/usr/bin/env python3
"""Rebuild assets/coref/first_names.tsv (first name -> gender) from the pinned PyPI `names` package.

Usage: python3 scripts/build-first-names.py   (needs pip)

The package ships the 1990 US Census first-name lists, one for men and one for women, each with
the share of people of that sex who bear the name.  A name goes to the sex that bears it at least
RATIO times as often (shares compared per 100,000 of the same sex); names both sexes bear about
equally often ("Jean", "Jordan") are left out, so they stay of unknown gender.  Source and
licence: assets/README.md.
"""
import pathlib
import subprocess
import sys
import tarfile
import tempfile

PACKAGE = "names==0.3.0"
RATIO = 4.0
OUT = pathlib.Path(__file__).resolve().parent.parent / "assets" / "coref" / "first_names.tsv"


def read(path):
    shares = {}
    for line in open(path):
        parts = line.split()
        if len(parts) >= 2:
            shares[parts[0].title()] = float(parts[1])
    return shares


def main():
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                        "-q", "-d", tmp, PACKAGE], check=True)
        archive = next(pathlib.Path(tmp).glob("names-*.tar.gz"))
        tarfile.open(archive).extractall(tmp)
        base = next(pathlib.Path(tmp).glob("names-*/names"))
        male, female = read(base / "dist.male.first"), read(base / "dist.female.first")
    rows = []
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if m >= RATIO * f:
            rows.append((name, "m"))
        elif f >= RATIO * m:
            rows.append((name, "f"))
    with open(OUT, "w") as out:
        out.write("# first name<TAB>gender (m or f): 1990 US Census first names, via PyPI `names` 0.3.0;\n")
        out.write("# rebuilt by scripts/build-first-names.py (names borne by both sexes left out)\n")
        for name, gender in rows:
            out.write(f"{name}\t{gender}\n")
    print(f"{OUT}: {len(rows)} names")


if __name__ == "__main__":
    main()

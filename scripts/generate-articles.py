#!/usr/bin/env python3
"""Writes N dated news-like articles (about 5.5 KB each) into a folder, for
measuring storyscope on an archive: `scripts/generate-articles.py 10000 /tmp/articles`
makes ~55 MB. Paragraphs are drawn (seeded, so the same every run) from the
bundled story and, when present, the news stories in ../shared/corpus; every
article differs (its own date and mix), so a cache cannot share entries."""

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_BYTES = 5500


def paragraphs():
    sources = [ROOT / "assets" / "bundled_story.txt"]
    shared = ROOT.parent / "shared" / "corpus" / "news_story"
    if shared.is_dir():
        sources += sorted(shared.glob("*.txt"))
    found = []
    for source in sources:
        text = source.read_text(encoding="utf-8")
        for block in text.split("\n\n"):
            block = " ".join(block.split())
            if len(block) > 80 and not block.startswith("date "):
                found.append(block)
    return found


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: generate-articles.py COUNT FOLDER")
    count, folder = int(sys.argv[1]), Path(sys.argv[2])
    folder.mkdir(parents=True, exist_ok=True)
    pool = paragraphs()
    rng = random.Random(20200124)
    for i in range(count):
        year, month, day = 2000 + i % 25, 1 + i % 12, 1 + i % 28
        body = []
        size = 0
        while size < TARGET_BYTES:
            paragraph = rng.choice(pool)
            body.append(paragraph)
            size += len(paragraph) + 2
        title = body[0].split(".")[0][:70]
        text = f"date {year:04d}-{month:02d}-{day:02d}\n\n{title}\n\n" + "\n\n".join(body) + "\n"
        shard = folder / f"{i // 1000:03d}"
        shard.mkdir(exist_ok=True)
        (shard / f"{i:05d}.txt").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Rebuilds common_words.txt: frequent English words that are not names.

A word is kept when it is among wordfreq's 10,000 most frequent English words
and the system dictionary (Debian package `wamerican`) lists it in lowercase
but not capitalised: "death" and "since" stay, "china", "mark" and "john" go.

    python3 -m venv /tmp/wf && /tmp/wf/bin/pip install wordfreq==3.1.1
    apt-get install wamerican
    /tmp/wf/bin/python assets/entities/build_common_words.py > assets/entities/common_words.txt
"""
import wordfreq

with open("/usr/share/dict/american-english", encoding="utf-8") as f:
    dictionary = set(line.strip() for line in f)

words = [
    w
    for w in wordfreq.top_n_list("en", 10000)
    if w.isalpha()
    and w.isascii()
    and len(w) >= 2
    and w in dictionary
    and w.capitalize() not in dictionary
]
print("# Frequent English words that are not names; see build_common_words.py.")
for w in sorted(words):
    print(w)

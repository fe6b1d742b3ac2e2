#!/usr/bin/env python3
"""Builds a corpus directory of article files from the 10kGNAD test set (issue 6).

Usage: scripts/make-corpus.py [OUT_DIR] [COUNT]     (defaults: target/corpus-10k, 10000)

Reads ../shared/data/10kgnad/test.csv (1,028 real articles, one `label;'text'` row a line, the
text quoted with `'` and inner quotes doubled) and writes COUNT files `00000.txt`, `00001.txt`, ...
round-robin over the articles: the first sentence as a title line, a blank line, then the whole
text. Every repeat after the first round ends with a line "Kopie N", so each file's content hash
(its article id) is distinct. The output is generated, never committed (it lies under target/).
Only the standard library is used; the same rows give the same files on every run.
"""

import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CSV = os.path.join(HERE, "..", "..", "shared", "data", "10kgnad", "test.csv")


def load_texts(path):
    texts = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if ";" not in line:
                continue
            _, text = line.split(";", 1)
            if len(text) >= 2 and text.startswith("'") and text.endswith("'"):
                text = text[1:-1].replace("''", "'")
            text = text.strip()
            if text:
                texts.append(text)
    return texts


def first_sentence(text):
    m = re.search(r"[.?!](?=\s)", text[20:])
    end = 20 + m.start() + 1 if m else len(text)
    return text[:end].strip()


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "target/corpus-10k"
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    texts = load_texts(CSV)
    if not texts:
        sys.exit(f"no articles in {CSV}")
    os.makedirs(out, exist_ok=True)
    for i in range(count):
        text = texts[i % len(texts)]
        copy = i // len(texts)
        body = f"{first_sentence(text)}\n\n{text}\n"
        if copy > 0:
            body += f"\nKopie {copy}\n"
        with open(os.path.join(out, f"{i:05}.txt"), "w", encoding="utf-8") as f:
            f.write(body)
    print(f"wrote {count} articles to {out}")


if __name__ == "__main__":
    main()

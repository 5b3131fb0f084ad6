#!/usr/bin/env python3
"""Regenerates src/Coaching.Core/ReferenceData/Data/*.csv from the official npm packages.

    cd /tmp && npm pack @etalab/decoupage-administratif@6.0.0 @socialgouv/codes-naf@1.1.1
    tar xzf etalab-decoupage-administratif-6.0.0.tgz && mv package geo
    tar xzf socialgouv-codes-naf-1.1.1.tgz && mv package naf
    python3 tools/reference-data/build.py /tmp/geo /tmp/naf

Both packages are MIT-licensed; the data they carry is INSEE's (Licence Ouverte).
"""
import csv, json, os, sys

geo, naf = sys.argv[1], sys.argv[2]
out = os.path.join(os.path.dirname(__file__), "../../src/Coaching.Core/ReferenceData/Data")

def write(name, header, rows):
    with open(os.path.join(out, name), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)

regions = json.load(open(f"{geo}/data/regions.json", encoding="utf-8"))
write("regions.csv", ["code", "nom"], [(r["code"], r["nom"]) for r in regions])

departements = json.load(open(f"{geo}/data/departements.json", encoding="utf-8"))
write("departements.csv", ["code", "region", "nom"], [(d["code"], d["region"], d["nom"]) for d in departements])

# Current communes, plus the municipal arrondissements of Paris, Lyon and Marseille, which carry the postcodes.
communes = json.load(open(f"{geo}/data/communes.json", encoding="utf-8"))
keep = [c for c in communes if c["type"] in ("commune-actuelle", "arrondissement-municipal") and c.get("codesPostaux")]
write("communes.csv", ["code", "nom", "departement", "region", "codesPostaux", "population"],
      [(c["code"], c["nom"], c["departement"], c["region"], " ".join(c["codesPostaux"]), c.get("population", 0)) for c in keep])

codes = json.load(open(f"{naf}/index.json", encoding="utf-8"))
write("naf.csv", ["code", "libelle"], [(c["id"], c["label"]) for c in codes if len(c["id"]) == 6])

#!/usr/bin/python3
"""Reads an .xlsx file with the Python standard library only and prints JSON.

Usage: read_xlsx.py FILE

Output (one JSON object, key order as in the workbook):
  "sheets":         {sheet name: {cell ref: value}}  numbers as floats, text as strings,
                                                     booleans as true/false, errors as "#N/A" etc.
  "charts":         ["xl/charts/chart1.xml", ...]    the chart parts
  "chart_types":    {chart part: ["barChart", ...]}  plot types inside each chart
  "chart_formulas": {chart part: ["'Ark'!$A$5:$A$7", ...]}  every cell reference in the chart
  "title", "creator", "created": from docProps/core.xml ("" when absent)

An independent check of what src/report/render_xlsx.cc writes: it knows the
file format, not our code. Exits 1 with a message on stderr if the file is not
a readable .xlsx. Runs with /usr/bin/python3 (no third-party modules).
"""
import json
import posixpath
import re
import sys
import xml.etree.ElementTree as ET
import zipfile

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CHART = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
DC = "{http://purl.org/dc/elements/1.1/}"
DCTERMS = "{http://purl.org/dc/terms/}"


def text_of(element):
    """All <t> text below element (a shared string may be split into rich-text runs)."""
    return "".join(t.text or "" for t in element.iter(MAIN + "t"))


def shared_strings(archive):
    if "xl/sharedStrings.xml" not in archive.namelist():
        return []
    root = ET.fromstring(archive.read("xl/sharedStrings.xml"))
    return [text_of(si) for si in root.iter(MAIN + "si")]


def sheet_parts(archive):
    """(sheet name, part path) in workbook order."""
    rels_root = ET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target") for rel in rels_root.iter(PKG_REL + "Relationship")}
    workbook = ET.fromstring(archive.read("xl/workbook.xml"))
    parts = []
    for sheet in workbook.iter(MAIN + "sheet"):
        target = targets[sheet.get(REL_ID)]
        # Targets are relative to xl/ (libxlsxwriter) or absolute from the package root.
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath("xl/" + target)
        parts.append((sheet.get("name"), path))
    return parts


def cell_value(cell, strings):
    kind = cell.get("t", "n")
    value = cell.find(MAIN + "v")
    if kind == "inlineStr":
        return text_of(cell)
    if value is None:
        return None
    if kind == "s":
        return strings[int(value.text)]
    if kind in ("str", "e"):
        return value.text or ""
    if kind == "b":
        return value.text == "1"
    return float(value.text)


def read_cells(archive, part, strings):
    cells = {}
    for cell in ET.fromstring(archive.read(part)).iter(MAIN + "c"):
        value = cell_value(cell, strings)
        if value is not None:
            cells[cell.get("r")] = value
    return cells


def chart_number(part):
    match = re.search(r"(\d+)\.xml$", part)
    return int(match.group(1)) if match else 0


def read(path):
    with zipfile.ZipFile(path) as archive:
        bad = archive.testzip()
        if bad is not None:
            raise ValueError("corrupt zip entry " + bad)
        strings = shared_strings(archive)
        sheets = {name: read_cells(archive, part, strings) for name, part in sheet_parts(archive)}
        charts = sorted((name for name in archive.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", name)),
                        key=chart_number)
        chart_types, chart_formulas = {}, {}
        for part in charts:
            root = ET.fromstring(archive.read(part))
            plot_area = root.find(".//" + CHART + "plotArea")
            chart_types[part] = [child.tag.replace(CHART, "") for child in (plot_area if plot_area is not None else [])
                                 if child.tag.endswith("Chart")]
            chart_formulas[part] = [f.text or "" for f in root.iter(CHART + "f")]
        title = creator = created = ""
        if "docProps/core.xml" in archive.namelist():
            core = ET.fromstring(archive.read("docProps/core.xml"))
            title = core.findtext(DC + "title") or ""
            creator = core.findtext(DC + "creator") or ""
            created = core.findtext(DCTERMS + "created") or ""
    return {"sheets": sheets, "charts": charts, "chart_types": chart_types, "chart_formulas": chart_formulas,
            "title": title, "creator": creator, "created": created}


def main(argv):
    if len(argv) != 2:
        print("usage: read_xlsx.py FILE", file=sys.stderr)
        return 2
    try:
        result = read(argv[1])
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, ET.ParseError) as error:
        print("read_xlsx.py: %s: %s" % (argv[1], error), file=sys.stderr)
        return 1
    # UTF-8 whatever the locale says, so æøå survive a C locale.
    sys.stdout.buffer.write((json.dumps(result, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

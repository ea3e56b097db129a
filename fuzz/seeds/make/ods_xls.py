"""Writes staff.ods and staff.xls of fuzz/seeds/workbook_reader: the staff workbook of
crates/core/tests/imports.rs (staff_workbook) as LibreOffice and Excel 97 would save it, so
calamine's ODS and XLS readers have a seed too. The ODS adds one row of a time, a boolean
and a percentage, cell types the tests' workbooks do not have.

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install xlwt
    /tmp/venv/bin/python ods_xls.py ../workbook_reader
"""
import datetime
import sys
import zipfile

import xlwt

OUT = sys.argv[1]

HEADERS = ["Employee ID", "Name", "Team", "Role", "Manager ID", "Hire date"]


def text(value):
    return (
        '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>'
        % value
    )


def number(value):
    return (
        '<table:table-cell office:value-type="float" office:value="%s"><text:p>%s</text:p>'
        "</table:table-cell>" % (value, value)
    )


CONTENT = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
    ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
    "<office:body><office:spreadsheet>\n"
    '<table:table table:name="Readme"><table:table-row>'
    + text("Exported from the HR system")
    + "</table:table-row></table:table>\n"
    '<table:table table:name="Staff"><table:table-column table:number-columns-repeated="6"/>\n'
    "<table:table-row>" + "".join(text(h) for h in HEADERS) + "</table:table-row>\n"
    "<table:table-row>"
    + number(1001) + text("Ann") + text("Ops") + text("Lead") + "<table:table-cell/>"
    + '<table:table-cell office:value-type="date" office:date-value="2020-01-15">'
    "<text:p>15/01/2020</text:p></table:table-cell></table:table-row>\n"
    "<table:table-row>"
    + number(1002) + text("Ben") + text("Ops") + text("Agent") + number(1001) + number(45000)
    + "</table:table-row>\n"
    '<table:table-row table:number-rows-repeated="2"><table:table-cell'
    ' table:number-columns-repeated="6"/></table:table-row>\n'
    '<table:table-row><table:table-cell office:value-type="time" office:time-value="PT09H30M00S">'
    "<text:p>09:30</text:p></table:table-cell>"
    '<table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>TRUE'
    "</text:p></table:table-cell>"
    '<table:table-cell office:value-type="percentage" office:value="0.5"><text:p>50%</text:p>'
    "</table:table-cell></table:table-row>\n"
    "</table:table>\n</office:spreadsheet></office:body></office:document-content>"
)

MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
    ' manifest:version="1.2"><manifest:file-entry manifest:full-path="/"'
    ' manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)

with zipfile.ZipFile(OUT + "/staff.ods", "w") as ods:
    # The mimetype comes first and uncompressed, as the ODF package format requires.
    ods.writestr(
        zipfile.ZipInfo("mimetype"),
        "application/vnd.oasis.opendocument.spreadsheet",
        compress_type=zipfile.ZIP_STORED,
    )
    ods.writestr("META-INF/manifest.xml", MANIFEST, compress_type=zipfile.ZIP_DEFLATED)
    ods.writestr("content.xml", CONTENT, compress_type=zipfile.ZIP_DEFLATED)

book = xlwt.Workbook()
book.add_sheet("Readme").write(0, 0, "Exported from the HR system")
staff = book.add_sheet("Staff")
for column, title in enumerate(HEADERS):
    staff.write(0, column, title)
for column, value in enumerate([1001, "Ann", "Ops", "Lead"]):
    staff.write(1, column, value)
staff.write(1, 5, datetime.date(2020, 1, 15), xlwt.easyxf(num_format_str="dd/mm/yyyy"))
for column, value in enumerate([1002, "Ben", "Ops", "Agent", 1001, 45000]):
    staff.write(2, column, value)
book.save(OUT + "/staff.xls")

"""Workbooks for import tests, built in the test (no binary files committed): honest, forged and hostile ones."""
import io
import zipfile
from collections.abc import Callable, Sequence
from typing import Any

from openpyxl import load_workbook

from services.kit.xlsx import XLSX, write_xlsx

SHEET = "xl/worksheets/sheet1.xml"


def rewrite_sheet(content: bytes, change: Callable[[str], str]) -> bytes:
    """The same workbook with its first sheet's XML passed through `change`."""
    source = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == SHEET:
                data = change(data.decode()).encode()
            target.writestr(info.filename, data)
    return out.getvalue()


def declaring(content: bytes, ref: str) -> bytes:
    """The workbook with a <dimension ref=...> claiming whatever size the forger likes."""
    return rewrite_sheet(content, lambda xml: xml.replace("<sheetViews>", f'<dimension ref="{ref}" /><sheetViews>', 1))


def zip_bomb(headers: Sequence[str], unpacked_bytes: int) -> bytes:
    """A valid ledger whose sheet XML is padded with whitespace to `unpacked_bytes`: a few hundred KB on the wire."""
    content = write_xlsx("台账", headers, [])
    source = zipfile.ZipFile(io.BytesIO(content))
    xml = source.read(SHEET).decode()
    head, tail = xml.split("</sheetData>", 1)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != SHEET:
                target.writestr(info.filename, source.read(info.filename))
                continue
            with target.open(SHEET, "w", force_zip64=True) as sheet:  # streamed: the test never holds it all
                sheet.write(head.encode())
                chunk, left = b" " * (1 << 20), unpacked_bytes
                while left > 0:
                    sheet.write(chunk[:left])
                    left -= len(chunk)
                sheet.write(("</sheetData>" + tail).encode())
    return out.getvalue()


def sheet_values(content: bytes, formulas: bool = True) -> list[list[Any]]:
    """Every row's values as Excel would show them (formulas as formulas: data_only=False)."""
    book = load_workbook(io.BytesIO(content), data_only=not formulas)
    return [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]


def cell_types(content: bytes) -> list[list[str]]:
    """Every cell's openpyxl data type: 's' text, 'n' number, 'd' date, 'f' formula."""
    book = load_workbook(io.BytesIO(content))
    return [[c.data_type for c in row] for row in book.worksheets[0].iter_rows()]


def upload(content: bytes, name: str = "台账.xlsx") -> dict:
    """The `files=` argument of an httpx upload."""
    return {"file": (name, content, XLSX)}

"""Excel ledgers (台账): write rows under Chinese headers, read them back by header."""
import io
import zipfile
from collections.abc import Iterable, Sequence
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from services.kit.errors import unprocessable

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_ROWS = 10_000


def write_xlsx(title: str, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """A one-sheet workbook: bold header row, frozen, then the rows (streamed: constant memory per row)."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])
    sheet.freeze_panes = "A2"
    sheet.append(list(headers))
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def read_xlsx(content: bytes, required: Sequence[str]) -> list[tuple[int, dict[str, Any]]]:
    """(sheet row number, {header: value}) for every non-empty row of the first sheet; 422 on a bad file."""
    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise unprocessable("ledger.unreadable", "无法读取文件，请上传 .xlsx 格式的 Excel 台账") from None
    rows = book.worksheets[0].iter_rows(values_only=True)
    headers = [str(h).strip() if h is not None else "" for h in next(rows, ())]
    missing = [h for h in required if h not in headers]
    if missing:
        raise unprocessable("ledger.missing_columns", f"缺少列：{'、'.join(missing)}", missing_columns=missing)
    result = []
    for number, values in enumerate(rows, start=2):
        if values is None or all(v is None or str(v).strip() == "" for v in values):
            continue
        result.append((number, {h: v for h, v in zip(headers, values, strict=False) if h}))
        if len(result) > MAX_ROWS:
            raise unprocessable("ledger.too_many_rows", f"一次最多导入 {MAX_ROWS} 行")
    return result

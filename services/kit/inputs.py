"""The one base for every request body; it lives in contracts/ because read models there reuse input shapes."""
from contracts.inputs import FREE_TEXT, STORED, FreeText, StrictInput, from_stored

__all__ = ["FREE_TEXT", "STORED", "FreeText", "StrictInput", "from_stored"]

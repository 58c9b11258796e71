"""Clean text at the edge: control characters never get in (they poison exports, PostgreSQL and terminals)."""
import re

# C0 control characters and DEL. Tab and newline are allowed in free text (descriptions, opinions) only.
_ANY_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_CONTROL_BUT_TAB_NEWLINE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def control_char_message(value: str, free_text: bool = False) -> str | None:
    """A Chinese message naming the first forbidden control character in value, or None when it is clean."""
    found = (_CONTROL_BUT_TAB_NEWLINE if free_text else _ANY_CONTROL).search(value)
    if found is None:
        return None
    return f"含有不允许的控制字符（U+{ord(found.group()):04X}，第 {found.start() + 1} 个字符）"

"""Clean text at the edge: the control-character check lives in contracts/ (the gateway and services share it)."""
from contracts.text import control_char_message

__all__ = ["control_char_message"]

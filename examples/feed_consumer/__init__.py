"""A reference consumer of the event feeds: an outside system keeping its own copy (README.md beside this file)."""

"""What crosses a service boundary: shared enums and codes, personal-data masking, typed versioned event payloads.

This package imports nothing from `services/` or `gateway/`; both import from it.
"""

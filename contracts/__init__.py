"""What crosses a service boundary: shared enums and codes, personal-data masking, typed versioned event payloads,
the services' read models and pages, and the input primitives those models share with requests.

This package imports nothing from `services/` or `gateway/`; both import from it.
"""

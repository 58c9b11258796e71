"""Per-request DataLoaders, one per file."""

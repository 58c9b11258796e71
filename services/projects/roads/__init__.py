"""Road coverage (硬化道路): qualifying natural villages, coverage per county, gaps and the entries closing them."""

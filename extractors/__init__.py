"""Rule-based extractors, one module per concern; `extractors.registry` lists them in run order."""

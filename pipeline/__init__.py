"""vanban's stages; `analyze_file` and `analyze_text` are the public API (see pipeline.api)."""


def __getattr__(name):
    # lazily, so `import pipeline.ingest` in a worker does not load every stage
    if name in ("analyze_file", "analyze_text", "Analysis"):
        from pipeline import api
        return getattr(api, name)
    raise AttributeError(name)

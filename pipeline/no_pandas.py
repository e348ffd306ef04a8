"""Keep pandas out of vanban's own processes (workers, the command line).

pyarrow imports pandas (0.4 s) the first time it builds an array, only to check whether it was
handed pandas objects (apache/arrow#34994); vanban never hands it one. Installed only in processes
that vanban owns, never in a library user's: pyarrow remembers that pandas was not there.
"""
from __future__ import annotations

import sys


class _NoPandas:
    """An import hook that refuses pandas."""

    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] == "pandas":
            raise ImportError("pandas is not imported by vanban's own processes")
        return None


def without_pandas() -> None:
    if "pandas" not in sys.modules and not any(isinstance(f, _NoPandas) for f in sys.meta_path):
        sys.meta_path.insert(0, _NoPandas())

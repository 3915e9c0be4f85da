"""cablegram: read, archive and search US diplomatic telegrams (cables).

The library comes first; the ``cablegram`` command is a thin wrapper over it::

    from cablegram import parse
    record = parse(open("cable.txt").read())
    record.to_json()        # the public ``cablegram/1`` contract
"""

__version__ = "0.1.0"

from .parse import parse  # noqa: E402
from .policy import LENIENT, STRICT, DefectError, Policy  # noqa: E402

__all__ = ["parse", "Policy", "LENIENT", "STRICT", "DefectError", "__version__"]

"""Import migra's engine without its 0.3 s start-up tax.

At import, `results.schemainspect.pg.obj` reads 17 SQL files, and for each one
`misc.external_caller_package()` walks `inspect.stack()` and calls `inspect.getmodule()` on
every frame: about 0.3 s of a 0.8 s start (measured with -X importtime, results
2.0.1789346060). We load `misc` ourselves first and give it an equivalent that reads the
caller's package from the frame's globals, then import the engine as usual.
"""

from __future__ import annotations

import importlib.util
import sys
from types import FrameType


def prepare() -> None:
    name = "results.schemainspect.misc"
    if name in sys.modules or "results.schemainspect" in sys.modules:
        return
    import results

    spec = importlib.util.find_spec("results")
    if spec is None or not spec.submodule_search_locations:
        return
    location = next(iter(spec.submodule_search_locations))
    misc_spec = importlib.util.spec_from_file_location(name, f"{location}/schemainspect/misc.py")
    if misc_spec is None or misc_spec.loader is None:
        return
    misc = importlib.util.module_from_spec(misc_spec)
    sys.modules[name] = misc
    misc_spec.loader.exec_module(misc)

    def external_caller_package() -> str:
        frame: FrameType | None = sys._getframe(1)
        while frame is not None:
            module = frame.f_globals.get("__name__")
            if module and module != name:
                return str(frame.f_globals.get("__package__") or module)
            frame = frame.f_back
        return name

    # A module's attributes are its namespace: replaced there, as the type of a module
    # loaded from a path cannot say it has this one.
    vars(misc)["external_caller_package"] = external_caller_package
    # The import system binds a submodule to its package only when it loads it itself:
    # the engine reads `schemainspect.misc.quoted_identifier` through the package.
    import results.schemainspect

    results.schemainspect.misc = misc

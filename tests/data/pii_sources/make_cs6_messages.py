#!/usr/bin/env python3
"""Build cs6_messages.jsonl from the hand-written, inline-labelled cs6_source.txt, with the
builder of cs2 (make_cs2_messages.py: same source format, validation and split rule; this
set's own name and seed). Deterministic: same source -> byte-identical output. Standard
library only.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_cs2_messages import HERE, main

if __name__ == "__main__":
    sys.exit(
        main(
            HERE / "cs6_source.txt",
            HERE / "cs6_messages.jsonl",
            "trustdesk-pii-sentences-v6",
            20261206,
        )
    )

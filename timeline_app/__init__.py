"""Timeline: which city fell when, according to whom."""

import os

# numpy's OpenBLAS starts a thread per core when numpy is imported, which spins for
# about 0.1 s of CPU (2 cores: 0.17-0.19 s to import numpy against 0.07-0.10 s with
# one thread).  Nothing here multiplies matrices; on a 2-core import that CPU is the
# workers'.  Set before anything of ours imports numpy; a user's own setting wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

__version__ = "0.1.0"

"""Intel MKL's buffer pools, turned off before CTranslate2 first runs.

CTranslate2's CPU wheels carry Intel MKL and use it for their GEMMs on Intel CPUs (oneDNN elsewhere). MKL's own
allocator keeps the buffers of every call in pools per thread for reuse, and never hands them back: a uk + de
worker of the OPUS-MT architecture on a 2-core Intel Xeon sat at 377-408 MB steady and 387-421 MB at its peak with
the pools, 296-297 MB without (benchmarks/worker_memory.py, 200 items), the whole difference held by two
translators' threads. The cost: about 5% of that worker's items per second (many small calls, each allocating its
buffers again); on batches of a whole story no change was measured. MKL reads MKL_DISABLE_FAST_MM when it first
allocates, so it must be in the environment before then; a value the user set is left as it is. torch carries its
own MKL and reads the same variable: a process that falls back to the transformers backend after this ran has
torch's pools off too.
"""

import os

SETTING = "MKL_DISABLE_FAST_MM"


def disable_buffer_pools(environment=os.environ) -> bool:
    """Ask MKL for plain malloc and free in place of its pools, unless `environment` already says; True when
    this call set it."""
    if environment.get(SETTING):
        return False
    environment[SETTING] = "1"
    return True

"""Run a command and measure it: wall-clock time and the peak memory of its whole process tree."""

import os
import subprocess
import threading
import time
from pathlib import Path

SAMPLE_SECONDS = 0.1


def _children() -> dict[int, list[int]]:
    """Parent pid → child pids, from /proc."""
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            tree.setdefault(parent, []).append(int(entry.name))
    return tree


def _rss_bytes(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def tree_rss(root: int) -> int:
    """Resident memory of a process and all its descendants (the build's workers included)."""
    tree, total, pending = _children(), 0, [root]
    while pending:
        pid = pending.pop()
        total += _rss_bytes(pid)
        pending += tree.get(pid, [])
    return total


def run(command: list[str], **popen) -> dict:
    """Run `command` to completion; raise if it fails. Returns seconds and peak_rss_bytes (sampled)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, **popen)
    peak = 0
    done = threading.Event()

    def sample():
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss(process.pid))
            done.wait(SAMPLE_SECONDS)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    returncode = process.wait()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    if returncode != 0:
        raise subprocess.CalledProcessError(returncode, command)
    return {"seconds": seconds, "peak_rss_bytes": peak}


def machine() -> dict:
    """Cores and memory of the machine the benchmark ran on."""
    memory = next(line for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal:"))
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "unknown",
    )
    return {"cores": os.cpu_count(), "memory_gb": round(int(memory.split()[1]) / 1024**2, 1), "cpu": model}

"""Checks the machine before `make` builds the virtual environment (standard library only).

Stops with a clear message naming the Debian/Ubuntu package to install.
"""

import ctypes.util
import importlib.util
import sys

problems = []
if importlib.util.find_spec("ensurepip") is None:
    problems.append("Python's venv module is incomplete: sudo apt-get install python3-venv")
if ctypes.util.find_library("magic") is None:
    # python-magic detects the real type of every uploaded file through libmagic.
    problems.append("libmagic is missing (file type detection): sudo apt-get install libmagic1")

if problems:
    print("Cannot set up Chiang Khian CMS on this machine:", file=sys.stderr)
    for problem in problems:
        print(f"  - {problem}", file=sys.stderr)
    sys.exit(1)

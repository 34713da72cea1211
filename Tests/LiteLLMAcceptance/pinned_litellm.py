"""Which LiteLLM this interpreter has, and whether it may run at all.

The harness proves what the *pinned* LiteLLM accepts, so it refuses any other version, any
release known to be compromised, and a venv carrying the payload of the March 2026 attack.
"""
import importlib.metadata
import os
import re
import sys

# scripts/requirements/litellm.txt, the one pin (relative to this file: Tests/LiteLLMAcceptance/).
REQUIREMENTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                            "scripts", "requirements", "litellm.txt")

# Published by an attacker (1.82.7 and 1.82.8, BerriAI/litellm#24518) or reported compromised (1.107.x).
COMPROMISED = ("1.82.7", "1.82.8")
COMPROMISED_SERIES = ("1.107.",)

# The 1.82.8 payload: a .pth file, which site.py executes at every interpreter start.
PAYLOAD = "litellm_init.pth"


def pinned_version():
    """The version after `litellm[proxy]==` in the requirements file, or None."""
    with open(REQUIREMENTS, encoding="utf-8") as f:
        for line in f:
            match = re.match(r"litellm(\[[a-z,]+\])?==(\S+)\s*$", line)
            if match:
                return match.group(2)
    return None


def installed_version():
    """From the package metadata: importing litellm would run the code we are about to vet."""
    try:
        return importlib.metadata.version("litellm")
    except importlib.metadata.PackageNotFoundError:
        return None


def payloads(prefix=sys.prefix):
    """Every litellm_init.pth under the venv (site.py only reads site-packages' top level, but a
    copy anywhere means the install was tampered with)."""
    found = []
    for folder, _, files in os.walk(prefix):
        if PAYLOAD in files:
            found.append(os.path.join(folder, PAYLOAD))
    return found


def refusal():
    """Why this interpreter must not run the check, or None."""
    installed = installed_version()
    if installed is None:
        return "litellm is not installed in %s (use the interpreter printed by scripts/python-env litellm)" % sys.prefix
    if installed in COMPROMISED or installed.startswith(COMPROMISED_SERIES):
        return "refusing litellm %s: a known-compromised release; delete %s" % (installed, sys.prefix)
    found = payloads()
    if found:
        # It already ran once when this interpreter started; refusing stops it from running again.
        return "%s found: compromised install, delete %s and reinstall" % (found[0], sys.prefix)
    pinned = pinned_version()
    if pinned != installed:
        return ("litellm %s installed, %s pinned in scripts/requirements/litellm.txt (run scripts/python-env litellm)"
                % (installed, pinned))
    return None

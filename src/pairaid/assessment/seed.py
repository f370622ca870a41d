"""The rubric as shipped: ``data/rubric.yaml`` read into rows (the seed of the stored rubric)."""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

from pairaid.core.errors import InputError


def rubric_seed() -> list[dict[str, Any]]:
    """The criteria of ``data/rubric.yaml``, in file order.

    Raises:
        InputError: the file holds no list of criteria.
    """
    text = resources.files("pairaid.assessment").joinpath("data/rubric.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict) or not isinstance(data.get("criteria"), list):
        raise InputError("rubric.yaml has no list of criteria")
    return list(data["criteria"])

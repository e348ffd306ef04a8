"""Placeholder until the legacy-encoding module lands."""
from dataclasses import dataclass


@dataclass(frozen=True)
class Detection:
    encoding: str | None
    confidence: float
    method: str


def repair(text):
    return text, Detection(None, 0.0, "content")


def docx_run_encoding(font):
    return None


def convert(text, encoding, upper=False):
    return text


def is_upper_font(font):
    return False

"""Command line: ``backpain demo``, ``backpain report``, ``backpain app``.

``python -m backpain ...`` does the same.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

__all__ = ["main"]


def _demo(args: argparse.Namespace) -> int:
    from .demo import run_demo

    out = run_demo(Path(args.out), lang=args.lang)
    print(f"\nDone. Results are in {out.resolve()}")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="backpain",
        description="Read, validate, classify, analyse and plot back-pain diaries. "
        "Everything runs on this computer; nothing is sent anywhere.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    demo = sub.add_parser("demo", help="run the whole flow on the bundled example data")
    demo.add_argument(
        "--out", default="backpain-output", help="output folder (default: %(default)s)"
    )
    demo.add_argument("--lang", choices=("en", "nl"), default="en", help="language of labels")
    demo.set_defaults(func=_demo)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    from .errors import DiaryError, SurveyError

    args = _parser().parse_args(argv)
    try:
        return args.func(args)
    except (DiaryError, SurveyError) as exc:
        print(f"backpain: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

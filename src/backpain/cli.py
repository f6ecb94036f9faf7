"""Command line: ``backpain demo``, ``backpain report``, ``backpain app``.

``python -m backpain ...`` does the same.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

__all__ = ["main"]


def _demo(args: argparse.Namespace) -> int:
    from .demo import run_demo

    out = run_demo(Path(args.out), lang=args.lang)
    print(f"\nDone. Results are in {out.resolve()}")
    return 0


# --- issue 8: report and app (owned by the report/app engineer) ---------------
def _report(args: argparse.Namespace) -> int:
    from .errors import DiaryError
    from .report import write_report

    def progress(message: str) -> None:
        print(f"backpain: {message}", file=sys.stderr, flush=True)

    diaries = args.diary[0] if len(args.diary) == 1 else args.diary
    try:
        out = write_report(
            diaries,
            Path(args.output),
            lang=args.lang,
            subject=args.subject,
            progress=progress,
            pain_scale=args.pain_scale,
            dayfirst=args.dayfirst,
        )
    except DiaryError:  # main() adds the command-line form of the reader's advice
        raise
    except ValueError as exc:  # several subjects, no pain values: readable, exit code 2
        print(f"backpain: {exc}", file=sys.stderr)
        return 2
    print(f"Report written to {out.resolve()}")
    return 0


def _app(args: argparse.Namespace) -> int:
    from .app import serve

    def announce(url: str) -> None:
        print(f"backpain app: open {url}  (Ctrl+C stops it)", flush=True)

    return serve(
        port=args.port, open_browser=not args.no_browser, lang=args.lang, announce=announce
    )


def _add_issue8_commands(sub: argparse._SubParsersAction) -> None:
    report = sub.add_parser(
        "report", help="write a one-file HTML report of a diary, to take to the therapist"
    )
    report.add_argument("diary", nargs="+", help="diary file(s) (several are merged)")
    report.add_argument(
        "-o", "--output", default="report.html", help="HTML file to write (default: %(default)s)"
    )
    report.add_argument("--lang", choices=("en", "nl"), default="en", help="language")
    report.add_argument("--subject", default=None, help="the person, if the file holds several")
    report.add_argument(
        "--pain-scale",
        type=int,
        choices=(10, 100),
        default=10,
        help="scale of the pain scores: 10 (0-10, the default) or 100 (0-100, divided by 10)",
    )
    order = report.add_mutually_exclusive_group()
    order.add_argument(
        "--dayfirst",
        dest="dayfirst",
        action="store_const",
        const=True,
        default=None,
        help="dates such as 03/04/2026 are day-month-year (3 April)",
    )
    order.add_argument(
        "--monthfirst",
        dest="dayfirst",
        action="store_const",
        const=False,
        help="dates such as 03/04/2026 are month-day-year (4 March)",
    )
    report.set_defaults(func=_report)
    app = sub.add_parser("app", help="open the local upload page (nothing leaves this computer)")
    app.add_argument("--port", type=int, default=None, help="port (default: a free one)")
    app.add_argument("--no-browser", action="store_true", help="do not open a browser")
    app.add_argument("--lang", choices=("en", "nl"), default="en", help="language of the page")
    app.set_defaults(func=_app)


# Python arguments the readers suggest in their messages -> the command-line form
_CLI_HINTS: tuple[tuple[str, str], ...] = (
    (r"pain_scale=100", "--pain-scale 100"),
    (r"dayfirst=(?:True|False)", "--dayfirst (day-month-year) or --monthfirst (month-day-year)"),
    (r"subject=(?!.*--subject)", "--subject NAME"),
)


def _with_cli_hints(message: str) -> str:
    """Add the command-line form of any Python argument a message suggests.

    >>> _with_cli_hints("looks like a 0-100 scale. Pass pain_scale=100 to read it.")
    'looks like a 0-100 scale. Pass pain_scale=100 to read it. On the command line: --pain-scale 100.'
    """
    found = [cli for pattern, cli in _CLI_HINTS if re.search(pattern, message, re.DOTALL)]
    if re.search(r"columns=\{", message):
        found.append("rename the column in the spreadsheet (there is no columns= option)")
    if not found:
        return message
    return f"{message} On the command line: {'; '.join(found)}."


# -------------------------------------------------------------------------------
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
    _add_issue8_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    from .errors import DiaryError, SurveyError

    args = _parser().parse_args(argv)
    try:
        return args.func(args)
    except (DiaryError, SurveyError) as exc:
        print(f"backpain: {_with_cli_hints(str(exc))}", file=sys.stderr)
        return 2
    except ImportError as exc:  # an optional extra is missing; the message says which
        if "pip install" not in str(exc):
            raise
        print(f"backpain: {exc}", file=sys.stderr)
        return 3


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

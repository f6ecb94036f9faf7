"""Command line: ``backpain demo``, ``backpain report``, ``backpain app``.

``python -m backpain ...`` does the same. Every message is a catalogue text
(:func:`backpain.text.say`) in the language of ``--lang``; errors from the
readers are rendered for the command line (their advice names options such
as ``--pain-scale 100``, not Python arguments).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ._config import config
from .text import LANGS, Message, render_error, say

__all__ = ["main"]


def _print(key: str, lang: str, **params: object) -> None:
    print(say(key, lang, audience="cli", **params), flush=True)


def _demo(args: argparse.Namespace) -> int:
    from .demo import run_demo

    out = run_demo(Path(args.out), lang=args.lang)
    _print("cli.demo_done", args.lang, path=str(out.resolve()))
    return 0


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)  # links and other names of one file too
    except OSError:  # one of them does not exist
        return a.resolve() == b.resolve()


def _output(output: str, diaries: list[str]) -> Path:
    """The report's path for ``-o``: a file, or ``report.html`` in a folder; never an input.

    A folder (one that exists, or a name ending in ``/``) gets ``report.html``
    inside it. The report never replaces a diary it reads, and the folder it
    goes in must exist; both are refused before anything is read.
    """
    path = Path(output)
    if path.is_dir() or output.endswith(("/", os.sep)):
        path = path / "report.html"
    shown = output if path == Path(output) else str(path)  # as the user typed it
    for diary in diaries:
        if _same_file(path, Path(diary)):
            msg = Message("cli.output_is_input", path=shown, diary=diary)
            raise ValueError(msg)
    if not path.parent.is_dir():
        msg = Message("cli.output_no_folder", path=shown, folder=str(path.parent))
        raise ValueError(msg)
    return path


def _moods(value: str) -> list[str]:
    """``--moods "Super,Gut,Ok"``: the labels from best to worst (at least two, each once)."""
    labels = [m.strip() for m in value.split(",") if m.strip()]
    if len(labels) < 2 or len({m.lower() for m in labels}) != len(labels):
        raise argparse.ArgumentTypeError(say("cli.moods_bad", _LANG[0], value=value))
    return labels


# the reading options the report command gives, by the flag that sets each
_FLAGS = {
    "subject": "subject",
    "pain_scale": "pain-scale",
    "dayfirst": "dayfirst",
    "moods": "moods",
}


def _report(args: argparse.Namespace) -> int:
    from .report import write_report

    def progress(message: str) -> None:
        print(say("cli.progress", args.lang, message=message), file=sys.stderr, flush=True)

    path = _output(args.output, args.diary)
    diaries = args.diary[0] if len(args.diary) == 1 else args.diary
    with config(progress=progress):  # each step of the report, as it starts
        out = write_report(
            diaries,
            path,
            subject=args.subject,
            pain_scale=args.pain_scale,
            dayfirst=args.dayfirst,
            moods=args.moods,
        )
    _print("cli.report_written", args.lang, path=str(out.resolve()))
    return 0


def _app(args: argparse.Namespace) -> int:
    from .app import serve

    def announce(url: str) -> None:
        _print("cli.app_open", args.lang, url=url)

    return serve(
        port=args.port,
        open_browser=not args.no_browser,
        lang=args.lang,
        announce=announce,
        max_upload_mb=args.max_upload_mb,
        quiet=True,  # the patient's terminal: the address and how to stop, errors only
    )


def _asked_lang(argv: list[str], environ: dict[str, str]) -> str:
    """The language of the help and the default ``--lang``: ``--lang`` if given, else ``LANG``.

    >>> _asked_lang(["report", "--lang", "nl", "--help"], {})
    'nl'
    >>> _asked_lang(["--help"], {"LANG": "nl_BE.UTF-8"}), _asked_lang(["-h"], {"LANG": "C"})
    ('nl', 'en')
    """
    for i, arg in enumerate(argv):
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1] if arg.split("=", 1)[1] in LANGS else "en"
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1] if argv[i + 1] in LANGS else "en"
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):  # POSIX order of precedence
        value = environ.get(name, "")
        if value:
            return "nl" if value.lower().startswith("nl") else "en"
    return "en"


_LANG = ["en"]  # the language of the help being built (set once per main())


def _help(key: str) -> str:
    return say(key, _LANG[0])


class _Formatter(argparse.HelpFormatter):
    """argparse's help with its own words ("usage:") in the help's language."""

    def add_usage(self, usage, actions, groups, prefix=None):
        if prefix is None:  # argparse passes "" when it only wants the program's name
            prefix = _help("cli.help.usage") + " "
        super().add_usage(usage, actions, groups, prefix=prefix)


def _localised(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """A parser whose headings and ``-h`` line are in the help's language."""
    parser.add_argument("-h", "--help", action="help", help=_help("cli.help.help"))
    parser._positionals.title = _help("cli.help.positionals")
    parser._optionals.title = _help("cli.help.optionals")
    return parser


def _add_lang(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=LANGS, default=_LANG[0], help=_help("cli.help.lang"))


_COMMAND_HELP = {"report": "cli.help.report", "app": "cli.help.app", "demo": "cli.help.demo"}


def _sub(sub: argparse._SubParsersAction, name: str) -> argparse.ArgumentParser:
    return _localised(
        sub.add_parser(
            name, help=_help(_COMMAND_HELP[name]), add_help=False, formatter_class=_Formatter
        )
    )


def _add_report_and_app(sub: argparse._SubParsersAction) -> None:
    report = _sub(sub, "report")
    report.add_argument("diary", nargs="+", help=_help("cli.help.diary"))
    report.add_argument("-o", "--output", default="report.html", help=_help("cli.help.output"))
    _add_lang(report)
    report.add_argument("--subject", default=None, help=_help("cli.help.subject"))
    report.add_argument(
        "--pain-scale", type=int, choices=(10, 100), default=10, help=_help("cli.help.pain_scale")
    )
    order = report.add_mutually_exclusive_group()
    order.add_argument(
        "--dayfirst",
        dest="dayfirst",
        action="store_const",
        const=True,
        default=None,
        help=_help("cli.help.dayfirst"),
    )
    order.add_argument(
        "--monthfirst",
        dest="dayfirst",
        action="store_const",
        const=False,
        help=_help("cli.help.monthfirst"),
    )
    report.add_argument("--moods", type=_moods, default=None, help=_help("cli.help.moods"))
    report.set_defaults(func=_report)
    app = _sub(sub, "app")
    app.add_argument("--port", type=int, default=None, help=_help("cli.help.port"))
    app.add_argument("--no-browser", action="store_true", help=_help("cli.help.no_browser"))
    app.add_argument(
        "--max-upload-mb", type=float, default=200.0, help=_help("cli.help.max_upload_mb")
    )
    _add_lang(app)
    app.set_defaults(func=_app)


def _parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(
        prog="backpain",
        description=_help("cli.help.description"),
        add_help=False,
        formatter_class=_Formatter,
    )
    _localised(parser)
    # `backpain --lang nl --help`: the language of the help (each command has its own --lang)
    parser.add_argument("--lang", choices=LANGS, dest="help_lang", help=_help("cli.help.lang"))
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help=_help("cli.help.version"),
    )
    sub = parser.add_subparsers(dest="command", required=True, title=_help("cli.help.commands"))
    demo = _sub(sub, "demo")
    demo.add_argument("--out", default="backpain-output", help=_help("cli.help.out"))
    _add_lang(demo)
    demo.set_defaults(func=_demo)
    _add_report_and_app(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code.

    Exit codes: 0 done, 2 the input cannot be used (the message says why
    and what to do, in the language of ``--lang``), 3 an optional extra is
    missing (the message gives the ``pip install`` line).
    """
    from .errors import DiaryError, OptionNotTaken, SurveyError

    argv = sys.argv[1:] if argv is None else list(argv)
    _LANG[0] = _asked_lang(argv, dict(os.environ))  # help in Dutch with --lang nl or LANG=nl
    args = _parser().parse_args(argv)
    lang = getattr(args, "lang", "en")
    try:
        with config(lang=lang):  # every text of the command in its --lang
            return args.func(args)
    except ValueError as exc:  # DiaryError, SurveyError, a report's subject: readable
        if args.command == "demo" and not isinstance(exc, DiaryError | SurveyError):
            raise  # the demo's own data: a bug, shown with its traceback
        message = render_error(exc, lang, audience="cli")
        print(say("cli.error", lang, message=message), file=sys.stderr)
        return 2
    except OptionNotTaken as exc:  # e.g. --moods for a file that is not a Daylio export
        flags = ", ".join(f"--{_FLAGS.get(o, o)}" for o in exc.options)
        message = say(
            "cli.option_not_taken", lang, source=exc.source, flags=flags, format=exc.format
        )
        print(say("cli.error", lang, message=message), file=sys.stderr)
        return 2
    except ImportError as exc:  # an optional extra is missing; the message says which
        if "pip install" not in str(exc):
            raise
        print(say("cli.error", lang, message=str(exc)), file=sys.stderr)
        return 3


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

"""Read survey exports: REDCap raw exports, Qualtrics CSV, and generic CSV/Excel tables.

One row per respondent (per record x event x repeat instance for
longitudinal REDCap projects), with the same :class:`~backpain.LoadReport` as
the diary readers: every input row is kept, ignored (with a category) or
rejected (with the row number the file shows and a reason). Formats are
recognised from the content, never the file name.
"""

from __future__ import annotations

import dataclasses
import io
import json
import re
from typing import Any

import numpy as np
import pandas as pd

from .._catalogue import register_texts
from .._results import Result
from ..errors import DiaryError, SurveyError
from ..schema import TAG_SEP, normalise_header
from ..text import Message
from ._cells import blank_cells, blank_rows, check_cell_sizes
from ._format import MATCH, Detected, Format, detect_format, not_mine
from ._parse import parse_dates
from ._problems import Reason
from ._report import LoadReport
from ._source import MAX_CELL_CHARS, Source, open_source
from .table import sniff_table, table_kind

__all__ = ["MAX_SURVEY_COLUMNS", "SURVEY_FORMATS", "Survey", "read_survey"]

MAX_SURVEY_COLUMNS = 20_000
"""Most columns of a survey export (REDCap and Qualtrics projects have hundreds to a few
thousand); 10,000 columns read in a few seconds, more is refused before parsing."""


COMPLETE_LABELS: tuple[str, ...] = ("Incomplete", "Unverified", "Complete")
"""Labels of REDCap ``<form>_complete`` codes 0, 1, 2."""

_REDCAP_KEYS = ("redcap_event_name", "redcap_repeat_instrument", "redcap_repeat_instance")
_REDCAP_SPECIAL = {*_REDCAP_KEYS, "redcap_survey_identifier", "redcap_data_access_group"}
_REDCAP_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_CHECKBOX = re.compile(r"^(?P<field>[a-z][a-z0-9_]*?)___(?P<code>[A-Za-z0-9_.-]+)$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?$")
_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")
_LEADING_ZERO = re.compile(r"^0\d")
_QUALTRICS_META = {"ResponseId", "ResponseID", "StartDate", "EndDate", "Finished", "Progress"}
_CHECKED = {"1": 1, "0": 0, "checked": 1, "unchecked": 0, "1.0": 1, "0.0": 0}

# REDCap project files that are not answers: (kind, columns that must all be there, every
# column allowed or None), headers compared after normalise_header. Data dictionary: the
# "Data Dictionary" CSV download ("Variable / Field Name", "Form Name", ...) and the API
# metadata export (field_name, form_name, ...); the others: the event, arm, mapping and
# instrument downloads of a longitudinal project (event_name, arm_num, unique_event_name, ...).
_EVENT_COLUMNS = {
    "event name",
    "arm num",
    "unique event name",
    "custom event label",
    "event id",
    "day offset",
    "offset min",
    "offset max",
}
_REDCAP_PROJECT_FILES: tuple[tuple[str, frozenset[str], set[str] | None], ...] = (
    # a dictionary may gain columns in a new REDCap version: only the required ones count
    ("data dictionary", frozenset({"form name", "field type", "field label"}), None),
    ("event table", frozenset({"event name", "unique event name"}), _EVENT_COLUMNS),
    (
        "instrument-event mapping",
        frozenset({"unique event name", "form"}),
        {"arm num", "unique event name", "form"},
    ),
    ("arm table", frozenset({"arm num", "name"}), {"arm num", "name", "arm name"}),
    (
        "instrument list",
        frozenset({"instrument name", "instrument label"}),
        {"instrument name", "instrument label"},
    ),
)

# generic tables: normalised header -> column name
_GENERIC_ALIASES: dict[str, str] = {
    **dict.fromkeys(
        (
            "subject",
            "subject id",
            "respondent",
            "respondent id",
            "participant",
            "participant id",
            "patient",
            "patient id",
            "id",
            "deelnemer",
            "deelnemer id",
            "deelnemersnummer",
            "respondentnummer",
            "proefpersoon",
            "patientnummer",
            "nummer",
        ),
        "subject",
    ),
    **dict.fromkeys(("date", "datum", "invuldatum", "survey date", "datum ingevuld"), "date"),
    **dict.fromkeys(
        ("pain duration", "duration", "pijnduur", "duur", "duur pijn", "duur klachten"),
        "pain_duration",
    ),
    **dict.fromkeys(
        ("pain frequency", "frequency", "pijnfrequentie", "frequentie", "hoe vaak"),
        "pain_frequency",
    ),
    **dict.fromkeys(("age", "leeftijd"), "age"),
    **dict.fromkeys(("sex", "gender", "geslacht"), "sex"),
}


# --------------------------------------------------------------- public API
@dataclasses.dataclass(frozen=True, repr=False, eq=False)
class Survey(Result):
    """A survey as read: the answers and the codebook the export carries.

    Data and metadata together, as pyreadstat returns an SPSS file's
    variable and value labels beside its frame (``DataFrame.attrs`` is not
    used: it is lost on printing and writing a CSV). The scoring and
    classifying functions (:func:`backpain.score_odi`,
    :func:`backpain.classify_survey`, :func:`backpain.cohort_table`, ...)
    take a ``Survey`` or its ``table`` alike.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per respondent (see :func:`read_survey`).
    labels : dict of str to str
        Column -> question label: REDCap field labels (with a dictionary),
        the Qualtrics second header row (in the survey's language), or a
        generic table's original header for each renamed column.
    choices : dict of str to dict of str to str
        REDCap with a dictionary: coded column -> ``{code: label}``; else empty.
    import_ids : dict of str to str
        Qualtrics: column -> ImportId (``"QID1"``); else empty.

    Examples
    --------
    >>> survey = read_survey(b"deelnemer,pijnduur\\nP01,3 maanden\\n")
    >>> survey.table
      subject pain_duration
    0     P01     3 maanden
    >>> survey.labels
    {'subject': 'deelnemer', 'pain_duration': 'pijnduur'}
    """

    labels: dict[str, str] = dataclasses.field(default_factory=dict)
    choices: dict[str, dict[str, str]] = dataclasses.field(default_factory=dict)
    import_ids: dict[str, str] = dataclasses.field(default_factory=dict)

    def _table_text(self) -> str:
        # a survey may have thousands of rows and columns: pandas' truncated display
        return repr(self.table)

    def _table_html(self) -> str:
        return self.table._repr_html_()


def read_survey(
    source: Any,
    *,
    format: str = "auto",
    dictionary: Any = None,
    choice_labels: bool = False,
    return_report: bool = False,
) -> Survey | tuple[Survey, LoadReport]:
    """Read a survey export into one row per respondent, with its codebook.

    Parameters
    ----------
    source : path, str, bytes, file object or pandas.DataFrame
        A REDCap raw (codes) CSV export, a Qualtrics CSV export (three header
        rows, or the legacy two header rows), or any CSV/Excel table with one
        respondent per row and English or Dutch headers.
    format : {"auto", "redcap", "qualtrics", "table"}, default "auto"
        ``"auto"`` recognises the format from the content.
    dictionary : path, str, bytes, file object or pandas.DataFrame, optional
        The REDCap data dictionary (the "Data Dictionary" CSV download or the
        API metadata export). Gives field labels and choices, and which text
        fields are numbers or dates.
    choice_labels : bool, default False
        REDCap with a dictionary: turn radio, dropdown, yes/no and true/false
        codes into their labels (an unordered ``Categorical`` in the
        dictionary's order) and checkbox selections into labels. By default
        the codes are kept (numbers), so questionnaires can be scored, and
        the labels are in the survey's ``choices``.
    return_report : bool, default False
        Also return the :class:`~backpain.LoadReport`.

    Returns
    -------
    survey : Survey
        ``survey.table``: one row per respondent, columns as in the file,
        values converted (numbers, dates, text); ``survey.labels``,
        ``survey.choices``, ``survey.import_ids``: the codebook. Per format:

        - **REDCap**: the record id (first column, a string) and, where the
          project has them, ``redcap_event_name``, ``redcap_repeat_instrument``
          (string) and ``redcap_repeat_instance`` (Int64) as keys; checkbox
          columns ``var___1`` .. ``var___n`` collapsed into one column ``var``
          holding the ticked codes (labels with ``choice_labels=True``)
          joined with ``"|"`` (``""`` = none ticked, missing = not asked);
          ``<form>_complete`` as an ordered categorical Incomplete <
          Unverified < Complete; ``<instrument>_timestamp`` as datetime
          (``[not completed]`` -> NaT); fields validated as numbers with a
          decimal comma (``number_1dp_comma_decimal``,
          ``number_comma_decimal`` ...) as numbers (``'41,7'`` -> 41.7).
          ``labels`` maps columns to
          field labels, ``choices`` coded columns to ``{code: label}``.
        - **Qualtrics**: the columns of the first header row (legacy files:
          ``V1`` .. ``V10`` renamed to their labels, ``ResponseID`` ->
          ``ResponseId``), plus ``is_preview`` and ``is_complete`` (boolean;
          preview and unfinished responses are flagged, never dropped).
          ``labels`` maps columns to the (possibly localised) labels
          of the second header row, ``import_ids`` to the ImportIds.
        - **table**: snake_case columns; recognised English or Dutch headers
          renamed (``deelnemer`` -> ``subject``, ``datum`` -> ``date``,
          ``pijnduur`` -> ``pain_duration``, ...); ``labels`` maps
          the new names to the original headers.
    report : LoadReport
        With ``return_report=True``: ``rows_read == rows_kept +
        rows_ignored + rows_rejected``; ``rows_merged`` is always 0 (survey
        rows are never combined). Blank rows are ignored; rows without
        a respondent id and repeated REDCap keys or Qualtrics response ids
        are rejected, with the row number the file shows (header = row 1;
        Qualtrics: the first respondent is row 4, legacy files row 3).

    Raises
    ------
    SurveyError
        When the file is empty, not a table, of no format tried, or has a row
        with more values than the header (the message gives the row); when
        the file is a REDCap data dictionary, event table, arm table,
        instrument-event mapping or instrument list rather than answers
        (recognised from the header, except with ``format="table"``, which
        reads any table as it is); when ``dictionary`` is given for a file
        that is not a REDCap export, or is not a data dictionary (an event
        table, the data export itself, ...). Every message names the file
        and says what to pass instead.

    Notes
    -----
    A value that does not fit the dictionary (a code that is not a choice, a
    date field holding text) is never dropped: the column keeps the raw
    values and the report says so in ``report.notes``. Without a dictionary,
    a column becomes numeric only when every value is a number (and none has
    a leading zero, like ``"0123"``), and a date only when every value is an
    ISO date. Formats follow ``FORMATS.md`` "Surveys"; checked against the
    REDCap (REDCapR) and Qualtrics (qualtRics) test exports in
    ``tests/test_read_survey.py``.

    Examples
    --------
    >>> csv = (
    ...     "record_id,odi1,pain___1,pain___2,baseline_complete\\n"
    ...     "1,3,1,0,2\\n"
    ...     "2,,0,0,0\\n"
    ... )
    >>> survey, report = read_survey(csv.encode(), return_report=True)
    >>> survey.table
      record_id  odi1 pain baseline_complete
    0         1     3    1          Complete
    1         2  <NA>            Incomplete
    >>> report.format, report.rows_read, report.rows_kept
    ('redcap', 2, 2)
    """
    formats = ("auto", *SURVEY_FORMATS)
    if format not in formats:
        msg = f"format={format!r} is not known; use one of {list(formats)}"
        raise ValueError(msg)
    grid = _load_grid(source)
    if format != "table" and _redcap_project_file(grid.header) is not None:
        raise SurveyError(_not_answers(grid, dictionary))
    if format == "auto":
        fmt, tried = detect_format(SURVEY_FORMATS.values(), grid)
        if fmt is None:
            msg = Message("read.survey.unknown_format", source=grid.name, tried=tried)
            raise SurveyError(msg)
    else:
        fmt = SURVEY_FORMATS[format]
    if dictionary is not None and fmt.name != "redcap":
        msg = Message("read.survey.dictionary_not_redcap", source=grid.name, chosen=fmt.name)
        raise SurveyError(msg)
    given = {"dictionary": dictionary, "choice_labels": choice_labels}
    survey, report = fmt.read(grid, **{k: v for k, v in given.items() if k in fmt.options})
    report.rejected = report.rejected.sort_values("row", kind="stable").reset_index(drop=True)
    if return_report:
        return survey, report
    return survey


# This reader's own sentences, beside it (registered with the catalogue, so that
# `say` and the catalogue's rule tests see them): key -> (English, Dutch).
_TEXTS = register_texts(
    __name__,
    {
        "read.limit.survey_columns": (
            "{source}: {found} columns, more than the {most} a survey export may have "
            "(limit: columns). Export only the instruments or questions you need, or split "
            "the export into several files with the respondent id column in each.",
            "{source}: {found} kolommen, meer dan de {most} die een export van een vragenlijst "
            "mag hebben (grens: kolommen). Exporteer alleen de vragenlijsten of vragen die je "
            "nodig hebt, of splits de export in meerdere bestanden met in elk de kolom met de "
            "code van de deelnemer.",
        ),
        "read.survey.again": ("Export the survey again.", "Exporteer de vragenlijst opnieuw."),
        "read.survey.again_dictionary": (
            "Download the data dictionary again.",
            "Download het gegevenswoordenboek (data dictionary) opnieuw.",
        ),
        "read.survey.bad_excel": (
            "{source}: could not read it as an Excel file ({detail}). Open it in Excel and save it "
            "again as .xlsx, or export the survey as CSV.",
            "{source}: kon het niet lezen als Excel-bestand ({detail}). Open het in Excel en "
            "bewaar het opnieuw als .xlsx, of exporteer de vragenlijst als CSV.",
        ),
        "read.survey.checkboxes": (
            "checkbox columns collapsed into one column each, ticked options joined with '|' "
            "('' = none ticked): {groups}",
            "aankruiskolommen samengevoegd tot één kolom elk, aangekruiste opties verbonden met "
            "'|' ('' = niets aangekruist): {groups}",
        ),
        "read.survey.dates_ambiguous": (
            "date: the day/month order is ambiguous; kept as text",
            "datum: de volgorde dag/maand is niet duidelijk; als tekst bewaard",
        ),
        "read.survey.detect_no_header": ("no header row", "geen kopregel"),
        "read.survey.detect_no_redcap_column": (
            "no redcap_* or <form>_complete column",
            "geen kolom redcap_* of <formulier>_complete",
        ),
        "read.survey.detect_no_table": (
            "a table needs a header row with at least 2 columns, found {named}",
            "een tabel heeft een kopregel met minstens 2 kolommen nodig, gevonden: {named}",
        ),
        "read.survey.detect_not_qualtrics": (
            'no {{"ImportId": ...}} header row and no legacy V1.. header',
            'geen kopregel met {{"ImportId": ...}} en geen oude kopregel V1..',
        ),
        "read.survey.detect_not_redcap_names": (
            "headers are not REDCap variable names (lower-case letters, digits, _)",
            "de kolomnamen zijn geen variabelen uit REDCap (kleine letters, cijfers, _)",
        ),
        "read.survey.detect_qualtrics_no_import_id": (
            "Qualtrics columns but no ImportId header row (row 3)",
            "kolommen uit Qualtrics maar geen kopregel met ImportId (rij 3)",
        ),
        "read.survey.dictionary_empty": (
            "dictionary={source} lists no fields (only a header row). Download the data "
            "dictionary again (Project Setup > Data Dictionary > Download).",
            "dictionary={source} bevat geen velden (alleen een kopregel). Download het "
            "gegevenswoordenboek opnieuw (Project Setup > Data Dictionary > Download).",
        ),
        "read.survey.dictionary_is_data": (
            "dictionary={source} looks like a REDCap data export (columns {shown}, ...), not its "
            "data dictionary. Pass the data dictionary (Project Setup > Data Dictionary > "
            "Download), or drop dictionary=; if {source} is the data you want, it goes first: "
            "read_survey('{source}', ...).",
            "dictionary={source} lijkt een gegevensexport uit REDCap (kolommen {shown}, ...), "
            "geen gegevenswoordenboek. Geef het gegevenswoordenboek (Project Setup > Data "
            "Dictionary > Download), of laat dictionary= weg; zijn {source} de gegevens die je "
            "wilt, dan komen ze eerst: read_survey('{source}', ...).",
        ),
        "read.survey.dictionary_is_project_file": (
            "dictionary={source} is a REDCap {kind}, not a data dictionary. read_survey does not "
            "need it: drop it, and pass the data dictionary instead if you have one (Project "
            "Setup > Data Dictionary > Download).",
            "dictionary={source} is een {kind} uit REDCap, geen gegevenswoordenboek. read_survey "
            "heeft het niet nodig: laat het weg, en geef in de plaats het gegevenswoordenboek als "
            "je het hebt (Project Setup > Data Dictionary > Download).",
        ),
        "read.survey.dictionary_lacks": (
            "dictionary={source} is not a REDCap data dictionary: it has no {key!r} column "
            "('Variable / Field Name' and 'Field Type'); its columns are {shown}. Pass the REDCap "
            "data dictionary CSV (Project Setup > Data Dictionary > Download), or drop dictionary=.",
            "dictionary={source} is geen gegevenswoordenboek uit REDCap: het heeft geen kolom "
            "{key!r} ('Variable / Field Name' en 'Field Type'); de kolommen zijn {shown}. Geef "
            "de CSV van het gegevenswoordenboek uit REDCap (Project Setup > Data Dictionary > "
            "Download), of laat dictionary= weg.",
        ),
        "read.survey.dictionary_not_redcap": (
            "{source}: {option.dictionary} is for REDCap exports, but the file was read as {chosen!r}; {option.dictionary_drop}",
            "{source}: {option.dictionary} hoort bij exports uit REDCap, maar het bestand werd gelezen als {chosen!r}; {option.dictionary_drop}",
        ),
        "read.survey.dropped_last_column": (
            "dropped an empty, unnamed last column (trailing separators)",
            "een lege laatste kolom zonder naam weggelaten (scheidingstekens op het einde)",
        ),
        "read.survey.dropped_trailing_column": (
            "dropped the empty last column made by trailing commas",
            "de lege laatste kolom door komma's op het einde weggelaten",
        ),
        "read.survey.empty": (
            "{source}: the file is empty. {again}",
            "{source}: het bestand is leeg. {again}",
        ),
        "read.survey.empty_bytes": (
            "{source}: the file is empty (0 bytes). {again}",
            "{source}: het bestand is leeg (0 bytes). {again}",
        ),
        "read.survey.in_dictionary": ("dictionary={error}", "dictionary={error}"),
        "read.survey.is_dictionary": (
            "{source}: this is a REDCap data dictionary (columns {shown}), which describes the "
            "fields, not the answers. Pass it as dictionary= next to the data export: "
            "read_survey('<project>_DATA.csv', dictionary='{source}'). The data export is Data "
            "Exports > 'CSV / Microsoft Excel (raw data)', with the record id as its first column.",
            "{source}: dit is een gegevenswoordenboek (data dictionary) uit REDCap (kolommen "
            "{shown}), dat de velden beschrijft, niet de antwoorden. Geef het als dictionary= "
            "naast de gegevensexport: read_survey('<project>_DATA.csv', dictionary='{source}'). "
            "De gegevensexport is Data Exports > 'CSV / Microsoft Excel (raw data)', met het "
            "recordnummer als eerste kolom.",
        ),
        "read.survey.is_project_file": (
            "{source}: this is a REDCap {kind} (columns {shown}) of a longitudinal project, not "
            "survey answers. read_survey does not need it (the data export names each row's "
            "event in redcap_event_name): read the data export instead, Data Exports > 'CSV / "
            "Microsoft Excel (raw data)'.",
            "{source}: dit is een {kind} uit REDCap (kolommen {shown}) van een longitudinaal "
            "project, geen antwoorden op een vragenlijst. read_survey heeft het niet nodig (de "
            "gegevensexport noemt de gebeurtenis van elke rij in redcap_event_name): lees in de "
            "plaats de gegevensexport, Data Exports > 'CSV / Microsoft Excel (raw data)'.",
        ),
        "read.survey.legacy_qualtrics": (
            "legacy Qualtrics export (2 header rows): V1.. columns renamed to their labels",
            "oude export uit Qualtrics (2 kopregels): kolommen V1.. hernoemd naar hun benamingen",
        ),
        "read.survey.no_id_column": (
            "no respondent id column found (subject, respondent, deelnemer, ...)",
            "geen kolom met deelnemersnummers gevonden (subject, respondent, deelnemer, ...)",
        ),
        "read.survey.no_rows": (
            "{source}: the file has no rows. {again}",
            "{source}: het bestand heeft geen rijen. {again}",
        ),
        "read.survey.not_all_dates": (
            "date: not every value is a date; kept as text",
            "datum: niet elke waarde is een datum; als tekst bewaard",
        ),
        "read.survey.not_codes": (
            "{column}: values {values} are not codes of the dictionary ({codes}); column kept as "
            "written, unlabelled",
            "{column}: de waarden {values} zijn geen codes uit het woordenboek ({codes}); kolom "
            "bewaard zoals geschreven, zonder benamingen",
        ),
        "read.survey.not_dates": (
            "{column}: the dictionary says date, but not every value is one; kept as text",
            "{column}: volgens het woordenboek een datum, maar niet elke waarde is er een; als "
            "tekst bewaard",
        ),
        "read.survey.not_in_dictionary": (
            "columns not in the dictionary (read without it): {columns}",
            "kolommen die niet in het woordenboek staan (zonder gelezen): {columns}",
        ),
        "read.survey.not_numbers": (
            "{column}: the dictionary says number, but not every value is one; kept as text",
            "{column}: volgens het woordenboek een getal, maar niet elke waarde is er een; als "
            "tekst bewaard",
        ),
        "read.survey.not_timestamps": (
            "{column}: not every value is a timestamp; kept as text",
            "{column}: niet elke waarde is een tijdstip; als tekst bewaard",
        ),
        "read.survey.odd_checkbox": (
            "{column}: checkbox values other than 0/1 ({values}) read as not ticked",
            "{column}: aankruiswaarden anders dan 0/1 ({values}) gelezen als niet aangekruist",
        ),
        "read.survey.odd_complete": (
            "{column}: values other than 0/1/2; kept as they are",
            "{column}: waarden anders dan 0/1/2; bewaard zoals ze zijn",
        ),
        "read.survey.other_project": (
            "the dictionary's first field is {field!r}, the export's first column {column!r}: is "
            "it the dictionary of this project?",
            "het eerste veld van het woordenboek is {field!r}, de eerste kolom van de export "
            "{column!r}: is het het woordenboek van dit project?",
        ),
        "read.survey.previews": (
            "{n_prev} preview and {n_open} unfinished response(s) kept and flagged in is_preview / "
            "is_complete; filter them out for analysis",
            "{n_prev} voorbeeld- en {n_open} onafgewerkte antwoord(en) bewaard en gemarkeerd in "
            "is_preview / is_complete; filter ze weg voor de analyse",
        ),
        "read.survey.qualtrics_header_only": (
            "{source}: format='qualtrics', but the file has only a header row; a Qualtrics export "
            "has 2 or 3 header rows. Use format='auto', or export the responses again (Data & "
            "Analysis > Export > CSV).",
            "{source}: format='qualtrics', maar het bestand heeft alleen een kopregel; een export "
            "uit Qualtrics heeft 2 of 3 kopregels. Gebruik format='auto', of exporteer de "
            "antwoorden opnieuw (Data & Analysis > Export > CSV).",
        ),
        "read.survey.ragged": (
            "{source}: row {row} has {saw} values but the header row has {expected} columns "
            '(separator {sep!r}). A separator inside a value needs quotes ("a, b"); fix that row '
            "or export the file again.",
            "{source}: rij {row} heeft {saw} waarden maar de kopregel heeft {expected} kolommen "
            "(scheidingsteken {sep!r}). Een scheidingsteken in een waarde moet tussen "
            'aanhalingstekens ("a, b"); verbeter die rij of exporteer het bestand opnieuw.',
        ),
        "read.survey.redcap_no_header": (
            "{source}: format='redcap', but the first row holds no column names; a REDCap export "
            "starts with a header row such as record_id,... Use format='auto', or export it "
            "again as 'CSV / Microsoft Excel (raw data)'.",
            "{source}: format='redcap', maar de eerste rij bevat geen kolomnamen; een export uit "
            "REDCap begint met een kopregel zoals record_id,... Gebruik format='auto', of "
            "exporteer opnieuw als 'CSV / Microsoft Excel (raw data)'.",
        ),
        "read.survey.renamed_copy": (
            "column {name!r} appears more than once; copy renamed {new!r}",
            "kolom {name!r} komt meer dan eens voor; de kopie heet nu {new!r}",
        ),
        "read.survey.repeated_record": (
            "repeats the record/event/instance of row {row}",
            "herhaalt record/gebeurtenis/herhaling van rij {row}",
        ),
        "read.survey.repeated_response": (
            "repeats the response id of an earlier row",
            "herhaalt het antwoordnummer van een eerdere rij",
        ),
        "read.survey.several_sheets": (
            "{source}: the workbook has several sheets with data ({sheets}); a survey export has "
            "one sheet of answers. Save the sheet with the answers as a file of its own (or as "
            "CSV) and read that",
            "{source}: de werkmap heeft meerdere bladen met gegevens ({sheets}); een export van "
            "een vragenlijst heeft één blad met antwoorden. Bewaar het blad met de antwoorden "
            "als apart bestand (of als CSV) en lees dat",
        ),
        "read.survey.sheet": ("{name!r} ({n} rows)", "{name!r} ({n} rijen)"),
        "read.survey.unknown_format": (
            "{source}: not a survey export backpain reads. Tried {tried}. Pass a REDCap raw-data "
            "CSV, a Qualtrics CSV export, or a CSV/Excel table with a header row and one "
            "respondent per row (save it again as CSV if its columns are not separated by , ; "
            "tab or |).",
            "{source}: geen export van een vragenlijst die backpain kan lezen. Geprobeerd: "
            "{tried}. Kies een CSV met ruwe gegevens uit REDCap, een CSV-export uit Qualtrics, "
            "of een CSV/Excel-tabel met een kopregel en één deelnemer per rij (bewaar ze opnieuw "
            "als CSV als de kolommen niet gescheiden zijn door , ; tab of |).",
        ),
        "read.survey.unparsable": (
            "{source}: could not read it as a table with separator {sep!r} ({detail}). Check that "
            "every row has the same number of columns, or export the file again.",
            "{source}: kon het niet lezen als tabel met scheidingsteken {sep!r} ({detail}). Kijk "
            "na of elke rij evenveel kolommen heeft, of exporteer het bestand opnieuw.",
        ),
        "read.survey.wrong_kind": (
            "{source}: a {kind} file is not a survey export backpain reads; formats tried: "
            "{formats} (CSV or Excel)",
            "{source}: een {kind}-bestand is geen export van een vragenlijst die backpain kan "
            "lezen; geprobeerde formaten: {formats} (CSV of Excel)",
        ),
    },
)


# ------------------------------------------------------------------ loading
class _Grid:
    """Every cell of the input as raw values: ``cells`` has no header row."""

    def __init__(
        self, name: str, header: list[str], cells: pd.DataFrame, first_row: int, decimal: str
    ) -> None:
        self.name = name
        self.header = header
        self.cells = cells
        self.first_row = first_row  # file row number of cells.iloc[0] (header = 1)
        self.decimal = decimal
        self.kind = "csv"


def _load_grid(source: Any, again: Message | None = None) -> _Grid:
    """Every cell of ``source``; ``again`` is the advice for an empty file."""
    again = again or Message("read.survey.again")
    if isinstance(source, pd.DataFrame):
        cells = source.reset_index(drop=True).copy()
        header = [str(c) for c in cells.columns]
        cells.columns = range(len(header))
        grid = _Grid("<DataFrame>", header, cells, 1, ".")
        grid.kind = "dataframe"
        return grid
    try:
        src = open_source(source)
    except DiaryError as exc:
        raise SurveyError(exc.message) from exc
    if src.size == 0:
        msg = Message("read.survey.empty_bytes", source=src.name, again=again)
        raise SurveyError(msg)
    return _grid_from_source(src, again)


def _grid_from_source(src: Source, again: Message) -> _Grid:
    try:
        kind = table_kind(src)
    except DiaryError as exc:
        raise SurveyError(exc.message) from exc
    if kind == "excel":
        try:
            sheets = pd.read_excel(
                io.BytesIO(src.read_bytes()), header=None, dtype=object, sheet_name=None
            )
        except Exception as exc:
            msg = Message("read.survey.bad_excel", source=src.name, detail=str(exc))
            raise SurveyError(msg) from exc
        # a survey export has one sheet of answers: several never lose one silently
        filled = {name: frame for name, frame in sheets.items() if frame.notna().any().any()}
        if len(filled) > 1:
            named = [
                Message("read.survey.sheet", name=name, n=len(frame))
                for name, frame in filled.items()
            ]
            msg = Message("read.survey.several_sheets", source=src.name, sheets=named)
            raise SurveyError(msg)
        raw = next(iter(filled.values()), next(iter(sheets.values())))
        decimal = "."
    elif kind == "csv":
        try:
            text = src.text()
        except DiaryError as exc:
            raise SurveyError(exc.message) from exc
        if not text.strip():
            msg = Message("read.survey.empty", source=src.name, again=again)
            raise SurveyError(msg)
        sep, decimal = sniff_table(text)
        # an upper bound (a quoted cell may hold the separator), checked before parsing
        _check_width(
            src.name, text[: text.find("\n") if "\n" in text else len(text)].count(sep) + 1
        )
        try:
            raw = pd.read_csv(
                io.StringIO(text),
                sep=sep,
                header=None,
                dtype=str,
                keep_default_na=False,
                na_values=[""],
                skip_blank_lines=False,
            )
        except (pd.errors.ParserError, ValueError) as exc:
            raise SurveyError(_parse_error(src.name, sep, exc)) from exc
    else:
        msg = Message(
            "read.survey.wrong_kind", source=src.name, kind=kind, formats=", ".join(SURVEY_FORMATS)
        )
        raise SurveyError(msg)
    if raw.empty:
        msg = Message("read.survey.no_rows", source=src.name, again=again)
        raise SurveyError(msg)
    _check_width(src.name, raw.shape[1])
    try:  # the header (row 1), then the answers named by their header
        check_cell_sizes(raw.iloc[:1], src.name, first_row=1, most=MAX_CELL_CHARS)
        names = [str(h)[:80] for h in raw.iloc[0]]
        answers = raw.iloc[1:].set_axis(names, axis=1)
        check_cell_sizes(answers, src.name, first_row=2, most=MAX_CELL_CHARS)
    except DiaryError as exc:
        raise SurveyError(exc.message) from exc
    header = ["" if pd.isna(h) else str(h).strip() for h in raw.iloc[0]]
    cells = raw.iloc[1:].reset_index(drop=True)
    grid = _Grid(src.name, header, cells, 2, decimal)
    grid.kind = kind
    return grid


def _check_width(name: str, width: int) -> None:
    if width > MAX_SURVEY_COLUMNS:
        msg = Message(
            "read.limit.survey_columns", source=name, found=width, most=MAX_SURVEY_COLUMNS
        )
        raise SurveyError(msg)


def _parse_error(name: str, sep: str, exc: Exception) -> Message:
    """Say which row of the file has too many values (pandas counts rows, header = 1)."""
    m = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", str(exc))
    if m:
        expected, row, saw = m.groups()
        return Message(
            "read.survey.ragged", source=name, row=row, saw=saw, expected=expected, sep=sep
        )
    return Message("read.survey.unparsable", source=name, sep=sep, detail=str(exc))


# ---------------------------------------------------------------- detection
def _is_redcap(grid: _Grid) -> Detected:
    names = [h for h in grid.header if h]
    if not names:
        return not_mine(Message("read.survey.detect_no_header"))
    if _REDCAP_SPECIAL & set(names):
        return MATCH
    if not all(_REDCAP_NAME.match(h) for h in names):
        return not_mine(Message("read.survey.detect_not_redcap_names"))
    if any(h.endswith("_complete") for h in names):
        return MATCH
    return not_mine(Message("read.survey.detect_no_redcap_column"))


def _is_qualtrics(grid: _Grid) -> Detected:
    cells = grid.cells
    if len(cells) >= 2 and cells.iloc[1].astype("string").str.startswith('{"ImportId"').any():
        return MATCH
    if grid.header and grid.header[0] == "V1" and len(cells) >= 1:
        second = set(cells.iloc[0].dropna().astype(str))
        if {"ResponseID", "StartDate"} & second:
            return MATCH
    if _QUALTRICS_META & set(grid.header):
        return not_mine(Message("read.survey.detect_qualtrics_no_import_id"))
    return not_mine(Message("read.survey.detect_not_qualtrics"))


def _is_table(grid: _Grid) -> Detected:
    named = [h for h in grid.header if h]
    if len(named) < 2:
        return not_mine(Message("read.survey.detect_no_table", named=repr(named)))
    return MATCH


def _redcap_project_file(header: list[str]) -> str | None:
    """Which REDCap project file (not answers) the header belongs to, if any."""
    names = {normalise_header(h) for h in header if h}
    for kind, required, allowed in _REDCAP_PROJECT_FILES:
        if not required <= names:
            continue
        if kind == "data dictionary" and not names & {"variable field name", "field name"}:
            continue
        if allowed is None or names <= allowed:
            return kind
    return None


def _looks_like_redcap_data(header: list[str]) -> bool:
    names = [h for h in header if h]
    return bool(names) and (
        bool(_REDCAP_SPECIAL & set(names))
        or (
            all(_REDCAP_NAME.match(h) for h in names)
            and any(h.endswith("_complete") for h in names)
        )
    )


def _not_answers(grid: _Grid, dictionary: Any) -> Message:
    """The message for a REDCap project file passed as the survey export."""
    kind = _redcap_project_file(grid.header)
    shown = ", ".join(repr(h) for h in grid.header[:3]) + (", ..." if len(grid.header) > 3 else "")
    if kind == "data dictionary":
        key = "read.survey.is_dictionary" + ("_swapped" if dictionary is not None else "")
        return Message(key, source=grid.name, shown=shown)
    return Message("read.survey.is_project_file", source=grid.name, kind=kind, shown=shown)


# ------------------------------------------------------------ value helpers
def _text(values: pd.Series) -> pd.Series:
    text = values.astype("string").str.strip()
    return text.where(text != "")


def _as_numbers(values: pd.Series, decimal: str = ".") -> pd.Series | None:
    """Numbers (Int64 when whole, else float64) if every non-blank value is one."""
    if pd.api.types.is_bool_dtype(values):
        return None
    if pd.api.types.is_numeric_dtype(values):
        nums = values.astype("float64")
    else:
        text = _text(values)
        filled = text.dropna()
        if filled.empty:
            return None
        if decimal == ",":
            filled = filled.str.replace(",", ".", regex=False)
        if not filled.str.fullmatch(_NUMBER.pattern).all():
            return None
        if filled.str.match(_LEADING_ZERO.pattern).any():
            return None
        nums = pd.Series(np.nan, index=values.index, dtype="float64")
        nums[filled.index] = filled.astype("float64")
    whole = nums.dropna()
    if len(whole) and (whole == np.round(whole)).all() and whole.abs().max() < 2**53:
        return nums.round().astype("Int64")
    return nums


def _as_datetimes(
    values: pd.Series, *, missing_words: tuple[str, ...] = (), empty_ok: bool = False
) -> pd.Series | None:
    """Datetimes if every non-blank value (other than ``missing_words``) is an ISO date.

    An all-empty column is a date column only with ``empty_ok``.
    """
    if pd.api.types.is_datetime64_any_dtype(values):
        return values
    text = _text(values)
    if missing_words:
        text = text.where(~text.isin(missing_words))
    filled = text.dropna()
    if filled.empty:
        if empty_ok:
            return pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]")
        return None
    if not filled.str.fullmatch(_ISO_DATETIME.pattern).all():
        return None
    return pd.to_datetime(text, errors="coerce", format="mixed").astype("datetime64[ns]")


def _convert_column(values: pd.Series, decimal: str = ".") -> pd.Series:
    if not (pd.api.types.is_object_dtype(values) or pd.api.types.is_string_dtype(values)):
        return values
    nums = _as_numbers(values, decimal)
    if nums is not None:
        return nums
    dates = _as_datetimes(values)
    if dates is not None:
        return dates
    return _text(values)


def _convert_columns(frame: pd.DataFrame, decimal: str = ".") -> dict[str, pd.Series]:
    """:func:`_convert_column` of every column, with the text rules run once over all cells.

    The cells of all text columns are stripped, matched against the number
    and date patterns and parsed in one pass each (column by column, a
    survey of 10,000 columns took minutes); only the final slicing is per
    column. Gives the same columns as :func:`_convert_column` (tested).
    """
    kinds = frame.dtypes.to_numpy()
    is_text = np.array(
        [pd.api.types.is_object_dtype(t) or pd.api.types.is_string_dtype(t) for t in kinds],
        dtype=bool,
    )
    textual = [c for c, t in zip(frame.columns, is_text, strict=True) if t]
    out = {c: frame[c] for c, t in zip(frame.columns, is_text, strict=True) if not t}
    if not textual:
        return out
    n, k = len(frame), len(textual)
    if n == 0:
        out.update({c: _convert_column(frame[c], decimal) for c in textual})
        return {c: out[c] for c in frame.columns}
    block = frame if is_text.all() else frame.iloc[:, np.flatnonzero(is_text)]
    cells = block.to_numpy(dtype=object).ravel(order="F")  # column after column
    text = pd.Series(cells, dtype=object).astype("string").str.strip()
    text = text.where(text != "")
    filled = text.notna().to_numpy(dtype=bool)
    probe = text.str.replace(",", ".", regex=False) if decimal == "," else text
    is_number = probe.str.fullmatch(_NUMBER.pattern).fillna(False).to_numpy(dtype=bool)
    leading_zero = probe.str.match(_LEADING_ZERO.pattern).fillna(False).to_numpy(dtype=bool)
    grid = filled.reshape(k, n)
    any_filled = grid.any(axis=1)
    numeric = (
        any_filled
        & (is_number | ~filled).reshape(k, n).all(axis=1)
        & ~(leading_zero & filled).reshape(k, n).any(axis=1)
    )
    values = np.full(k * n, np.nan)
    take = np.repeat(numeric, n) & filled
    values[take] = probe[take].astype("float64").to_numpy()
    values = values.reshape(k, n)
    present = ~np.isnan(values)
    whole = np.all(~present | (values == np.round(values)), axis=1) & (
        np.where(present, np.abs(values), 0).max(axis=1) < 2**53
    )
    rest = ~numeric
    is_date = text.str.fullmatch(_ISO_DATETIME.pattern).fillna(False).to_numpy(dtype=bool)
    dated = rest & any_filled & (is_date | ~filled).reshape(k, n).all(axis=1)
    stamps = None
    if dated.any():
        spots = np.repeat(dated, n)
        stamps = np.full(k * n, np.datetime64("NaT"), dtype="datetime64[ns]")
        parsed = pd.to_datetime(text[spots], errors="coerce", format="mixed")
        stamps[spots] = parsed.astype("datetime64[ns]").to_numpy()
        stamps = stamps.reshape(k, n)
    index = frame.index
    for j, c in enumerate(textual):
        if numeric[j]:
            if whole[j]:
                ints = np.round(np.where(present[j], values[j], 0)).astype(np.int64)
                out[c] = pd.Series(pd.arrays.IntegerArray(ints, ~present[j]), index=index, name=c)
            else:
                out[c] = pd.Series(values[j], index=index, name=c)
        elif dated[j]:
            out[c] = pd.Series(stamps[j], index=index, name=c)
        else:
            out[c] = pd.Series(text.array[j * n : (j + 1) * n], index=index, name=c)
    return {c: out[c] for c in frame.columns}


def _rows(grid: _Grid, index: pd.Index) -> pd.Series:
    return pd.Series(np.asarray(index) + grid.first_row, index=index)


def _dedupe(names: list[str], report: LoadReport) -> list[str]:
    out: list[str] = []
    seen: dict[str, int] = {}
    for i, name in enumerate(names):
        name = name or f"column_{i + 1}"
        if name in seen:
            seen[name] += 1
            new = f"{name}.{seen[name]}"
            report.notes.append(Message("read.survey.renamed_copy", name=name, new=new))
            name = new
        else:
            seen[name] = 0
        out.append(name)
    return out


def _drop_blank_rows(grid: _Grid, frame: pd.DataFrame, report: LoadReport) -> pd.DataFrame:
    blank = blank_rows(frame)
    report.ignore(int(blank.sum()), Message("read.ignored.blank_row"))
    return frame[~blank]


# -------------------------------------------------------------------- REDCap
def _read_dictionary(dictionary: Any) -> pd.DataFrame:
    """The data dictionary as ``field, form, type, label, choices, validation``."""
    try:
        grid = _load_grid(dictionary, Message("read.survey.again_dictionary"))
    except SurveyError as exc:
        raise SurveyError(Message("read.survey.in_dictionary", error=exc.message)) from exc
    name = grid.name
    raw = grid.cells.copy()
    raw.columns = _dedupe(grid.header, LoadReport())
    kind = _redcap_project_file(grid.header)
    if kind not in (None, "data dictionary"):
        msg = Message("read.survey.dictionary_is_project_file", source=name, kind=kind)
        raise SurveyError(msg)
    if kind is None and _looks_like_redcap_data(grid.header):
        msg = Message("read.survey.dictionary_is_data", source=name, shown=repr(grid.header[:3]))
        raise SurveyError(msg)
    wanted = {
        "field": ("variable field name", "field name"),
        "form": ("form name",),
        "type": ("field type",),
        "label": ("field label",),
        "choices": ("choices calculations or slider labels", "select choices or calculations"),
        "validation": (
            "text validation type or show slider number",
            "text validation type or show slider num",
        ),
    }
    norm = {normalise_header(c).replace("  ", " ").replace(",", ""): c for c in raw.columns}
    out = pd.DataFrame(index=raw.index)
    for key, options in wanted.items():
        col = next((norm[o] for o in options if o in norm), None)
        if col is None and key in ("field", "type"):
            shown = list(raw.columns[:6]) + (["..."] if len(raw.columns) > 6 else [])
            msg = Message("read.survey.dictionary_lacks", source=name, key=key, shown=repr(shown))
            raise SurveyError(msg)
        out[key] = raw[col].astype("string").str.strip() if col else pd.NA
    out = out.dropna(subset=["field"]).reset_index(drop=True)
    if out.empty:
        msg = Message("read.survey.dictionary_empty", source=name)
        raise SurveyError(msg)
    return out


def _str(value: object) -> str:
    return "" if value is None or pd.isna(value) else str(value).strip()


def _parse_choices(text: object) -> dict[str, str]:
    if not isinstance(text, str) or not text.strip():
        return {}
    out = {}
    for part in text.split("|"):
        code, sep, label = part.strip().partition(",")
        if sep:
            out[code.strip()] = label.strip()
    return out


def _read_redcap(grid: _Grid, *, dictionary: Any, choice_labels: bool) -> tuple[Survey, LoadReport]:
    report = LoadReport(source=grid.name, format="redcap")
    if not any(grid.header):
        msg = Message("read.survey.redcap_no_header", source=grid.name)
        raise SurveyError(msg)
    names = _dedupe(grid.header, report)
    frame = grid.cells.copy()
    frame.columns = names
    report.rows_read = len(frame)
    if frame.columns[-1].startswith("column_") and blank_cells(frame.iloc[:, -1]).all():
        frame = frame.iloc[:, :-1]
        report.notes.append(Message("read.survey.dropped_last_column"))
    frame = _drop_blank_rows(grid, frame, report)
    id_col = frame.columns[0]
    keys = [id_col, *(k for k in _REDCAP_KEYS if k in frame.columns)]
    rows = _rows(grid, frame.index)

    no_id = blank_cells(frame[id_col])
    if no_id.any():
        report.refuse(
            rows[no_id],
            id_col,
            frame.loc[no_id, id_col],
            Reason.MISSING,
            name=id_col,
        )
    key_text = frame[keys].astype("string").fillna("")
    dup = key_text.duplicated(keep="first") & ~no_id
    if dup.any():
        first_row = rows.groupby([key_text[k] for k in keys]).transform("first")
        report.refuse(
            rows[dup],
            id_col,
            frame.loc[dup, id_col],
            pd.Series(
                [Message("read.survey.repeated_record", row=int(r)) for r in first_row[dup]],
                index=rows[dup].index,
                dtype=object,
            ),
        )
    frame = frame[~no_id & ~dup]

    fields = _read_dictionary(dictionary) if dictionary is not None else None
    out = pd.DataFrame(index=frame.index)
    labels: dict[str, str] = {}
    choices: dict[str, dict[str, str]] = {}
    meta = fields.set_index("field") if fields is not None else None
    if meta is not None:
        if meta.index[0] != id_col:
            report.notes.append(
                Message("read.survey.other_project", field=meta.index[0], column=id_col)
            )
        plain = {c for c in frame.columns if not _CHECKBOX.match(c)}
        unknown = sorted(
            c
            for c in plain
            if c not in meta.index
            and c not in _REDCAP_SPECIAL
            and not c.endswith(("_complete", "_timestamp"))
        )
        if unknown:
            report.notes.append(Message("read.survey.not_in_dictionary", columns=repr(unknown)))

    checkbox_groups: dict[str, list[tuple[str, str]]] = {}
    for c in frame.columns:
        m = _CHECKBOX.match(c)
        if m and (meta is None or meta.get("type", pd.Series()).get(m["field"]) == "checkbox"):
            checkbox_groups.setdefault(m["field"], []).append((m["code"], c))
    done: set[str] = set()
    for c in frame.columns:
        if c in done:
            continue
        m = _CHECKBOX.match(c)
        if m and m["field"] in checkbox_groups:
            field = m["field"]
            members = checkbox_groups[field]
            done.update(col for _, col in members)
            field_choices = (
                _parse_choices(meta.loc[field, "choices"])
                if meta is not None and field in meta.index
                else {}
            )
            out[field] = _collapse_checkbox(
                frame, field, members, field_choices, choice_labels, report
            )
            if field_choices:
                choices[field] = field_choices
            if meta is not None and field in meta.index:
                labels[field] = _str(meta.loc[field, "label"])
            continue
        done.add(c)
        values = frame[c]
        if c == id_col or c in ("redcap_event_name", "redcap_repeat_instrument"):
            out[c] = _text(values)
        elif c == "redcap_repeat_instance":
            out[c] = _as_numbers(values) if _as_numbers(values) is not None else _text(values)
        elif c.endswith("_complete") and (meta is None or c not in meta.index):
            out[c] = _complete_flags(values, c, report)
        elif c.endswith("_timestamp") and (meta is None or c not in meta.index):
            dates = _as_datetimes(values, missing_words=("[not completed]",), empty_ok=True)
            if dates is None:
                report.notes.append(Message("read.survey.not_timestamps", column=c))
                dates = _text(values)
            out[c] = dates
        elif meta is not None and c in meta.index:
            out[c], field_choices = _typed_field(values, c, meta.loc[c], choice_labels, report)
            labels[c] = _str(meta.loc[c, "label"])
            if field_choices:
                choices[c] = field_choices
        else:
            out[c] = _convert_column(values)
    if checkbox_groups:
        groups = repr(sorted(checkbox_groups))
        report.notes.append(Message("read.survey.checkboxes", groups=groups))
    out = out.reset_index(drop=True)
    report.rows_kept = len(out)
    report.columns = {"respondent": id_col, "keys": ", ".join(keys)}
    return Survey(out, labels=labels, choices=choices), report


def _collapse_checkbox(
    frame: pd.DataFrame,
    field: str,
    members: list[tuple[str, str]],
    field_choices: dict[str, str],
    choice_labels: bool,
    report: LoadReport,
) -> pd.Series:
    ticked = {}
    all_blank = pd.Series(True, index=frame.index)
    for code, col in members:
        text = _text(frame[col]).str.lower()
        flag = text.map(_CHECKED)
        odd = text.notna() & flag.isna()
        if odd.any():
            odd_values = repr(sorted(text[odd].unique())[:5])
            report.notes.append(Message("read.survey.odd_checkbox", column=col, values=odd_values))
        all_blank &= text.isna()
        name = field_choices.get(code, code) if choice_labels else code
        ticked[name] = flag.fillna(0).astype(bool)
    joined = pd.Series("", index=frame.index, dtype="object")
    for name, flag in ticked.items():  # a loop over the options, not the rows
        joined = joined + np.where(flag.to_numpy(), f"{name}{TAG_SEP}", "")
    joined = joined.str.removesuffix(TAG_SEP)
    return joined.astype("string").where(~all_blank)


def _complete_flags(values: pd.Series, column: str, report: LoadReport) -> pd.Series:
    nums = _as_numbers(values)
    labels = dict(enumerate(COMPLETE_LABELS))
    if nums is None or not nums.dropna().isin(labels).all():
        report.notes.append(Message("read.survey.odd_complete", column=column))
        return _text(values)
    mapped = nums.astype("float64").map(labels)
    return pd.Series(
        pd.Categorical(mapped, categories=list(COMPLETE_LABELS), ordered=True),
        index=values.index,
    )


def _typed_field(
    values: pd.Series, column: str, info: pd.Series, choice_labels: bool, report: LoadReport
) -> tuple[pd.Series, dict[str, str]]:
    ftype = _str(info.get("type")).lower()
    validation = _str(info.get("validation")).lower()
    field_choices: dict[str, str] = {}
    if ftype in ("radio", "dropdown"):
        field_choices = _parse_choices(info.get("choices"))
    elif ftype == "yesno":
        field_choices = {"1": "Yes", "0": "No"}
    elif ftype == "truefalse":
        field_choices = {"1": "True", "0": "False"}
    if field_choices:
        text = _text(values)
        unknown = text.notna() & ~text.isin(list(field_choices))
        if unknown.any():
            report.notes.append(
                Message(
                    "read.survey.not_codes",
                    column=column,
                    values=repr(sorted(text[unknown].unique())[:5]),
                    codes=", ".join(field_choices),
                )
            )
            return _text(values), {}
        if choice_labels:
            mapped = text.map(field_choices)
            cats = list(dict.fromkeys(field_choices.values()))
            return pd.Series(pd.Categorical(mapped, categories=cats), index=values.index), (
                field_choices
            )
        nums = _as_numbers(values)
        if nums is None and text.isna().all():
            nums = pd.Series(pd.NA, index=values.index, dtype="Int64")
        return (nums if nums is not None else text), field_choices
    if (
        ftype in ("calc", "slider")
        or validation in ("number", "integer")
        or (validation.startswith("number_"))
    ):
        # number_1dp_comma_decimal, number_comma_decimal, ...: '41,7' is 41.7
        nums = _as_numbers(values, "," if validation.endswith("_comma_decimal") else ".")
        if nums is None and _text(values).notna().any():
            report.notes.append(Message("read.survey.not_numbers", column=column))
            return _text(values), {}
        if nums is None:
            nums = pd.Series(np.nan, index=values.index, dtype="float64")
        return nums, {}
    if validation.startswith(("date", "datetime")):
        dates = _as_datetimes(values, empty_ok=True)
        if dates is None:
            report.notes.append(Message("read.survey.not_dates", column=column))
            return _text(values), {}
        return dates, {}
    return _text(values), {}


# ----------------------------------------------------------------- Qualtrics
def _read_qualtrics(grid: _Grid) -> tuple[Survey, LoadReport]:
    report = LoadReport(source=grid.name, format="qualtrics")
    cells = grid.cells
    if len(cells) < 1:
        msg = Message("read.survey.qualtrics_header_only", source=grid.name)
        raise SurveyError(msg)
    legacy = not (
        len(cells) >= 2 and cells.iloc[1].astype("string").str.startswith('{"ImportId"').any()
    )
    label_row = cells.iloc[0]
    names = list(grid.header)
    import_ids: dict[str, str] = {}
    if legacy:
        data = cells.iloc[1:]
        first_row = grid.first_row + 1
        for i, name in enumerate(names):
            lab = label_row.iloc[i]
            if re.fullmatch(r"V\d+", name) and isinstance(lab, str) and lab.strip():
                names[i] = lab.strip()
        names = ["ResponseId" if n == "ResponseID" else n for n in names]
        report.notes.append(Message("read.survey.legacy_qualtrics"))
    else:
        data = cells.iloc[2:]
        first_row = grid.first_row + 2
        for i, raw in enumerate(cells.iloc[1]):
            try:
                import_ids[i] = json.loads(raw)["ImportId"]
            except (TypeError, ValueError, KeyError):
                continue
    # a trailing comma on every line makes an empty, unnamed last column
    if names and names[-1] == "" and blank_cells(cells.iloc[:, -1]).all():
        names, data, label_row = names[:-1], data.iloc[:, :-1], label_row.iloc[:-1]
        report.notes.append(Message("read.survey.dropped_trailing_column"))
    names = _dedupe(names, report)
    frame = data.copy()
    frame.columns = names
    frame.index = pd.RangeIndex(len(frame))
    report.rows_read = len(frame)
    labels = {
        n: str(lab).strip() for n, lab in zip(names, label_row, strict=True) if not pd.isna(lab)
    }
    grid_rows = _Grid(grid.name, names, frame, first_row, grid.decimal)
    frame = _drop_blank_rows(grid_rows, frame, report)
    rows = _rows(grid_rows, frame.index)
    if "ResponseId" in frame.columns:
        no_id = blank_cells(frame["ResponseId"])
        dup = frame["ResponseId"].duplicated(keep="first") & ~no_id
        if no_id.any():
            report.refuse(
                rows[no_id],
                "ResponseId",
                frame.loc[no_id, "ResponseId"],
                Reason.MISSING,
                name="ResponseId",
            )
        if dup.any():
            report.refuse(
                rows[dup],
                "ResponseId",
                frame.loc[dup, "ResponseId"],
                Message("read.survey.repeated_response"),
            )
        frame = frame[~no_id & ~dup]
    converted = _convert_columns(frame.drop(columns=["ResponseId"], errors="ignore"))
    if "ResponseId" in frame.columns:
        converted["ResponseId"] = _text(frame["ResponseId"])
    out = pd.DataFrame({c: converted[c] for c in frame.columns}, index=frame.index, copy=False)
    out["is_preview"] = _qualtrics_preview(frame)
    out["is_complete"] = _qualtrics_finished(frame)
    n_prev = int(out["is_preview"].fillna(False).sum())
    n_open = int((~out["is_complete"].fillna(True)).sum())
    if n_prev or n_open:
        report.notes.append(Message("read.survey.previews", n_prev=n_prev, n_open=n_open))
    out = out.reset_index(drop=True)
    ids = {names[i]: v for i, v in import_ids.items() if i < len(names)}
    report.rows_kept = len(out)
    report.columns = {"respondent": "ResponseId"}
    return Survey(out, labels=labels, import_ids=ids), report


def _qualtrics_preview(frame: pd.DataFrame) -> pd.Series:
    preview = pd.Series(False, index=frame.index, dtype="boolean")
    known = pd.Series(False, index=frame.index)
    if "DistributionChannel" in frame.columns:
        channel = _text(frame["DistributionChannel"]).str.lower()
        preview |= (channel == "preview").fillna(False)
        known |= channel.notna()
    if "Status" in frame.columns:
        status = _text(frame["Status"]).str.lower()
        preview |= status.isin(["1", "17", "survey preview", "offline survey preview"]).fillna(
            False
        )
        known |= status.notna()
    return preview.where(known, pd.NA).astype("boolean")


def _qualtrics_finished(frame: pd.DataFrame) -> pd.Series:
    if "Finished" not in frame.columns:
        return pd.Series(pd.NA, index=frame.index, dtype="boolean")
    text = _text(frame["Finished"]).str.lower()
    yes = text.isin(["1", "true", "wahr", "waar", "yes"])
    no = text.isin(["0", "false", "falsch", "onwaar", "no"])
    return yes.astype("boolean").where(yes | no, pd.NA)


# ------------------------------------------------------------------- generic
def _read_generic(grid: _Grid) -> tuple[Survey, LoadReport]:
    report = LoadReport(source=grid.name, format="table")
    renamed: dict[str, str] = {}
    names: list[str] = []
    taken: set[str] = set()
    dutch = False
    for h in grid.header:
        key = normalise_header(h)
        new = _GENERIC_ALIASES.get(key) or re.sub(r"\W+", "_", key).strip("_") or ""
        if new in taken and new in _GENERIC_ALIASES.values():
            new = re.sub(r"\W+", "_", key).strip("_")
        taken.add(new)
        if key in ("deelnemer", "datum", "pijnduur", "leeftijd", "geslacht", "proefpersoon"):
            dutch = True
        names.append(new)
        if new != h:
            renamed[new] = h
    names = _dedupe(names, report)
    frame = grid.cells.copy()
    frame.columns = names
    report.rows_read = len(frame)
    frame = _drop_blank_rows(grid, frame, report)
    rows = _rows(grid, frame.index)
    if "subject" in frame.columns:
        no_id = blank_cells(frame["subject"])
        if no_id.any():
            report.refuse(
                rows[no_id],
                "subject",
                frame.loc[no_id, "subject"],
                Reason.MISSING,
                name="subject",
            )
            frame = frame[~no_id]
    else:
        report.notes.append(Message("read.survey.no_id_column"))
    out: dict[str, pd.Series] = _convert_columns(
        frame.drop(columns=[c for c in ("subject", "date") if c in frame.columns]), grid.decimal
    )
    for c in ("subject", "date"):
        if c not in frame.columns:
            continue
        values = frame[c]
        if c == "subject":
            out[c] = _text(values)
        elif not pd.api.types.is_datetime64_any_dtype(values):
            try:
                dates, how = parse_dates(values, prefer_dayfirst=dutch or grid.decimal == ",")
            except DiaryError:
                report.notes.append(Message("read.survey.dates_ambiguous"))
                out[c] = _text(values)
                continue
            if dates[~blank_cells(values)].isna().any():
                report.notes.append(Message("read.survey.not_all_dates"))
                out[c] = _text(values)
            else:
                report.notes.append(how)
                out[c] = dates
        else:
            out[c] = values
    out = pd.DataFrame({c: out[c] for c in frame.columns}, index=frame.index, copy=False)
    out = out.reset_index(drop=True)
    report.rows_kept = len(out)
    report.columns = {new: old for new, old in renamed.items()}
    return Survey(out, labels=renamed), report


SURVEY_FORMATS: dict[str, Format] = {
    fmt.name: fmt
    for fmt in (
        Format("redcap", _is_redcap, _read_redcap),
        Format("qualtrics", _is_qualtrics, _read_qualtrics),
        Format("table", _is_table, _read_generic),  # any table with named columns, last
    )
}
"""The survey formats, values of ``read_survey(format=...)``, in detection order."""

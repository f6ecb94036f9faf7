"""Texts of cohorts on Dask (reading many files, analyses by partition): key -> (English, Dutch)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # progress bars
    "dask.progress.read": ("reading the cohort's files", "de bestanden van het cohort lezen"),
    "dask.progress.compute": ("analysing the cohort by part", "het cohort per deel analyseren"),
    "dask.progress.write": ("writing Parquet files", "Parquet-bestanden schrijven"),
    # errors
    "dask.error.no_dask": (
        "{func} needs dask: install it with pip install 'backpain[dask]'",
        "{func} heeft dask nodig: installeer het met pip install 'backpain[dask]'",
    ),
    "dask.error.no_files": (
        "read_dask: {source} matches no file; give a folder, a pattern such as "
        "'diaries/*.csv' or a list of files",
        "read_dask: {source} komt met geen enkel bestand overeen; geef een map, een "
        "patroon zoals 'diaries/*.csv' of een lijst bestanden",
    ),
    "dask.error.mixed_parquet": (
        "read_dask: {source} mixes Parquet files ({parquet}) with other files "
        "({other}); read the Parquet dataset and the other files separately",
        "read_dask: {source} mengt Parquet-bestanden ({parquet}) met andere bestanden "
        "({other}); lees de Parquet-dataset en de andere bestanden apart",
    ),
    "dask.error.parquet_columns": (
        "{source}: the Parquet dataset has no column(s) {missing} (columns: {columns}); "
        "a diary needs subject, date and pain: write it with backpain.write_cohort_parquet()",
        "{source}: de Parquet-dataset heeft geen kolom(men) {missing} (kolommen: {columns}); "
        "een dagboek heeft subject, date en pain nodig: schrijf het met "
        "backpain.write_cohort_parquet()",
    ),
    "dask.error.subject_in_two_parts": (
        "read_dask: subject {subject!r} is in {first} and in {second}; each person's "
        "days must come from one source. Give that person's files together as one "
        "item of the list ([..., [{first!r}, {second!r}], ...]) to merge them, or "
        "give each file its own subject",
        "read_dask: deelnemer {subject!r} staat in {first} en in {second}; de dagen van "
        "één persoon moeten uit één bron komen. Geef de bestanden van die persoon samen "
        "als één element van de lijst ([..., [{first!r}, {second!r}], ...]) om ze samen "
        "te voegen, of geef elk bestand een eigen deelnemer",
    ),
    "dask.error.folder_not_empty": (
        "write_cohort_parquet: {path} already holds Parquet files; write to an empty "
        "folder or pass overwrite=True",
        "write_cohort_parquet: {path} bevat al Parquet-bestanden; schrijf naar een lege "
        "map of geef overwrite=True",
    ),
    # notes in results and load reports
    "dask.note.in_files": (
        "{note} ({n} file(s): {files})",
        "{note} ({n} bestand(en): {files})",
    ),
    "dask.note.shuffled": (
        "the rows of a subject are spread over several Parquet files; they were "
        "regrouped by subject once (a shuffle of the whole dataset): write the data "
        "with backpain.write_cohort_parquet() to avoid this",
        "de rijen van een deelnemer staan verspreid over meerdere Parquet-bestanden; ze "
        "werden één keer per deelnemer gehergroepeerd (een shuffle van de hele dataset): "
        "schrijf de gegevens met backpain.write_cohort_parquet() om dat te vermijden",
    ),
    "dask.note.partitions": (
        "{n_files} file(s) read into {n_parts} partition(s); every subject's days are "
        "in one partition",
        "{n_files} bestand(en) gelezen in {n_parts} deel/delen; de dagen van elke "
        "deelnemer staan in één deel",
    ),
    "dask.report.source": ("{n} file(s) in {where}", "{n} bestand(en) in {where}"),
    "dask.report.list": ("a list", "een lijst"),
    "read.format.parquet": ("Parquet", "Parquet"),
    "read.format.cohort": ("several formats", "verschillende formaten"),
}

"""Texts of pseudonymising and writing diaries (``backpain.privacy``)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "privacy.key.missing": (
        "pseudonymise() needs key=, a secret you keep (for example "
        "backpain.privacy.new_key(), stored outside the data). Without a secret, "
        "anyone could hash every plausible id ('P001' ... 'P999', patient "
        "numbers) and undo the pseudonyms; with a random key made afresh each "
        "time, the same person would get a different id in every file, so "
        "diaries and surveys would no longer join. Use the same key for every "
        "file of one study.",
        "pseudonymise() heeft key= nodig, een geheim dat je bewaart (bijvoorbeeld "
        "backpain.privacy.new_key(), apart van de gegevens). Zonder geheim kan iedereen elke "
        "mogelijke code ('P001' ... 'P999', patiëntnummers) hashen en de pseudoniemen "
        "terugvinden; met een willekeurige sleutel die elke keer nieuw gemaakt wordt, krijgt "
        "dezelfde persoon in elk bestand een andere code, zodat dagboeken en vragenlijsten "
        "niet meer samen te voegen zijn. Gebruik dezelfde sleutel voor elk bestand van één "
        "studie.",
    ),
    "privacy.key.type": (
        "key must be a str or bytes secret, not {kind}",
        "key moet een geheim van het type str of bytes zijn, niet {kind}",
    ),
    "privacy.key.short": (
        "key is {n} bytes long; use a secret of at least {min} bytes (for example "
        "backpain.privacy.new_key()) so the ids cannot be guessed",
        "key is {n} bytes lang; gebruik een geheim van minstens {min} bytes (bijvoorbeeld "
        "backpain.privacy.new_key()), zodat de codes niet te raden zijn",
    ),
    "privacy.key.weak": (
        "key is weak: {why}. Use a random secret, for example backpain.privacy.new_key(), and "
        "keep it apart from the data",
        "key is zwak: {why}. Gebruik een willekeurig geheim, bijvoorbeeld "
        "backpain.privacy.new_key(), en bewaar het apart van de gegevens",
    ),
    "privacy.key.one_byte": (
        "it is one repeated byte ({byte} {byte} ...)",
        "het is één herhaalde byte ({byte} {byte} ...)",
    ),
    "privacy.key.bits": (
        "its {n} bytes can be written down in about {bits} bits (repeats, runs, few distinct "
        "characters), fewer than the {min} bits a key needs",
        "de {n} bytes zijn op te schrijven in ongeveer {bits} bits (herhalingen, reeksen, "
        "weinig verschillende tekens), minder dan de {min} bits die een sleutel nodig heeft",
    ),
    "privacy.data_not_frame": (
        "data must be a pandas DataFrame, not {kind}",
        "data moet een pandas DataFrame zijn, niet {kind}",
    ),
    "privacy.bad_digits": (
        "digits must be a whole number from 8 to 64, not {value}",
        "digits moet een geheel getal van 8 tot 64 zijn, niet {value}",
    ),
    "privacy.no_subject": (
        "data has no column {subject!r}{where}; name the id column with subject=, one of {columns}",
        "data heeft geen kolom {subject!r}{where}; geef de kolom met de codes op met "
        "subject=, een van {columns}",
    ),
    "privacy.subject_in_index": (
        " (it is in the index: call data.reset_index() first)",
        " (ze staat in de index: roep eerst data.reset_index() aan)",
    ),
    "privacy.unknown_columns": (
        "columns= names {missing}, which are not in data; the columns are {columns}",
        "columns= noemt {missing}, die niet in data staan; de kolommen zijn {columns}",
    ),
    "privacy.drop_subject": (
        "columns= includes the id column {subject!r}; it is pseudonymised, not dropped",
        "columns= bevat de kolom met de codes {subject!r}; die wordt gepseudonimiseerd, "
        "niet weggelaten",
    ),
    "privacy.collision": (
        "two subject ids get the same pseudonym {start}... with digits={digits}; pass a "
        "larger digits= (e.g. {larger}) and use it for every file of this study",
        "twee codes krijgen hetzelfde pseudoniem {start}... met digits={digits}; geef een "
        "grotere digits= (bijvoorbeeld {larger}) en gebruik die voor elk bestand van deze "
        "studie",
    ),
    "privacy.no_tags": (
        "drop_unknown_tags= needs a 'tags' column; the columns are {columns}",
        "drop_unknown_tags= heeft een kolom 'tags' nodig; de kolommen zijn {columns}",
    ),
    "privacy.tags_as_string": (
        "drop_unknown_tags= takes a list of tags to keep, not one string",
        "drop_unknown_tags= neemt een lijst van labels om te houden, niet één tekst",
    ),
    "privacy.unknown_format": (
        "format={format!r} is not known; use 'csv', 'xlsx' or 'parquet'",
        "format={format!r} is niet bekend; gebruik 'csv', 'xlsx' of 'parquet'",
    ),
    "privacy.format_for_file_object": (
        "pass format= ('csv', 'xlsx' or 'parquet') when writing to a file object",
        "geef format= op ('csv', 'xlsx' of 'parquet') als je naar een bestandsobject schrijft",
    ),
    "privacy.unknown_extension": (
        "{name}: cannot tell the format from the extension {ext!r}; use .csv, .xlsx or "
        ".parquet, or pass format=",
        "{name}: het formaat valt niet af te leiden uit de extensie {ext!r}; gebruik .csv, "
        ".xlsx of .parquet, of geef format= op",
    ),
    "privacy.excel_control": ("holds control characters", "bevat controletekens"),
    "privacy.excel_long": ("exceeds 32,767 characters", "is langer dan 32.767 tekens"),
    "privacy.excel_text": (
        "column {column!r}, row {row} ({subject}, {date}): the text {why}, which Excel cannot "
        "store; write CSV or Parquet instead, or clean the text",
        "kolom {column!r}, rij {row} ({subject}, {date}): de tekst {why}, wat Excel niet kan "
        "bewaren; schrijf liever CSV of Parquet, of maak de tekst schoon",
    ),
    "privacy.csv_nul": ("holds a NUL character (\\x00)", "bevat een NUL-teken (\\x00)"),
    "privacy.csv_text": (
        "column {column!r}, row {row} ({subject}, {date}): the text {why}, which marks a "
        "binary file, not a CSV file, so the diary could not be read back; remove it from "
        "the text, or write Parquet instead",
        "kolom {column!r}, rij {row} ({subject}, {date}): de tekst {why}, wat een binair "
        "bestand aanduidt en geen CSV-bestand, zodat het dagboek niet terug te lezen zou "
        "zijn; haal het uit de tekst, of schrijf liever Parquet",
    ),
}

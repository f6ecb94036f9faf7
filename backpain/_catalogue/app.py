"""Texts of the app area (the upload page): key -> (English, Dutch)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "app.title": ("Your back-pain diary", "Je rugpijndagboek"),
    "app.intro": (
        "Choose the export of your pain diary (a spreadsheet or CSV file, or an export from "
        "Bearable, Daylio, Apple Health, Health Auto Export, Samsung Health, Fitbit, Garmin "
        "Connect, Google Fit or Flaredown). You may choose several files at "
        "once, for example your pain diary and a smartwatch's export. They are read on this "
        "computer only; nothing is sent anywhere.",
        "Kies het bestand met je pijndagboek (een rekenblad of CSV-bestand, of een export uit "
        "Bearable, Daylio, Apple Health, Health Auto Export, Samsung Health, Fitbit, Garmin "
        "Connect, Google Fit of Flaredown). Je mag meerdere bestanden "
        "tegelijk kiezen, bijvoorbeeld je pijndagboek en de export van een smartwatch. Ze "
        "worden alleen op deze computer gelezen; er wordt niets verstuurd.",
    ),
    "app.button": ("Choose diary files", "Kies dagboekbestanden"),
    "app.reading": (
        "Received {size:.1f} MB; reading ...",
        "{size:.1f} MB ontvangen; het lezen begint ...",
    ),
    "app.files_one": ("1 file chosen: {names}", "1 bestand gekozen: {names}"),
    "app.files_many": ("{n} files chosen: {names}", "{n} bestanden gekozen: {names}"),
    "app.shown": (
        "Done: the results are below.",
        "Klaar: de resultaten staan hieronder.",
    ),
    "app.shown_error": (
        "Stopped: the box below says why and what to do.",
        "Gestopt: het vak hieronder zegt waarom en wat je kunt doen.",
    ),
    "app.too_big_title": ("This upload is too big", "Deze upload is te groot"),
    "app.too_big": (
        "{name}: {size:.1f} MB together; this page reads up to {limit:.0f} MB at once.",
        "{name}: samen {size:.1f} MB; deze pagina leest tot {limit:.0f} MB tegelijk.",
    ),
    "app.too_big_browser": (
        "The files chosen are together more than {limit:g} MB; this page reads up to "
        "{limit:g} MB at once. Nothing was sent.",
        "De gekozen bestanden zijn samen groter dan {limit:g} MB; deze pagina leest tot "
        "{limit:g} MB tegelijk. Er is niets verstuurd.",
    ),
    "app.too_big_advice": (
        "Export a shorter period from your app (for example one year), or split the file "
        "into parts of a few months and look at each part separately.",
        "Exporteer een kortere periode uit je app (bijvoorbeeld een jaar), of splits het "
        "bestand in delen van enkele maanden en bekijk elk deel apart.",
    ),
    "app.note_cut": (
        "{text} … ({n} more characters in the downloaded report)",
        "{text} … (nog {n} tekens in het gedownloade rapport)",
    ),
    "app.busy": ("Too many pages open", "Te veel pagina's open"),
    "app.too_many_pages": (
        "The diary page is already open in {n} browser tabs. Close one of them and reload "
        "this page.",
        "De dagboekpagina is al open in {n} browsertabbladen. Sluit er een en laad deze "
        "pagina opnieuw.",
    ),
    "app.died_title": ("The page stopped", "De pagina is gestopt"),
    "app.died": (
        "The part of this program that reads your files stopped before it was done; most "
        "often the computer ran out of memory with a big file. Nothing was shown or kept. "
        "Press the button to open a fresh page and try again, with a shorter export if it "
        "happens again.",
        "Het deel van dit programma dat je bestanden leest, is gestopt voor het klaar was; "
        "meestal had de computer niet genoeg geheugen voor een groot bestand. Er is niets "
        "getoond of bewaard. Druk op de knop om een nieuwe pagina te openen en probeer "
        "opnieuw, met een kortere export als het weer gebeurt.",
    ),
    "app.try_again": ("Open a fresh page", "Open een nieuwe pagina"),
    "app.port_busy": (
        "port {port} is already used by another program on this computer, so the page cannot listen there; {option.port}",
        "poort {port} wordt al gebruikt door een ander programma op deze computer, dus de pagina kan daar niet luisteren; {option.port}",
    ),
    "app.failed": ("This file could not be read", "Dit bestand kon niet gelezen worden"),
    "app.unexpected": (
        "Something went wrong while reading this file; it is not your fault.",
        "Er ging iets mis bij het lezen van dit bestand; dat ligt niet aan jou.",
    ),
    "app.unexpected_advice": (
        "Try exporting the diary again as a CSV file and choose that file. If it keeps "
        "happening, tell the person who gave you this program; the details are in the window "
        "where backpain app runs.",
        "Exporteer het dagboek opnieuw als CSV-bestand en kies dat bestand. Blijft het "
        "gebeuren, zeg het dan aan wie je dit programma gaf; de details staan in het venster "
        "waarin backpain app draait.",
    ),
    "app.report_file": ("backpain-report.html", "backpain-rapport.html"),
    "app.download": (
        "Download this page as a report (HTML) for your physiotherapist or GP",
        "Download deze pagina als rapport (HTML) voor je kinesist of huisarts",
    ),
    # the form that puts a Daylio export's own moods in order (issue #24)
    "app.moods_title": ("Put your moods in order", "Zet je stemmingen in volgorde"),
    "app.moods_intro": (
        "Your Daylio file uses mood names whose level is not known, so the results below "
        "leave those moods out. Put all {n} moods of your file in order, the best at the "
        "top and the worst at the bottom, with the buttons, then press 'Read again in this "
        "order'. The best becomes 10 and the worst 0, the others evenly in between.",
        "Je Daylio-bestand gebruikt namen van stemmingen waarvan het niveau niet gekend is; "
        "de resultaten hieronder laten die stemmingen dus weg. Zet alle {n} stemmingen van "
        "je bestand in volgorde, de beste bovenaan en de slechtste onderaan, met de knoppen, "
        "en druk dan op 'Opnieuw lezen in deze volgorde'. De beste wordt 10 en de slechtste "
        "0, de andere gelijk verdeeld daartussen.",
    ),
    "app.moods_place": ("{place}. {label}", "{place}. {label}"),
    "app.moods_up": ("Move '{label}' up", "Zet '{label}' hoger"),
    "app.moods_down": ("Move '{label}' down", "Zet '{label}' lager"),
    "app.moods_moved": (
        "'{label}' is now number {place} of {n}.",
        "'{label}' staat nu op plaats {place} van {n}.",
    ),
    "app.moods_apply": ("Read again in this order", "Opnieuw lezen in deze volgorde"),
    "app.needs_widgets": (
        'the upload page needs ipywidgets: pip install "backpain[notebook]"',
        'de uploadpagina heeft ipywidgets nodig: pip install "backpain[notebook]"',
    ),
    "app.needs_voila": (
        'backpain app needs voila and ipywidgets: pip install "backpain[notebook]"',
        'backpain app heeft voila en ipywidgets nodig: pip install "backpain[notebook]"',
    ),
}

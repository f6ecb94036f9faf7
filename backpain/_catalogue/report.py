"""Texts of the report area: key -> (English, Dutch).

The patient report (:mod:`backpain.report`): headings, explanations, table
headers and the words for associations. ``<b>`` in a text is markup of the
report itself; values from the user's file never go into these templates
unescaped.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "report.title": ("Back-pain diary report", "Rapport van het rugpijndagboek"),
    "report.for": ("Diary of {subject}", "Dagboek van {subject}"),
    "report.intro": (
        "This report summarises your pain diary, to take to your physiotherapist or GP. It was made on this computer by backpain {version} on {today}; nothing was sent anywhere.",
        "Dit rapport vat je pijndagboek samen, om mee te nemen naar je kinesist (fysiotherapeut) of huisarts. Het is op deze computer gemaakt door backpain {version} op {today}; er is niets verstuurd.",
    ),
    "report.period_h": ("Period covered", "Periode"),
    "report.period": (
        "From {start} to {end}: {span} calendar days, of which {recorded} have a pain score ({pct:.0f}%). Longest gap: {gap} day(s) in a row without a pain score.",
        "Van {start} tot {end}: {span} kalenderdagen, waarvan {recorded} met een pijnscore ({pct:.0f}%). Langste onderbreking: {gap} dag(en) na elkaar zonder pijnscore.",
    ),
    "report.pain_avg": (
        "Average pain {mean:.1f} out of 10 (lowest {min}, highest {max}).",
        "Gemiddelde pijn {mean:.1f} op 10 (laagste {min}, hoogste {max}).",
    ),
    "report.quality_h": ("Data quality", "Kwaliteit van de gegevens"),
    "report.quality": (
        "The file {source} ({format}): {read} rows read, {kept} kept, {merged} combined with another row of the same day, {duplicate} exact copies of another row (counted once), {ignored} ignored, {rejected} rejected.",
        "Het bestand {source} ({format}): {read} rijen gelezen, {kept} gebruikt, {merged} samengevoegd met een andere rij van dezelfde dag, {duplicate} exacte kopieën van een andere rij (één keer geteld), {ignored} overgeslagen, {rejected} geweigerd.",
    ),
    "report.rejected_h": (
        "Rows that were not used, and why",
        "Rijen die niet gebruikt zijn, en waarom",
    ),
    "report.rejected_more": ("... and {n} more rejected rows.", "... en nog {n} geweigerde rijen."),
    "report.rejected_fix": (
        "These rows are not in the report. Fix them in your spreadsheet and make the report again.",
        "Deze rijen staan niet in het rapport. Verbeter ze in je spreadsheet en maak het rapport opnieuw.",
    ),
    "report.reader_notes": ("What the reader decided", "Wat het inleesprogramma besliste"),
    "report.reason": ("reason", "reden"),
    "report.rows": ("rows", "rijen"),
    "report.row": ("row", "rij"),
    "report.column": ("column", "kolom"),
    "report.var_name": ("{name!v}", "{name!v}"),
    "report.value": ("value", "waarde"),
    "report.class_h": ("How long has the pain lasted?", "Hoe lang duurt de pijn al?"),
    "report.class_def": (
        "Back pain is called <b>acute</b> when it has lasted less than 6 weeks, <b>subacute</b> from 6 to 12 weeks and <b>chronic</b> when it has lasted longer than 12 weeks (European COST B13 guidelines, 2006). The current period of pain starts after the last month without pain in your diary (30 days filled in without pain: days not filled in are unknown, never pain-free); a day counts as a pain day at a pain score of 1 or more.",
        "Rugpijn heet <b>acuut</b> als ze korter dan 6 weken duurt, <b>subacuut</b> van 6 tot 12 weken en <b>chronisch</b> als ze langer dan 12 weken duurt (Europese COST B13-richtlijnen, 2006). De huidige pijnperiode begint na de laatste maand zonder pijn in je dagboek (30 ingevulde dagen zonder pijn: niet ingevulde dagen zijn onbekend, nooit pijnvrij); een dag telt als pijndag bij een pijnscore van 1 of meer.",
    ),
    "report.not_diagnosis": (
        "A duration class describes how long the pain has lasted. It is not a diagnosis: talk to your physiotherapist or GP about what it means for you.",
        "Een duurklasse zegt hoe lang de pijn al duurt. Het is geen diagnose: bespreek met je kinesist of huisarts wat het voor jou betekent.",
    ),
    "report.episode": (
        "Your current period of back pain started on {onset} and had lasted {days} days{weeks} on {as_of}. That is <b>{cls}</b> back pain.",
        "Je huidige periode van rugpijn begon op {onset} en duurde op {as_of} al {days} dagen{weeks}. Dat is <b>{cls}</b> rugpijn.",
    ),
    "report.class_unknown": (
        "Your current period of back pain started on {onset}; up to your last entry on {as_of} that is {days} days{weeks}, but your diary has entries in only {seen} of those {n_weeks} weeks: too few to tell how long the pain has lasted. Entries in at least half of the weeks, or the date the pain began if you know it, would settle it.",
        "Je huidige periode van rugpijn begon op {onset}; tot je laatste invulling op {as_of} is dat {days} dagen{weeks}, maar je dagboek heeft invullingen in maar {seen} van die {n_weeks} weken: te weinig om te zeggen hoe lang de pijn al duurt. Invullingen in minstens de helft van de weken, of de datum waarop de pijn begon als je die weet, zouden het uitmaken.",
    ),
    "report.may_have_ended": (
        "Your current period of back pain started on {onset}. Your last pain score of 1 or more was on {last}, and the {n} days after it up to your last entry on {as_of} do not show a month without pain (30 days filled in without pain): whether this period of pain ended or is still going on cannot be told, so no duration class is given. Entries for those days would settle it.",
        "Je huidige periode van rugpijn begon op {onset}. Je laatste pijnscore van 1 of meer was op {last}, en de {n} dagen daarna tot je laatste invulling op {as_of} tonen geen maand zonder pijn (30 ingevulde dagen zonder pijn): of deze pijnperiode voorbij is of nog duurt, is niet te zeggen, dus er is geen duurklasse. Invullingen voor die dagen zouden het uitmaken.",
    ),
    "report.ends_early": (
        "Your last entry is on {end}: nothing is known about the days after it, so the duration counts up to that day, not up to {as_of}.",
        "Je laatste invulling is op {end}: over de dagen daarna is niets bekend, dus de duur telt tot die dag, niet tot {as_of}.",
    ),
    "report.censored_gap": (
        "Before {onset} your diary has {gap} days without a recorded pain score. They may have held a month without pain, which would have ended the earlier period, so the pain is counted from {onset}: {days} days is a lower bound (at least this long).",
        "Voor {onset} heeft je dagboek {gap} dagen zonder ingevulde pijnscore. Daarin kan een maand zonder pijn gezeten hebben, die de vorige periode zou beëindigen, dus de pijn telt vanaf {onset}: {days} dagen is een ondergrens (minstens zo lang).",
    ),
    "report.censored": (
        "Your diary starts while you were already in pain, so the pain began before the diary: {days} days is a lower bound (at least this long), and the pain may have lasted longer than the diary shows.",
        "Je dagboek begint terwijl je al pijn had, dus de pijn begon al voor het dagboek: {days} dagen is een ondergrens (minstens zo lang), en de pijn kan langer duren dan het dagboek toont.",
    ),
    "report.no_episode": (
        "On {as_of} you were not in a period of back pain: the diary shows a month without pain before then, so no duration class applies.",
        "Op {as_of} had je geen periode van rugpijn: het dagboek toont daarvoor een maand zonder pijn, dus er is geen duurklasse.",
    ),
    "report.nih_yes": (
        "From {start} to {as_of} (the last 6 months) you filled in {n} days and had pain on {k} of them ({pct:.0f}%). With back pain a problem since {since}, at least 3 months, this meets the research definition of chronic low back pain of the NIH Task Force (2014).",
        "Van {start} tot {as_of} (de laatste 6 maanden) vulde je {n} dagen in en had je pijn op {k} daarvan ({pct:.0f}%). Met rugpijn die al sinds {since} een probleem is, minstens 3 maanden, voldoet dit aan de onderzoeksdefinitie van chronische lage rugpijn van de NIH Task Force (2014).",
    ),
    "report.nih_no": (
        "From {start} to {as_of} (the last 6 months) you filled in {n} days and had pain on {k} of them ({pct:.0f}%). This does not meet the research definition of chronic low back pain of the NIH Task Force (2014): back pain that has been a problem for at least 3 months, with pain on at least half of the days of the last 6 months.",
        "Van {start} tot {as_of} (de laatste 6 maanden) vulde je {n} dagen in en had je pijn op {k} daarvan ({pct:.0f}%). Dit voldoet niet aan de onderzoeksdefinitie van chronische lage rugpijn van de NIH Task Force (2014): rugpijn die al minstens 3 maanden een probleem is, met pijn op minstens de helft van de dagen van de laatste 6 maanden.",
    ),
    "report.nih_na": (
        "Whether this meets the NIH research definition of chronic low back pain (back pain that has been a problem for at least 3 months, with pain on at least half the days of the last 6 months) cannot be told: from {start} to {as_of} you filled in {n} of the 183 days (at least half are needed), or the diary is too short or has too few weeks with entries to show 3 months.",
        "Of dit voldoet aan de onderzoeksdefinitie van chronische lage rugpijn van de NIH (rugpijn die al minstens 3 maanden een probleem is, met pijn op minstens de helft van de dagen van de laatste 6 maanden) is niet te zeggen: van {start} tot {as_of} vulde je {n} van de 183 dagen in (minstens de helft is nodig), of het dagboek is te kort of heeft te weinig weken met invullingen om 3 maanden te tonen.",
    ),
    "report.flares": (
        "The diary shows {n} flares (periods of one or more days with pain at least 2 points above your usual level: the median of the earlier days of the same period of pain, up to 28 days with a score and at least 7).",
        "Het dagboek toont {n} opvlammingen (periodes van een of meer dagen met pijn minstens 2 punten boven je gewone niveau: de mediaan van de eerdere dagen van dezelfde pijnperiode, tot 28 dagen met een score en minstens 7).",
    ),
    "report.flare_one": (
        "The diary shows 1 flare (a period of one or more days with pain at least 2 points above your usual level: the median of the earlier days of the same period of pain, up to 28 days with a score and at least 7).",
        "Het dagboek toont 1 opvlamming (een periode van een of meer dagen met pijn minstens 2 punten boven je gewone niveau: de mediaan van de eerdere dagen van dezelfde pijnperiode, tot 28 dagen met een score en minstens 7).",
    ),
    "report.acute_adj": ("acute", "acute"),
    "report.subacute_adj": ("subacute", "subacute"),
    "report.chronic_adj": ("chronic", "chronische"),
    "report.trend_h": ("Pain month by month", "Pijn per maand"),
    "report.month": ("month", "maand"),
    "report.days_filled": ("days with a pain score", "dagen met pijnscore"),
    "report.mean_pain": ("average pain", "gemiddelde pijn"),
    "report.max_pain": ("highest pain", "hoogste pijn"),
    "report.days_with_pain": ("days with pain", "dagen met pijn"),
    "report.overview_h": ("Overview", "Overzicht"),
    "report.overview_alt": (
        "Diary overview: pain, stress, sleep and activity over time",
        "Overzicht van het dagboek: pijn, stress, slaap en activiteit in de tijd",
    ),
    "report.too_short": (
        "The diary is too short for the overview figure (fewer than {n} days).",
        "Het dagboek is te kort voor de overzichtsfiguur (minder dan {n} dagen).",
    ),
    "report.worst_h": (
        "The days with the most pain, and your notes",
        "De dagen met de meeste pijn, en je notities",
    ),
    "report.worst_h_plain": ("The days with the most pain", "De dagen met de meeste pijn"),
    "report.date": ("date", "datum"),
    "report.pain": ("pain", "pijn"),
    "report.tags": ("what you noted", "wat je noteerde"),
    "report.notes": ("notes", "notities"),
    "report.assoc_h": ("What goes together with your pain?", "Wat gaat samen met je pijn?"),
    "report.assoc_intro": (
        "Each line compares your own days with each other: on days when something was higher than usual for you, was your pain higher or lower than usual? The change in pain is in points of your own 0-10 scale, for the step the line names.",
        "Elke regel vergelijkt je eigen dagen met elkaar: op dagen waarop iets hoger was dan gewoonlijk voor jou, was je pijn dan hoger of lager dan gewoonlijk? De verandering in pijn staat in punten op je eigen schaal van 0 tot 10, voor de stap die de regel noemt.",
    ),
    "report.same_day": ("the same day", "dezelfde dag"),
    "report.next_day": ("the next day", "de dag erna"),
    "report.assoc_none": (
        "No clear link between {x} and pain {when}",
        "Geen duidelijk verband tussen {x} en de pijn {when}",
    ),
    "report.assoc_none0": (
        "No clear link between {x} and pain on the same day",
        "Geen duidelijk verband tussen {x} en de pijn op dezelfde dag",
    ),
    "report.assoc_empty": (
        "Not enough recorded days to compute these links.",
        "Te weinig ingevulde dagen om deze verbanden te berekenen.",
    ),
    "report.helps_h": ("What went with less pain?", "Wat ging samen met minder pijn?"),
    "report.helps_intro": (
        "For each thing you noted (a tag), your pain on the day after a day with it is compared with the day after a day without it. Negative numbers mean less pain.",
        "Voor alles wat je noteerde (een label) wordt je pijn op de dag na een dag mét vergeleken met de dag na een dag zonder. Negatieve getallen betekenen minder pijn.",
    ),
    "report.helps_alt": (
        "Difference in next-day pain after days with and without each tag",
        "Verschil in pijn de dag erna, na dagen met en zonder elk label",
    ),
    "report.tag": ("tag", "label"),
    "report.days_with": ("days with", "dagen met"),
    "report.difference": ("difference in pain", "verschil in pijn"),
    "report.verdict": ("in words", "in woorden"),
    # the verdict codes of backpain.stats.VERDICTS, one wording each
    "report.verdict.lower": ("less pain", "minder pijn"),
    "report.verdict.higher": ("more pain", "meer pijn"),
    "report.verdict.unclear": ("no clear difference", "geen duidelijk verschil"),
    "report.verdict.too_few_days": ("too few days to tell", "te weinig dagen om iets te zeggen"),
    "report.verdict.not_tested": (
        "could not be tested: the pain after these days never changed",
        "kon niet getoetst worden: de pijn na deze dagen veranderde nooit",
    ),
    "report.verdict.never": (
        "never noted on a day before a pain score: nothing to compare",
        "nooit genoteerd op een dag voor een pijnscore: niets om te vergelijken",
    ),
    "report.caveat": (
        "These are associations in your own diary data, not proof of cause: something else may drive both (for example, people take medication on bad days, so medication goes with more pain without causing it).",
        "Dit zijn verbanden in je eigen dagboek, geen bewijs van oorzaak: iets anders kan beide sturen (bijvoorbeeld: mensen nemen medicatie op slechte dagen, dus medicatie gaat samen met meer pijn zonder die te veroorzaken).",
    ),
    "report.footer": (
        "Made with backpain, open-source software. This report describes a diary; it does not replace a consultation. See a doctor soon for warning signs such as fever, unexplained weight loss, numbness around the buttocks or groin, loss of bladder or bowel control, or increasing weakness in the legs.",
        "Gemaakt met backpain, open-source software. Dit rapport beschrijft een dagboek; het vervangt geen consultatie. Ga snel naar een arts bij alarmsignalen zoals koorts, onverklaard gewichtsverlies, een doof gevoel rond de billen of het kruis, verlies van controle over blaas of darm, of toenemende zwakte in de benen.",
    ),
    "report.day": ("{day} {month} {year}", "{day} {month} {year}"),
    "report.weeks": (" ({n} weeks)", " ({n} weken)"),
    "report.note_from": ("{source}: {note}", "{source}: {note}"),
    "report.ignored_count": ("{what}: {n}", "{what}: {n}"),
    "report.phrase.stress": ("stress", "de stress"),
    "report.phrase.sleep_hours": ("sleep time", "de slaapduur"),
    "report.phrase.sleep_quality": ("sleep quality", "de slaapkwaliteit"),
    "report.phrase.steps": ("the step count", "het aantal stappen"),
    "report.phrase.active_minutes": ("active time", "de actieve tijd"),
    "report.phrase.mood": ("mood", "de stemming"),
    "report.phrase.other": ("{name}", "{name}"),
    "report.no_rows": (
        "{source}: the diary has no usable rows: {n_rejected} of {n_read} rows were rejected{ignored}. The first problems:{items}{more}\nFix these rows in the spreadsheet and run the report again.",
        "{source}: het dagboek heeft geen bruikbare rijen: {n_rejected} van de {n_read} rijen zijn geweigerd{ignored}. De eerste problemen:{items}{more}\nVerbeter deze rijen in je spreadsheet en maak het rapport opnieuw.",
    ),
    "report.no_rows_none": (
        "{source}: the diary has no usable rows: {n_read} rows read{ignored}, none of them a day with a value the diary uses. Check that the file is the diary (or that the export holds the data you expect) and run the report again.",
        "{source}: het dagboek heeft geen bruikbare rijen: {n_read} rij(en) gelezen{ignored}, geen enkele een dag met een waarde die het dagboek gebruikt. Kijk na of dit het dagboek is (of dat de export de verwachte gegevens bevat) en maak het rapport opnieuw.",
    ),
    "report.no_rows_ignored": (", {n} ignored ({what})", ", {n} overgeslagen ({what})"),
    "report.no_rows_item": (
        "\n  - row {row}, {column!v} {value}: {reason}{rest}",
        "\n  - rij {row}, {column!v} {value}: {reason}{rest}",
    ),
    "report.rejected_more_line": (
        "\n  ... and {n} more rejected rows.",
        "\n  ... en nog {n} geweigerde rijen.",
    ),
    "report.several_subjects": (
        "{option.several_people}; a report is for one person: {option.subject_choose}",
        "{option.several_people}; een rapport is voor één persoon: {option.subject_choose}",
    ),
    "report.no_pain": (
        "This file holds no pain scores (it is {what}). Add your pain diary: read it together with this file (several files at once) to see how long the pain has lasted, the months, the worst days and what went together with your pain.",
        "Dit bestand bevat geen pijnscores (het is {what}). Voeg je pijndagboek toe: lees het samen met dit bestand (meerdere bestanden tegelijk) om te zien hoe lang de pijn al duurt, de maanden, de slechtste dagen en wat samenging met je pijn.",
    ),
    "report.no_pain_short": (
        "Needs pain scores: add your pain diary.",
        "Hiervoor zijn pijnscores nodig: voeg je pijndagboek toe.",
    ),
    "report.period_no_pain": (
        "Calendar days from {start} to {end}: {span}, of which {recorded} in the file; none has a pain score.",
        "Kalenderdagen van {start} tot {end}: {span}, waarvan {recorded} in het bestand; geen enkele met een pijnscore.",
    ),
    "report.helps_no_tags": (
        "The diary holds no tags (things like heat or exercise), so there is nothing to compare.",
        "Het dagboek bevat geen labels (zoals warmte of oefeningen), dus er is niets te vergelijken.",
    ),
    "report.helps_no_pairs": (
        "No tag was noted on enough days, with and without it, to compare the pain after them: each row says why.",
        "Geen enkel label is op genoeg dagen genoteerd, met en zonder, om de pijn erna te vergelijken: elke rij zegt waarom.",
    ),
    "report.no_score": ("no score", "geen score"),
    # progress of the report and the upload page
    "report.progress.reading_file": (
        "reading {name} ({size:.1f} MB)",
        "{name} wordt gelezen ({size:.1f} MB)",
    ),
    "report.progress.reading": ("reading the diary", "het dagboek wordt gelezen"),
    "report.progress.classifying": ("classifying", "de pijnperiode wordt bepaald"),
    "report.progress.associations": ("computing associations", "verbanden worden berekend"),
    "report.progress.overview": ("drawing the overview", "het overzicht wordt getekend"),
    "report.progress.done": ("done", "klaar"),
    # one person's findings (backpain.stats.patient_findings), in the diary's units
    "report.step.stress": ("1 point more stress", "1 punt meer stress"),
    "report.step.mood": ("a mood 1 point better", "een stemming die 1 punt beter is"),
    "report.step.sleep_quality": ("sleep 1 point better", "een slaap die 1 punt beter is"),
    "report.step.sleep_hours": ("1 hour more sleep", "1 uur meer slaap"),
    "report.step.steps": ("1,000 more steps", "1.000 stappen meer"),
    "report.step.active_minutes": ("10 more active minutes", "10 actieve minuten meer"),
    "report.step.other": ("1 unit more {name}", "1 eenheid meer {name}"),
    "report.finding.up0": (
        "On days with {more} than usual, pain was on average {effect:.1f} points higher",
        "Op dagen met {more} dan gewoonlijk was de pijn gemiddeld {effect:.1f} punten hoger",
    ),
    "report.finding.down0": (
        "On days with {more} than usual, pain was on average {effect:.1f} points lower",
        "Op dagen met {more} dan gewoonlijk was de pijn gemiddeld {effect:.1f} punten lager",
    ),
    "report.finding.up1": (
        "On the day after a day with {more} than usual, pain was on average {effect:.1f} points higher",
        "Op de dag na een dag met {more} dan gewoonlijk was de pijn gemiddeld {effect:.1f} punten hoger",
    ),
    "report.finding.down1": (
        "On the day after a day with {more} than usual, pain was on average {effect:.1f} points lower",
        "Op de dag na een dag met {more} dan gewoonlijk was de pijn gemiddeld {effect:.1f} punten lager",
    ),
    "report.family": (
        "The {n} comparisons tested on this page were tested together: a link is only described when it still holds after allowing for testing so many things at once and for pain and the other scores running on from one day to the next.",
        "De {n} getoetste vergelijkingen op deze pagina zijn samen getoetst: een verband wordt alleen beschreven als het overeind blijft wanneer je rekening houdt met het grote aantal vergelijkingen en met pijn en de andere scores die van dag tot dag doorlopen.",
    ),
    "report.effect": ("change in pain", "verandering in pijn"),
    "report.days": ("days", "dagen"),
    "report.days_without": ("days without", "dagen zonder"),
    "report.verdict.no_comparison": (
        "noted on every day: no days without it to compare",
        "elke dag genoteerd: geen dagen zonder om mee te vergelijken",
    ),
    "report.per_step": (" (step: {more})", " (stap: {more})"),
    "report.untested.too_few_days": (
        "{x!V} and pain {when}: too few days to tell ({n} days with both)",
        "{x!V} en de pijn {when}: te weinig dagen om iets te zeggen ({n} dagen met beide)",
    ),
    "report.untested.not_tested": (
        "{x!V} and pain {when}: could not be tested, because the pain or {x} never changed over these {n} days",
        "{x!V} en de pijn {when}: kon niet getoetst worden, want de pijn of {x} veranderde nooit over deze {n} dagen",
    ),
    "report.family_untested": (
        "{n} more could not be tested (too few days, or nothing varied) and are not counted.",
        "Nog {n} konden niet getoetst worden (te weinig dagen, of er veranderde niets) en tellen niet mee.",
    ),
    "report.worst_tied": (
        "{n} of the {of} days with pain {pain} are shown (the earliest).",
        "{n} van de {of} dagen met pijn {pain} staan hier (de vroegste).",
    ),
    "report.source.table": (
        "a spreadsheet or CSV diary",
        "een dagboek als spreadsheet of CSV-bestand",
    ),
    "report.source.symptoms": (
        "an export of {app}, an app to track symptoms",
        "een export van {app}, een app om klachten bij te houden",
    ),
    "report.source.mood": (
        "an export of {app}, a mood diary app",
        "een export van {app}, een app voor een stemmingsdagboek",
    ),
    "report.source.health": (
        "an export of {app}, which records activity and sleep from a phone or watch",
        "een export van {app}, dat beweging en slaap van een telefoon of horloge bijhoudt",
    ),
    "report.source.other": ("a file read as {app}", "een bestand gelezen als {app}"),
    "report.covers_h": ("The files cover these periods", "De bestanden beslaan deze periodes"),
    "report.covers": (
        "{source}: {start} to {end} ({days} days)",
        "{source}: {start} tot {end} ({days} dagen)",
    ),
    "report.overlap": (
        "They overlap on {n} day(s): only on those days can one file's values be set beside the other's.",
        "Ze overlappen op {n} dag(en): alleen op die dagen staan de waarden van het ene bestand naast die van het andere.",
    ),
    "report.overlap_none": (
        "They do not overlap: no day has values from more than one file, so nothing in one file can be compared with the other's days.",
        "Ze overlappen niet: geen enkele dag heeft waarden uit meer dan één bestand, dus niets uit het ene bestand kan vergeleken worden met de dagen van het andere.",
    ),
    "report.rejected_fix_app": (
        "These rows of the {app} export are left out of the report; the other days are used. If an entry is wrong, correct it in {app} and export again.",
        "Deze rijen van de export van {app} staan niet in het rapport; de andere dagen worden gebruikt. Is een invoer fout, verbeter ze dan in {app} en exporteer opnieuw.",
    ),
}

"""The non-English marker tables: each loads, has no repeated phrase, compiles, takes the
boilerplate lines it is for and leaves article sentences that share its words alone."""

from __future__ import annotations

from collections import Counter
from importlib import resources

import pytest

from cleantext import markers
from cleantext.filters.zones import HEADING_MAX_WORDS

LANGUAGES = ("de", "fr", "es", "pt", "it", "ru", "uk", "pl", "nl")
# Sections every table fills; [credit] is checked apart (it is a word list, not a line shape).
LINE_SECTIONS = ("start", "whole", "lead", "pager", "zone", "prompt")

# (language, section, line): a line of page furniture and the section meant to take it.
POSITIVE = [
    ("de", "start", "Lesen Sie auch: Wie die Bahn ihre Pünktlichkeit verbessern will"),
    ("de", "start", "Mehr zum Thema | Energiepreise"),
    ("de", "start", "Foto: dpa/Michael Kappeler"),
    ("de", "start", "Quelle: Statistisches Bundesamt"),
    ("de", "whole", "Anzeige"),
    ("de", "whole", "Zur Startseite"),
    ("de", "whole", "Artikel teilen"),
    ("de", "whole", "12 Kommentare"),
    ("de", "whole", "Datenschutzerklärung"),
    ("de", "lead", "Lesen Sie auch den Kommentar unseres Chefredakteurs"),
    ("de", "lead", "3 Min Lesezeit"),
    ("de", "whole", "Inhalt teilen"),
    ("de", "whole", "Über den Autor"),
    ("de", "whole", "Empfohlener redaktioneller Inhalt"),
    ("de", "whole", "Downloads"),
    ("de", "pager", "Nächster Artikel"),
    ("de", "zone", "Das könnte Sie auch interessieren"),
    ("de", "zone", "Meistgelesen"),
    ("de", "prompt", "Diese Website verwendet Cookies, um Ihnen das beste Erlebnis zu bieten."),
    ("de", "prompt", "Deine E-Mail-Adresse wird nicht veröffentlicht."),
    ("fr", "start", "Lire aussi : Le gouvernement présente son budget"),
    ("fr", "start", "À lire aussi | La réforme des retraites en cinq questions"),
    ("fr", "start", "Crédit photo : AFP"),
    ("fr", "whole", "Publicité"),
    ("fr", "whole", "12 commentaires"),
    ("fr", "pager", "Article suivant"),
    ("fr", "zone", "Sur le même sujet"),
    ("fr", "prompt", "Votre adresse e-mail ne sera pas publiée."),
    ("es", "start", "Leer más: El Gobierno aprueba los presupuestos"),
    ("es", "start", "Te puede interesar: Así será el tiempo este fin de semana"),
    ("es", "start", "MIRA: Madre se acerca a conocer los motivos de captura de su hijo"),
    ("es", "whole", "Publicidad"),
    ("es", "whole", "Dejá tu comentario"),
    ("es", "zone", "Noticias relacionadas"),
    ("es", "zone", "Lo más leído"),
    ("es", "prompt", "Todos los derechos reservados."),
    ("pt", "start", "Leia também: Governo anuncia novo pacote de medidas"),
    ("pt", "start", "Veja também | Chuvas deixam mortos em Minas Gerais"),
    ("pt", "whole", "Publicidade"),
    ("pt", "whole", "Fale conosco"),
    ("pt", "zone", "Notícias relacionadas"),
    ("pt", "prompt", "O seu endereço de e-mail não será publicado."),
    ("it", "start", "Leggi anche: Il governo approva la manovra"),
    ("it", "start", "Potrebbe interessarti | Le previsioni del tempo"),
    ("it", "whole", "Pubblicità"),
    ("it", "whole", "Lascia un commento"),
    ("it", "zone", "Articoli correlati"),
    ("it", "prompt", "Riproduzione riservata"),
    ("ru", "start", "Читайте также: Правительство утвердило бюджет"),
    ("ru", "start", "Подробнее: Что известно о новом законе"),
    ("ru", "whole", "Реклама"),
    ("ru", "whole", "Поделиться"),
    ("ru", "zone", "Новости по теме"),
    ("ru", "prompt", "Все права защищены."),
    ("uk", "start", "Читайте також: Уряд ухвалив бюджет"),
    ("uk", "whole", "Реклама"),
    ("uk", "whole", "Поділитися"),
    ("uk", "zone", "Новини за темою"),
    ("uk", "prompt", "Усі права захищені."),
    ("pl", "start", "Czytaj też: Rząd przyjął projekt budżetu"),
    ("pl", "start", "Zobacz także | Prognoza pogody na weekend"),
    ("pl", "start", "Źródło: PAP"),
    ("pl", "whole", "Reklama"),
    ("pl", "whole", "Udostępnij"),
    ("pl", "zone", "Najczęściej czytane"),
    ("pl", "prompt", "Wszelkie prawa zastrzeżone."),
    ("nl", "start", "Lees ook: Kabinet presenteert nieuwe plannen"),
    ("nl", "start", "Meer over: Klimaat"),
    ("nl", "whole", "Advertentie"),
    ("nl", "whole", "Deel dit artikel"),
    ("nl", "zone", "Meest gelezen"),
    ("nl", "prompt", "Je e-mailadres wordt niet gepubliceerd."),
]

# (language, line): article sentences and subheadings that use the tables' words but are not
# furniture.
NEGATIVE = [
    ("de", "Die Anzeige wurde am Montag bei der Polizei in Köln erstattet."),
    ("de", "Quelle des Streits ist die geplante Erhöhung der Grundsteuer."),
    ("de", "Foto und Video zeigen, wie der Zug kurz vor dem Bahnhof entgleist."),
    ("de", "Mehr als 300 Menschen nahmen an der Kundgebung teil."),
    ("de", "In seinem Kommentar zur Lage schrieb der Minister, das Thema sei ernst."),
    ("de", "Teilen wollte die Gemeinde die Kosten nicht mit dem Land."),
    ("de", "Weitere Informationen gab die Polizei am Abend nicht bekannt."),
    ("de", "Zurück zur Normalität will die Regierung erst im Frühjahr."),
    ("de", "Alle Beiträge werden zum Jahresbeginn um drei Prozent erhöht."),
    ("de", "Zum Schluss ein Blick nach vorn"),
    ("de", "Bilder einer zerstörten Stadt"),
    ("de", "Aufrufe zur Gewalt wurden von der Plattform gelöscht."),
    ("de", "Mehr zu tun hatte die Feuerwehr am Sonntagabend in der Innenstadt."),
    ("de", "Eingestellt von der Staatsanwaltschaft wurde das Verfahren erst im Mai."),
    ("de", "Ansprechpartner für die Eltern ist ab sofort die Schulleitung."),
    ("fr", "La publicité pour le tabac est interdite depuis 1991 en France."),
    ("fr", "Les plus belles plages de Bretagne"),
    ("fr", "Source de tensions, la réforme divise la majorité."),
    ("fr", "Lire la presse étrangère est devenu un réflexe pour les étudiants."),
    ("fr", "Partager les richesses reste l'objectif affiché du gouvernement."),
    ("es", "Lo que se sabe del accidente"),
    ("es", "La publicidad institucional creció un 20 % el año pasado."),
    ("es", "Mira que te lo dije, respondió el entrenador entre risas."),
    ("es", "Leer más libros es el propósito de muchos españoles para 2024."),
    ("es", "Te recomendamos usar protector solar incluso en invierno, dijo la médica."),
    ("es", "Fuentes del ministerio confirmaron la reunión a este diario."),
    ("pt", "A publicidade infantil será proibida a partir de janeiro."),
    ("pt", "Veja como ficou o placar final da partida em São Paulo."),
    ("pt", "Siga o dinheiro, disse o promotor ao deixar o tribunal."),
    ("pt", "Fonte de renda para milhares de famílias, a pesca está ameaçada."),
    ("it", "La pubblicità elettorale è vietata nelle ultime 24 ore."),
    ("it", "Leggi e decreti approvati dal Consiglio dei ministri ieri sera."),
    ("it", "Per saperne di più, la procura ha disposto l'autopsia."),
    ("it", "Foto e video del concerto sono stati pubblicati sui social."),
    ("ru", "Реклама на телевидении подорожала на 15 процентов."),
    ("ru", "Подробнее об этом рассказал министр на пресс-конференции."),
    ("ru", "Главное о новом законе"),
    ("ru", "Источник в правительстве сообщил, что решение уже принято."),
    ("uk", "Реклама алкоголю заборонена на телебаченні."),
    ("uk", "Джерело в уряді повідомило, що рішення вже ухвалено."),
    ("uk", "Детальніше про це розповів міністр на брифінгу."),
    ("pl", "Reklama w telewizji publicznej budzi kontrowersje od lat."),
    ("pl", "Czytaj książki, apelował minister podczas konferencji."),
    ("pl", "Źródło problemu leży w przepisach z 2015 roku."),
    ("nl", "Meer over de achtergrond van de dader is niet bekend."),
    ("nl", "De advertentie stond vorige week in de krant."),
    ("nl", "Bron van de besmetting was een restaurant in Utrecht."),
]


def raw_phrases(language: str) -> dict[str, list[str]]:
    """The phrases as written in the file, repeats kept (``load_phrases`` drops them)."""
    path = resources.files("cleantext") / "data" / "markers" / f"{language}.txt"
    out: dict[str, list[str]] = {}
    section = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            out.setdefault(section, [])
            continue
        assert section is not None, f"{language}: phrase {line!r} before any section"
        out[section].append(" ".join(line.lower().split()))
    return out


@pytest.mark.parametrize("language", LANGUAGES)
def test_table_is_shipped_with_a_header(language: str) -> None:
    assert language in markers.available_languages()
    path = resources.files("cleantext") / "data" / "markers" / f"{language}.txt"
    assert path.read_text(encoding="utf-8").startswith("# cleantext marker table:")


@pytest.mark.parametrize("language", LANGUAGES)
def test_table_loads_every_section(language: str) -> None:
    phrases = markers.load_phrases(language)
    for section in (*LINE_SECTIONS, "credit"):
        assert phrases[section], f"{language}: [{section}] is empty"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_phrase_is_repeated_within_a_section(language: str) -> None:
    for section, phrases in raw_phrases(language).items():
        repeated = sorted(p for p, n in Counter(phrases).items() if n > 1)
        assert not repeated, f"{language} [{section}] repeats {repeated}"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("section", (*LINE_SECTIONS, "credit"))
def test_section_compiles_alone_and_with_english(language: str, section: str) -> None:
    assert markers.table(language).pattern(section) is not None
    assert markers.table("en", language).pattern(section) is not None


@pytest.mark.parametrize("language", LANGUAGES)
def test_phrases_are_lower_case_and_single_spaced(language: str) -> None:
    # The filters match lower-cased text; a capital or a double space would never match.
    for section, phrases in raw_phrases(language).items():
        for phrase in phrases:
            assert phrase == phrase.lower(), (language, section, phrase)
    path = resources.files("cleantext") / "data" / "markers" / f"{language}.txt"
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.strip() and not raw.lstrip().startswith("#"):
            assert raw == raw.strip() and "  " not in raw, f"{language}: {raw!r}"


def test_every_language_has_examples() -> None:
    assert {lang for lang, _, _ in POSITIVE} == set(LANGUAGES)
    assert {lang for lang, _ in NEGATIVE} == set(LANGUAGES)


@pytest.mark.parametrize(("language", "section", "line"), POSITIVE)
def test_furniture_matches_its_section(language: str, section: str, line: str) -> None:
    pattern = markers.table(language).pattern(section)
    assert pattern is not None
    assert pattern.search(line.lower()), f"{language} [{section}] misses {line!r}"


@pytest.mark.parametrize(("language", "line"), NEGATIVE)
def test_article_sentence_matches_no_section(language: str, line: str) -> None:
    tab = markers.table(language)
    for section in LINE_SECTIONS:
        if section in ("zone", "pager") and len(line.split()) > HEADING_MAX_WORDS:
            continue  # the zones filter only reads short lines as headings
        pattern = tab.pattern(section)
        assert pattern is not None
        hit = pattern.search(line.lower())
        assert hit is None, f"{language} [{section}] takes {line!r} on {hit.group()!r}"

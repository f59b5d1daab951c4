import pytest

from briefgen.dates import find_dates, first_full_date, infer_year


@pytest.mark.parametrize(
    "text, iso",
    [
        ("Ce vendredi (26 juin 2020), le secrétaire", "2020-06-26"),
        ("• 04 Dec. 2017 -", "2017-12-04"),
        ("publié le lundi 03 février 2020 à 20h15", "2020-02-03"),
        ("le 1er décembre 2017", "2017-12-01"),
        ("December 4, 2017", "2017-12-04"),
        ("2021-12-03T10:00", "2021-12-03"),
        ("le 04/12/2017", "2017-12-04"),
        ("le 04.12.2017", "2017-12-04"),
        ("Mis à jour le: 26 Jun. 2020 15:26", "2020-06-26"),
        ("3 août 2019", "2019-08-03"),
    ],
)
def test_full_dates(text, iso):
    assert first_full_date(text) == iso


@pytest.mark.parametrize(
    "text, month, day",
    [("Paris, 3 déc. (Cinktank.com)", 12, 3), ("à 08h38 le 06/12", 12, 6), ("le 14 juillet", 7, 14)],
)
def test_partial_dates_have_no_year(text, month, day):
    (found,) = find_dates(text)
    assert (found.year, found.month, found.day) == (None, month, day)
    assert found.iso is None
    assert first_full_date(text) is None


@pytest.mark.parametrize("text", ["70 ans", "1.2 million", "31/02", "le score 3/40", "5 et 6", "12:30"])
def test_not_dates(text):
    assert find_dates(text) == []


@pytest.mark.parametrize("text, expected", [
    ("MADRID, 27 nov (EFE) –", (None, 11, 27)),
    ("ROMA, 27 novembre 2026 (ANSA) -", (2026, 11, 27)),
    ("LISBOA, 27 de novembro de 2026 (Lusa) –", (2026, 11, 27)),
    ("BARCELONA, 3 d’octubre de 2025 (ACN) –", (2025, 10, 3)),
    ("BUCUREȘTI, 27 noiembrie 2026 (Agerpres) -", (2026, 11, 27)),
    ("BERLIN, 27. November 2026 (dpa) -", (2026, 11, 27)),
    ("DEN HAAG (ANP) - op woensdag 27 november 2026", (2026, 11, 27)),
    ("МОСКВА, 27 ноября 2026. /ТАСС/.", (2026, 11, 27)),
    ("Пермь, 14 ноября 2024 года.", (2024, 11, 14)),
    ("LONDON, Nov 27 (Reuters) -", (None, 11, 27)),
])
def test_month_names_of_every_language_come_from_cldr(text, expected):
    (found,) = find_dates(text)
    assert (found.year, found.month, found.day) == expected


def test_a_weekday_in_another_language_pins_the_year():
    from briefgen.dates import FoundDate

    partial = FoundDate(None, 11, 27, 0, 0)
    assert infer_year(partial, "El Gobierno aprobó el jueves el plan para 2025.") == 2025  # a Thursday
    assert infer_year(partial, "Die Regierung hat am Mittwoch den Plan für 2025 beschlossen.") is None

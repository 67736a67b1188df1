"""Periods inside running text, relative ones read against the publication date."""

import datetime as dt

import pytest

from db.model.period_phrases import find, published_in

PUBLISHED = dt.date(2025, 11, 13)


@pytest.mark.parametrize(("text", "first", "last", "precision"), [
    ("will be held in Omsk in the fourth quarter of 2025", "2025-10-01", "2025-12-31", "quarter"),
    ("в четвёртом квартале 2025 года", "2025-10-01", "2025-12-31", "quarter"),
    ("в первые шесть месяцев текущего года составил", "2025-01-01", "2025-06-30", "span"),
    ("за 8 месяцев текущего года", "2025-01-01", "2025-08-31", "span"),
    ("осенью этого года", "2025-09-01", "2025-11-30", "span"),
    ("in the first half of 2022", "2022-01-01", "2022-06-30", "span"),
    ("In January-September 2015, commodity turnover", "2015-01-01", "2015-09-30", "span"),
    ("In the first five months of 2025", "2025-01-01", "2025-05-31", "span"),
    ("2025 жылдың бірінші жартысында", "2025-01-01", "2025-06-30", "span"),
    ("15-16 марта состоялся визит", "2025-03-15", "2025-03-16", "day"),
    ("currently, there are", "2025-11-13", "2025-11-13", "day"),
    ("былтыр Мәскеуге", "2024-01-01", "2024-12-31", "year"),
    ("биылғы маусымда делегация келді", "2025-06-01", "2025-06-30", "month"),
])
def test_a_period_written_in_a_sentence_is_read_with_its_precision(text, first, last, precision):
    [found] = [w for w in find(text, 0, len(text), PUBLISHED)][:1]
    assert (found.first.isoformat(), found.last.isoformat(), found.precision) == (first, last, precision)


def test_words_relative_to_the_date_are_left_unread_without_one():
    assert find("в первые шесть месяцев текущего года", 0, 36, None) == []


def test_the_publication_date_at_the_top_of_an_article_is_found():
    assert published_in("9 November 2022, 10:41\n\nASTANA. KAZINFORM …")[0] == dt.date(2022, 11, 9)
    assert published_in("date 2025-07-02 ASTANA, Kazakhstan, July 2.")[0] == dt.date(2025, 7, 2)

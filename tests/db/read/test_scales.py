"""One unit per series: which one, and how a converted value says how it was published."""

from db.read.scales import Published, display_units, shown_quantity


def test_each_series_and_measure_gets_the_unit_most_of_its_figures_use():
    shown = display_units([("kz", "USD thousand", 5), ("kz", "USD million", 2), ("kz", "KZT billion", 1),
                           ("ru", "USD million", 1), ("ru", "USD thousand", 1)])
    assert shown == {("kz", "USD"): "USD thousand", ("kz", "KZT"): "KZT billion", ("ru", "USD"): "USD million"}


def test_a_converted_value_says_how_it_was_published():
    value, published = Published(66.5, "USD million").converted("USD thousand")
    assert (value, published) == (66500.0, Published(66.5, "USD million"))
    assert shown_quantity(value, "USD thousand", published) == (
        "USD 66,500 thousand (published as USD 66.5 million)")
    assert Published(66.5, "USD million").converted("USD million") == (66.5, None)
    assert shown_quantity(66.5, "USD million", None) == "USD 66.5 million"

"""The widget's brand colour must carry readable white text."""

from __future__ import annotations

import pytest

from trustdesk.policy.schema import Organization, contrast_with_white


def _organization(colour: str) -> Organization:
    return Organization(name="Shop", privacy_notice="We keep little.", brand_colour=colour)


def test_white_on_black_is_the_largest_contrast() -> None:
    assert contrast_with_white("#000000") == pytest.approx(21.0)
    assert contrast_with_white("#ffffff") == pytest.approx(1.0)


@pytest.mark.parametrize("colour", ["#1F5F8B", "#6b3fa0", "#000000"])
def test_a_dark_colour_is_accepted_in_lower_case(colour: str) -> None:
    assert _organization(colour).brand_colour == colour.lower()


@pytest.mark.parametrize("colour", ["#ffcc00", "#7fb3d5", "#ffffff"])
def test_a_light_colour_is_refused_with_its_contrast(colour: str) -> None:
    with pytest.raises(ValueError, match=r"contrast of .*4\.5:1"):
        _organization(colour)


@pytest.mark.parametrize("colour", ["red", "#12345", "#1234567", "1f5f8b"])
def test_only_hex_colours(colour: str) -> None:
    with pytest.raises(ValueError):
        _organization(colour)

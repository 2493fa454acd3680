"""Kazakh date and number formats: day.month.year, Monday first, space-grouped thousands.

Django ships translations for Kazakh but no formats, so without this module dates on the
Kazakh pages fall back to the American month/day/year.
"""
from __future__ import annotations

DATE_FORMAT = "Y ж. j E"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "Y ж. j E, H:i"
YEAR_MONTH_FORMAT = "Y ж. F"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1
DATE_INPUT_FORMATS = ["%d.%m.%Y", "%Y-%m-%d"]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3

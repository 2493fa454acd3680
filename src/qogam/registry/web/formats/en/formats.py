"""English dates on Qogam's pages: day first, as in Kazakhstan ("01.05.2023", "1 May 2023"),
not Django's US default ("05/01/2023", which a reader here takes for 5 January)."""
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "d.m.Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
TIME_FORMAT = "H:i"
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d.%m.%Y"]
FIRST_DAY_OF_WEEK = 1

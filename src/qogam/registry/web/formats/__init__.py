"""Date and number formats for languages Django ships no format module for (Kazakh)."""

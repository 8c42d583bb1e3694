extensions = ["sphinx_seminars"]
exclude_patterns = ["_build", "talks", "archive/2023/talks"]
seminar_today = "2025-06-01"
seminar_speaker_aliases = {"Mei Lin-Zhou": "Mei Lin"}

extensions = ["sphinx_seminars"]
exclude_patterns = ["_build"]
seminar_talks = ["talks/*.md"]
seminar_timezone = "UTC"

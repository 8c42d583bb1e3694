project = "Physics Colloquium"
extensions = ["sphinx_seminars"]
exclude_patterns = ["_build"]
seminar_talks = ["talks/**/*.md"]
seminar_timezone = "Europe/Berlin"
seminar_today = "2025-06-01"
seminar_baseurl = "https://colloquium.example.org/"

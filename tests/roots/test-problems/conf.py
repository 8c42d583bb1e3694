extensions = ["sphinx_seminars"]
exclude_patterns = ["_build", "talks"]

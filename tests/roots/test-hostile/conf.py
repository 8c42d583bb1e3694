extensions = ["sphinx_seminars"]
exclude_patterns = ["_build", "talks", "secret.txt"]
seminar_timezone = "Asia/Kolkata"
# every MyST extension that adds syntax: none of it may work from inside a talk file
myst_enable_extensions = [
    "amsmath", "attrs_inline", "colon_fence", "deflist", "dollarmath", "fieldlist",
    "html_admonition", "html_image", "substitution",
]
myst_substitutions = {"secret": "SUBSTITUTED-SECRET"}

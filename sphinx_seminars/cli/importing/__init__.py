"""What ``sphinx-seminars import`` needs: where an archive keeps its talk files and which
addresses it served them at (Jekyll, Hugo, a plain folder), the files they use, iCalendar
events as talks, and the manifest that keeps a second import from overwriting edits."""

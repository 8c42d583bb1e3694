"""Helpers of the browser tests: build the test site, serve it, drive Chromium."""

"""Build glue for the Traced site: run snippets, show their real output."""

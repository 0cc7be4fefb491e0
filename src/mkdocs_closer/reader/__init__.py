"""The reader's own pages, as data: the course's steps in order and the reflections they hold; no MkDocs imports."""

"""Facilitators' pages: what link sheets list, QR codes, their place in the navigation; no MkDocs imports."""

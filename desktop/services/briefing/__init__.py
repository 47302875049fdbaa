"""Numbered 工作简报 / 工作通报: the facts they are written from, the draft, and the issued record."""

"""Encryption of backups and exchange packages with the office key (issue 18): `sealed` is the file format,
`office_key` the office's X25519 key pair and the passphrase that guards its private half."""

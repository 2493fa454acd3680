"""What the CLI and the web pages call to change registry data: plain functions, each in a
transaction, each writing the audit log. Nothing else writes to the registry."""

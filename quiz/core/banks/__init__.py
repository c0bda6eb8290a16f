"""Bank files: reading YAML with positions, the format's contract, validation and loading."""

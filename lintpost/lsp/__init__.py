"""The lintpost language server (needs the `lsp` extra: pygls)."""

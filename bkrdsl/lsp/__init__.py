"""The .bkr language server.

`document` analyses an editor buffer with the same pipeline as `bkrc check`;
`features` answers hover, completion, navigation, outline, formatting and code
actions as pure functions; `server` wires them to pygls (imported only by
`bkrc lsp`, so the rest of bkrc never needs pygls); `workspace` reaches the
files the editor has not opened; `collector` runs the garbage collector between
requests, not in them. docs/lsp.md shows how to use it from VS Code, Neovim and
Vim.
"""

"""Model to artifacts: one module per artifact kind, each a pure `model -> text` function.

Emitters never re-check: they run only on a model the checker passed. Every
product keyword, verb and field layout comes from a dialect table
(`bkrdsl/dialect/*.toml`, read by `bkrdsl.dialect`), never from code.

    artifacts.py   emit_all(): every file of a cluster, sorted, CMS-checked
    template.py    Backup Manager job templates
    rexx.py        the EXECs: BKRSUBMT, BKREXPIR, BKRSTART (quoting.py: REXX text)
    directory.py   CP directory entries (USER, IDENTITY, SUBCONFIG)
    tape.py        Tape Manager node definitions
    cms.py         the CMS rules every generated file obeys
    destination.py where each kind of file goes on z/VM, said once (manifest goes_to, headers)
    readme.py      README.TXT: each file, where it goes and who uses it (stays off the host)
    common.py      Artifact, headers, text and address helpers

Writing the files (plan, manifest, drift, atomic swap) is `bkrdsl.output`.
"""
